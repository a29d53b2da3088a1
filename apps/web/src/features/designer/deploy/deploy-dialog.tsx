import { validateDocument, type EngineName } from '@weir/model';
import type { JobRecord } from '@weir/protocol';
import { useMemo, useState } from 'react';
import { asApiError } from '../../../api/client';
import { deployPipeline, listEngines } from '../../../api/job-endpoints';
import { useResource } from '../../../api/use-resource';
import { Link } from '../../../router/link';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { ErrorNotice } from '../../../ui/error-notice';
import { RocketIcon } from '../../../ui/icons';
import { Spinner } from '../../../ui/spinner';
import { toast } from '../../../ui/toast-store';
import { useHasRole } from '../../auth/session-store';
import { useEditor } from '../store/editor-context';

/** What picking an engine means, beside its name (whether it can be picked comes from the server). */
const ENGINE_NOTES: Record<EngineName, string> = {
  embedded: 'Runs inside the Weir server, one worker thread per job.',
  flink: 'Runs on Apache Flink and links to its web UI. Without FLINK_REST_URL the server starts a local Flink on the first deploy, which takes a while.',
};

interface DeployDialogProps {
  /** Saves first when there are unsaved edits; resolves to the saved version or null. */
  save(): Promise<{ pipelineId: string; version: number } | null>;
  onClose(): void;
}

/** Deploy the saved pipeline to an engine; engines that cannot take jobs are shown with the reason. */
export function DeployDialog({ save, onClose }: DeployDialogProps) {
  const doc = useEditor((s) => s.doc);
  const saved = useEditor((s) => s.saved);
  const mayDeploy = useHasRole('operator');
  const engines = useResource(listEngines);
  const [engine, setEngine] = useState<EngineName>('embedded');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; code: string }>();
  const [job, setJob] = useState<JobRecord>();
  const dirty = doc !== saved.doc || saved.pipelineId === null;
  const problems = useMemo(() => validateDocument(doc, { engine }).problems, [doc, engine]);

  const deploy = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      const target = dirty ? await save() : saved.pipelineId && saved.version ? { pipelineId: saved.pipelineId, version: saved.version } : null;
      if (!target) return;
      const record = await deployPipeline(target.pipelineId, { version: target.version, engine });
      setJob(record);
      toast({ tone: 'success', title: `Deployed version ${record.version} to ${engine}`, link: { label: 'Open the job', to: `/jobs/${encodeURIComponent(record.id)}` } });
    } catch (err) {
      const e = asApiError(err);
      setFailure({ message: e.message, code: e.code });
    } finally {
      setBusy(false);
    }
  };

  if (job) {
    return (
      <Dialog title="Deployed" onClose={onClose} size="sm" footer={<Button onClick={onClose}>Close</Button>}>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Version {job.version} of <strong>{job.pipelineName}</strong> runs on the {job.engine} engine as job <span className="font-mono">{job.id}</span> ({job.state}).
        </p>
        <Link to={`/jobs/${encodeURIComponent(job.id)}`} className="mt-3 inline-block text-sm font-medium text-cyan-700 hover:underline dark:text-cyan-400">
          Open the job →
        </Link>
      </Dialog>
    );
  }

  const blocked = !mayDeploy || problems.length > 0;
  return (
    <Dialog
      title="Deploy pipeline"
      description={saved.version ? `The latest saved version is ${saved.version}.` : 'The pipeline has not been saved yet.'}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" onClick={() => void deploy()} disabled={busy || blocked}>
            <RocketIcon className="h-4 w-4" />
            {busy && engine === 'flink' ? 'Deploying to Flink…' : dirty ? 'Save and deploy' : 'Deploy'}
          </Button>
        </>
      }
    >
      <fieldset>
        <legend className="mb-2 text-sm font-medium">Engine</legend>
        {engines.loading && !engines.data && <Spinner label="Asking which engines are available" />}
        {engines.error && <ErrorNotice title="Cannot list the engines" message={engines.error.message} code={engines.error.code} />}
        <div className="space-y-2">
          {engines.data?.engines.map((e) => (
            <label
              key={e.name}
              className={`flex items-start gap-3 rounded-lg border p-3 text-sm ${e.available ? 'cursor-pointer border-slate-200 hover:border-cyan-600 dark:border-slate-700' : 'border-slate-200 opacity-60 dark:border-slate-800'} has-[:checked]:border-cyan-600 has-[:checked]:bg-cyan-50/50 dark:has-[:checked]:bg-cyan-950/30`}
            >
              <input type="radio" name="engine" value={e.name} checked={engine === e.name} disabled={!e.available} onChange={() => setEngine(e.name)} className="mt-0.5 accent-cyan-700" />
              <span>
                <span className="font-medium">{e.label}</span>
                {!e.available && e.reason && <span className="mt-0.5 block text-xs text-slate-500 dark:text-slate-400">Unavailable: {e.reason}</span>}
                {e.available && ENGINE_NOTES[e.name] && <span className="mt-0.5 block text-xs text-slate-500 dark:text-slate-400">{ENGINE_NOTES[e.name]}</span>}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {!mayDeploy && (
        <p role="note" className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
          Your role cannot deploy. Deploying needs the operator or admin role; ask an admin.
        </p>
      )}
      {problems.length > 0 && (
        <div className="mt-4 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:bg-rose-950/40 dark:text-rose-200">
          <p className="font-medium">Fix {problems.length === 1 ? 'this problem' : `these ${problems.length} problems`} first:</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.slice(0, 5).map((p, i) => <li key={i}>{p.message}</li>)}
          </ul>
        </div>
      )}
      {dirty && problems.length === 0 && mayDeploy && (
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-300">You have unsaved changes: they are saved as a new version, which is then deployed.</p>
      )}
      {failure && (
        <div className="mt-4">
          <ErrorNotice title="The deploy failed" message={failure.message} code={failure.code} />
        </div>
      )}
    </Dialog>
  );
}
