import { useReactFlow } from '@xyflow/react';
import { useState, type KeyboardEvent } from 'react';
import { ChevronDownIcon, ExpandIcon } from '../../../ui/icons';
import { FIT_VIEW } from '../flow/fit-view';
import { useEditor } from '../store/editor-context';
import { ProblemsPanel } from './problems-panel';
import { SqlPanel } from './sql-panel';

type Tab = 'problems' | 'sql';
const TABS: readonly Tab[] = ['problems', 'sql'];

/** Below the canvas: the problems list and the live Flink SQL, in tabs; collapsible. */
export function BottomPanel() {
  const [tab, setTab] = useState<Tab>('problems');
  const [open, setOpen] = useState(true);
  const [tall, setTall] = useState(false);
  const flow = useReactFlow();
  const resize = (change: () => void) => {
    change();
    // The canvas above changes height: keep the pipeline in view.
    requestAnimationFrame(() => void flow.fitView({ ...FIT_VIEW, duration: 200 }));
  };
  const count = useEditor((s) => s.validation.problems.length);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = TABS[(TABS.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next);
    document.getElementById(`bottom-tab-${next}`)?.focus();
  };
  const tabClass = (t: Tab) =>
    `flex h-9 items-center gap-2 border-b-2 px-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-cyan-600 ${
      tab === t && open ? 'border-cyan-600 text-slate-900 dark:text-white' : 'border-transparent text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-200'
    }`;

  return (
    <section aria-label="Problems and SQL" className={`flex shrink-0 flex-col border-t border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900 ${open ? (tall ? 'h-[55%]' : 'h-48') : ''}`}>
      <div className="flex items-center justify-between border-b border-slate-200 pr-2 dark:border-slate-800">
        <div role="tablist" aria-label="Panels" className="flex" onKeyDown={onKeyDown}>
          <button id="bottom-tab-problems" role="tab" type="button" aria-selected={tab === 'problems'} aria-controls="bottom-panel" tabIndex={tab === 'problems' ? 0 : -1} className={tabClass('problems')} onClick={() => { setTab('problems'); setOpen(true); }}>
            Problems
            <span className={`rounded-full px-1.5 text-xs ${count > 0 ? 'bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-300' : 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300'}`}>{count}</span>
          </button>
          <button id="bottom-tab-sql" role="tab" type="button" aria-selected={tab === 'sql'} aria-controls="bottom-panel" tabIndex={tab === 'sql' ? 0 : -1} className={tabClass('sql')} onClick={() => { setTab('sql'); setOpen(true); }}>
            Flink SQL
          </button>
        </div>
        <div className="flex items-center gap-1">
          {open && (
            <button
              type="button"
              onClick={() => resize(() => setTall((t) => !t))}
              aria-label="Enlarge the panel"
              aria-pressed={tall}
              title={tall ? 'Shrink the panel' : 'Enlarge the panel'}
              className="rounded p-1 text-slate-500 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-cyan-600 aria-pressed:bg-slate-100 dark:hover:bg-slate-800 dark:aria-pressed:bg-slate-800"
            >
              <ExpandIcon className="h-4 w-4" />
            </button>
          )}
          <button
            type="button"
            onClick={() => resize(() => setOpen((o) => !o))}
            aria-label={open ? 'Collapse the panel' : 'Expand the panel'}
            aria-expanded={open}
            className="rounded p-1 text-slate-500 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-cyan-600 dark:hover:bg-slate-800"
          >
            <ChevronDownIcon className={`h-4 w-4 transition-transform ${open ? '' : 'rotate-180'}`} />
          </button>
        </div>
      </div>
      {open && (
        <div id="bottom-panel" role="tabpanel" aria-labelledby={`bottom-tab-${tab}`} className="min-h-0 flex-1 overflow-y-auto">
          {tab === 'problems' ? <ProblemsPanel /> : <SqlPanel active />}
        </div>
      )}
    </section>
  );
}
