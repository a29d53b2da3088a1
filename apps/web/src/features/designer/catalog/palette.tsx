import { useReactFlow } from '@xyflow/react';
import { useId, useState } from 'react';
import { SearchIcon } from '../../../ui/icons';
import { cornerForCentre, freeSpot } from '../flow/add-node-at';
import { KIND_MIME } from '../flow/drag-kind';
import { useEditorStore } from '../store/editor-context';
import { paletteGroups } from './catalog';
import { CATEGORY_ACCENTS, NodeIcon } from './node-icon';

/**
 * The node palette, generated from the model's catalog: search, categories, and each kind
 * draggable onto the canvas or added with a click (or Enter) in the middle of the view.
 */
export function Palette() {
  const store = useEditorStore();
  const { screenToFlowPosition } = useReactFlow();
  const [query, setQuery] = useState('');
  const searchId = useId();
  const groups = paletteGroups(query);

  const addInView = (kind: string) => {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    const centre = pane ? screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 }) : { x: 0, y: 0 };
    store.getState().addNode(kind, freeSpot(store.getState().doc, cornerForCentre(centre)));
  };

  return (
    <aside aria-label="Node palette" className="flex w-52 shrink-0 flex-col border-r border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="border-b border-slate-200 p-3 dark:border-slate-800">
        <label htmlFor={searchId} className="sr-only">
          Search nodes
        </label>
        <div className="relative">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 h-4 w-4 -translate-y-1/2 text-slate-400" />
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Search nodes"
            className="h-8 w-full rounded-md border border-slate-300 bg-white pr-2 pl-8 text-sm placeholder:text-slate-400 focus-visible:outline-2 focus-visible:outline-cyan-600 dark:border-slate-700 dark:bg-slate-950"
          />
        </div>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto p-2">
        {groups.length === 0 && <p className="px-2 py-6 text-center text-sm text-slate-500">No node matches “{query}”.</p>}
        {groups.map((group) => (
          <section key={group.category} aria-labelledby={`palette-${group.category}`} className="mb-3">
            <h3 id={`palette-${group.category}`} className="px-2 pt-1 pb-1.5 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">
              {group.label}
            </h3>
            <ul className="space-y-0.5">
              {group.kinds.map((kind) => (
                <li key={kind.kind}>
                  <button
                    type="button"
                    draggable
                    onDragStart={(e) => {
                      e.dataTransfer.setData(KIND_MIME, kind.kind);
                      e.dataTransfer.effectAllowed = 'copy';
                    }}
                    onClick={() => addInView(kind.kind)}
                    title={kind.help}
                    aria-label={`Add ${kind.label}`}
                    data-kind={kind.kind}
                    className="group flex w-full cursor-grab items-center gap-2.5 rounded-md px-2 py-1.5 text-left text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-cyan-600 active:cursor-grabbing dark:text-slate-200 dark:hover:bg-slate-800"
                  >
                    <span className={`flex h-7 w-7 shrink-0 items-center justify-center rounded-md ${CATEGORY_ACCENTS[kind.category]?.icon}`}>
                      <NodeIcon name={kind.icon} />
                    </span>
                    <span className="truncate">{kind.label}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <p className="border-t border-slate-200 px-3 py-2 text-xs text-slate-500 dark:border-slate-800 dark:text-slate-400">Drag onto the canvas, or click to add.</p>
    </aside>
  );
}
