import { useReactFlow } from '@xyflow/react';
import type { Problem } from '@weir/model';
import { CheckIcon } from '../../../ui/icons';
import { nodeLabel } from '../document/design-document';
import { useEditor, useEditorStore } from '../store/editor-context';
import { fieldMessage } from '../config/problem-placement';

/** Every problem validation reports; clicking one selects its node and brings it into view. */
export function ProblemsPanel() {
  const problems = useEditor((s) => s.validation.problems);
  const validated = useEditor((s) => s.validation.doc !== null);
  const nodeById = useEditor((s) => s.nodeById);
  const store = useEditorStore();
  const flow = useReactFlow();

  const reveal = (p: Problem) => {
    if (p.node === undefined || !nodeById.has(p.node)) {
      store.getState().select({ nodes: [], edges: [] });
      return;
    }
    store.getState().select({ nodes: [p.node], edges: [] });
    void flow.fitView({ nodes: [{ id: p.node }], duration: 300, maxZoom: 1.2, padding: 0.6 });
  };

  if (!validated) return <p className="p-4 text-sm text-slate-500">Checking…</p>;
  if (problems.length === 0) {
    return (
      <p className="flex items-center gap-2 p-4 text-sm text-emerald-700 dark:text-emerald-400">
        <CheckIcon className="h-4 w-4" />
        No problems: this pipeline is ready to deploy.
      </p>
    );
  }
  return (
    <ul aria-label="Problems" className="divide-y divide-slate-100 dark:divide-slate-800">
      {problems.map((p, i) => {
        const node = p.node === undefined ? undefined : nodeById.get(p.node);
        return (
          <li key={i}>
            <button
              type="button"
              onClick={() => reveal(p)}
              className="flex w-full items-baseline gap-3 px-4 py-2 text-left text-sm hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-none dark:hover:bg-slate-800/50 dark:focus-visible:bg-slate-800/50"
            >
              <span className="w-40 shrink-0 truncate font-medium text-slate-800 dark:text-slate-100">{node ? nodeLabel(node) : p.node ?? 'Pipeline'}</span>
              <span className="min-w-0 flex-1 text-slate-600 dark:text-slate-300">
                {p.field && <span className="mr-1 font-mono text-xs text-slate-500">{p.field}</span>}
                {fieldMessage(p)}
              </span>
              <span className="shrink-0 font-mono text-[11px] text-rose-700 dark:text-rose-400">{p.code}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
