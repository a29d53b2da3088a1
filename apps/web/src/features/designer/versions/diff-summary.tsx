import type { FieldChange, PipelineDiff } from '@weir/protocol';
import { showValue } from './diff-to-flow';

function Changes({ changes }: { changes: readonly FieldChange[] }) {
  return (
    <ul className="mt-1 space-y-1">
      {changes.map((c) => (
        <li key={c.path} className="text-xs">
          <span className="font-mono text-slate-700 dark:text-slate-200">{c.path}</span>
          <div className="mt-0.5 grid grid-cols-[auto_1fr] gap-x-2 font-mono text-[11px]">
            <span className="text-rose-600">−</span>
            <span className="break-all text-rose-800 dark:text-rose-300">{showValue(c.before)}</span>
            <span className="text-emerald-600">+</span>
            <span className="break-all text-emerald-800 dark:text-emerald-300">{showValue(c.after)}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The diff in words beside the canvas: what was added, removed and changed, field by field. */
export function DiffSummary({ diff }: { diff: PipelineDiff }) {
  const { nodes, edges } = diff;
  const nothing = nodes.added.length + nodes.removed.length + nodes.changed.length + nodes.moved.length + edges.added.length + edges.removed.length + edges.changed.length + diff.document.length === 0;
  const edgeText = (e: { from: string; to: string; port?: string | undefined }) => `${e.from} → ${e.to}${e.port ? ` (${e.port})` : ''}`;
  return (
    <div className="space-y-4 text-sm">
      {nothing && <p className="text-slate-500">These versions are the same.</p>}
      {diff.document.length > 0 && (
        <section>
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Pipeline</h3>
          <Changes changes={diff.document} />
        </section>
      )}
      {nodes.added.length > 0 && (
        <section>
          <h3 className="text-xs font-semibold tracking-wide text-emerald-700 uppercase dark:text-emerald-400">Added nodes</h3>
          <ul className="mt-1 font-mono text-xs">{nodes.added.map((n) => <li key={n.id}>{n.id} <span className="text-slate-400">({n.kind})</span></li>)}</ul>
        </section>
      )}
      {nodes.removed.length > 0 && (
        <section>
          <h3 className="text-xs font-semibold tracking-wide text-rose-700 uppercase dark:text-rose-400">Removed nodes</h3>
          <ul className="mt-1 font-mono text-xs">{nodes.removed.map((n) => <li key={n.id}>{n.id} <span className="text-slate-400">({n.kind})</span></li>)}</ul>
        </section>
      )}
      {nodes.changed.length > 0 && (
        <section>
          <h3 className="text-xs font-semibold tracking-wide text-amber-700 uppercase dark:text-amber-400">Changed nodes</h3>
          {nodes.changed.map((n) => (
            <div key={n.id} className="mt-2">
              <p className="font-medium">{n.id}</p>
              <Changes changes={n.changes} />
            </div>
          ))}
        </section>
      )}
      {nodes.moved.length > 0 && <p className="text-xs text-slate-500">Moved on the canvas: {nodes.moved.map((n) => n.id).join(', ')}</p>}
      {(edges.added.length > 0 || edges.removed.length > 0 || edges.changed.length > 0) && (
        <section>
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Edges</h3>
          <ul className="mt-1 space-y-0.5 font-mono text-xs">
            {edges.added.map((e) => <li key={`a${edgeText(e)}`} className="text-emerald-700 dark:text-emerald-400">+ {edgeText(e)}</li>)}
            {edges.removed.map((e) => <li key={`r${edgeText(e)}`} className="text-rose-700 dark:text-rose-400">− {edgeText(e)}</li>)}
            {edges.changed.map((e) => <li key={`c${e.from}${e.to}`} className="text-amber-700 dark:text-amber-400">~ {e.from} → {e.to}</li>)}
          </ul>
        </section>
      )}
    </div>
  );
}
