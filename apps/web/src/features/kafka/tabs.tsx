import type { ReactNode } from 'react';

export interface Tab {
  id: string;
  label: ReactNode;
}

/** A row of tabs (the panel below is the caller's); arrow keys move between them. */
export function Tabs({ tabs, current, onChange, label }: { tabs: readonly Tab[]; current: string; onChange(id: string): void; label: string }) {
  return (
    <div role="tablist" aria-label={label} className="mb-4 flex gap-1 border-b border-slate-200 dark:border-slate-800">
      {tabs.map((t, i) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          aria-selected={t.id === current}
          tabIndex={t.id === current ? 0 : -1}
          onClick={() => onChange(t.id)}
          onKeyDown={(e) => {
            if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
            const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
            onChange(next.id);
          }}
          className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 aria-selected:border-cyan-600 aria-selected:text-cyan-800 dark:text-slate-400 dark:hover:text-white dark:aria-selected:border-cyan-400 dark:aria-selected:text-cyan-200"
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
