import { roleAtLeast, type JobRecord } from '@weir/protocol';
import { useState } from 'react';
import { ApiRequestError } from '../../api/client';
import { Button } from '../../ui/button';
import { toast } from '../../ui/toast-store';
import { useSession } from '../auth/session-store';
import { restartJob, stopJob } from './job-api';

const ACTIVE = new Set(['CREATED', 'RUNNING', 'RESTARTING', 'FAILING']);

/** Stop (with or without a savepoint) and restart; the server checks the role too, this only explains it. */
export function JobControls({ job, onChange }: { job: JobRecord; onChange(): void }) {
  const user = useSession((s) => s.user);
  const [busy, setBusy] = useState(false);
  const allowed = !!user && roleAtLeast(user.role, 'operator');
  const reason = allowed ? undefined : `Stopping and restarting jobs needs the operator role; you are ${user ? `a ${user.role}` : 'not signed in'}.`;
  const active = ACTIVE.has(job.state);

  async function run(what: string, action: () => Promise<JobRecord>) {
    setBusy(true);
    try {
      await action();
      onChange();
      toast({ tone: 'info', title: what });
    } catch (err) {
      toast({ tone: 'error', title: `Could not ${what.toLowerCase()}`, message: err instanceof ApiRequestError ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      {active ? (
        <>
          <Button variant="danger" disabled={!allowed || busy} title={reason} onClick={() => void run('Stop the job', () => stopJob(job.id, false))}>Stop</Button>
          <Button disabled={!allowed || busy} title={reason} onClick={() => void run('Stop with a savepoint', () => stopJob(job.id, true))}>Stop with savepoint</Button>
        </>
      ) : (
        <Button variant="primary" disabled={!allowed || busy} title={reason} onClick={() => void run('Restart the job', () => restartJob(job.id))}>Restart</Button>
      )}
      {reason && <span className="text-xs text-slate-500 dark:text-slate-400" data-testid="job-controls-reason">{reason}</span>}
    </div>
  );
}
