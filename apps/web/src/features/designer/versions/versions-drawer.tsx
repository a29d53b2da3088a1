import { useEffect, useId, useMemo, useState } from 'react';
import { fetchPipeline, listVersions } from '../../../api/pipeline-endpoints';
import { useResource } from '../../../api/use-resource';
import { Badge } from '../../../ui/badge';
import { Button } from '../../../ui/button';
import { ErrorNotice } from '../../../ui/error-notice';
import { dateTime, timeAgo } from '../../../ui/format-time';
import { CloseIcon, DiffIcon } from '../../../ui/icons';
import { Spinner } from '../../../ui/spinner';
import { toast } from '../../../ui/toast-store';
import type { DesignDocument } from '../document/design-document';
import { useEditor, useEditorStore } from '../store/editor-context';

const SELECT = 'h-8 rounded-md border border-slate-300 bg-white px-2 text-sm focus-visible:outline-2 focus-visible:outline-cyan-600 dark:border-slate-700 dark:bg-slate-950';

/** The saved versions of the pipeline: open one in the editor, or compare two on the canvas. */
export function VersionsDrawer({ onCompare, onClose }: { onCompare(from: number, to: number): void; onClose(): void }) {
  const store = useEditorStore();
  const pipelineId = useEditor((s) => s.saved.pipelineId);
  const savedVersion = useEditor((s) => s.saved.version);
  const { data, error, loading, refresh } = useResource((signal) => (pipelineId ? listVersions(pipelineId, signal) : Promise.resolve({ versions: [] })), {
    key: `${pipelineId}:${savedVersion}`,
  });
  const versions = useMemo(() => data?.versions ?? [], [data]);
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const ids = useId();

  useEffect(() => {
    if (versions.length >= 2 && from === undefined && to === undefined) {
      setTo(versions[0]!.version);
      setFrom(versions[1]!.version);
    }
  }, [versions, from, to]);

  const open = async (version: number) => {
    if (!pipelineId) return;
    try {
      const record = await fetchPipeline(pipelineId, version);
      store.getState().replaceDocument(record.document as DesignDocument);
      toast({ tone: 'info', title: `Opened version ${version}`, message: 'Save to make it the latest version; Ctrl+Z goes back.' });
    } catch (err) {
      toast({ tone: 'error', title: `Cannot open version ${version}`, message: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <aside aria-label="Version history" className="absolute inset-y-0 right-0 z-20 flex w-96 flex-col border-l border-slate-200 bg-white shadow-2xl dark:border-slate-800 dark:bg-slate-900">
      <header className="flex items-center justify-between border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        <h2 className="text-sm font-semibold">Version history</h2>
        <Button variant="ghost" size="icon-sm" onClick={onClose} aria-label="Close version history">
          <CloseIcon className="h-4 w-4" />
        </Button>
      </header>
      {!pipelineId ? (
        <p className="p-4 text-sm text-slate-500 dark:text-slate-400">Save the pipeline to start its history: every save is a new version you can open and compare.</p>
      ) : (
        <>
          {versions.length >= 2 && (
            <div className="border-b border-slate-200 p-4 dark:border-slate-800">
              <p className="mb-2 text-xs font-medium text-slate-600 dark:text-slate-300">Compare two versions on the canvas</p>
              <div className="flex items-end gap-2">
                <label className="text-xs text-slate-500" htmlFor={`${ids}-from`}>
                  From
                  <select id={`${ids}-from`} className={`${SELECT} mt-1 block`} value={from ?? ''} onChange={(e) => setFrom(Number(e.target.value))}>
                    {versions.map((v) => <option key={v.version} value={v.version}>v{v.version}</option>)}
                  </select>
                </label>
                <label className="text-xs text-slate-500" htmlFor={`${ids}-to`}>
                  To
                  <select id={`${ids}-to`} className={`${SELECT} mt-1 block`} value={to ?? ''} onChange={(e) => setTo(Number(e.target.value))}>
                    {versions.map((v) => <option key={v.version} value={v.version}>v{v.version}</option>)}
                  </select>
                </label>
                <Button size="sm" variant="primary" disabled={from === undefined || to === undefined || from === to} onClick={() => from !== undefined && to !== undefined && onCompare(from, to)}>
                  <DiffIcon className="h-4 w-4" />
                  Show changes
                </Button>
              </div>
            </div>
          )}
          <div className="min-h-0 flex-1 overflow-y-auto">
            {error && <div className="p-4"><ErrorNotice title="Cannot load the versions" message={error.message} code={error.code} action={<Button size="sm" onClick={refresh}>Retry</Button>} /></div>}
            {loading && !data && <Spinner className="p-4" label="Loading versions" />}
            <ol aria-label="Versions" className="divide-y divide-slate-100 dark:divide-slate-800">
              {versions.map((v) => (
                <li key={v.version} className="flex items-center justify-between gap-3 px-4 py-3">
                  <div className="min-w-0 text-sm">
                    <p className="flex items-center gap-2 font-medium">
                      Version {v.version}
                      {v.version === savedVersion && <Badge tone="info">editing</Badge>}
                      {!v.valid && <Badge tone="warn">draft</Badge>}
                    </p>
                    <p className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
                      <time dateTime={v.createdAt} title={dateTime(v.createdAt)}>{timeAgo(v.createdAt)}</time>
                      {v.author && ` by ${v.author}`}
                    </p>
                  </div>
                  <Button size="sm" onClick={() => void open(v.version)} aria-label={`Open version ${v.version} in the editor`}>
                    Open
                  </Button>
                </li>
              ))}
            </ol>
          </div>
        </>
      )}
    </aside>
  );
}
