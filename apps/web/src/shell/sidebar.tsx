import type { ReactNode } from 'react';
import { Link } from '../router/link';
import { DocsIcon, JobsIcon, KafkaIcon, PipelinesIcon } from '../ui/icons';

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/pipelines', label: 'Pipelines', icon: <PipelinesIcon /> },
  { to: '/jobs', label: 'Jobs', icon: <JobsIcon /> },
  { to: '/kafka', label: 'Kafka', icon: <KafkaIcon /> },
];

const ITEM =
  'flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-slate-600 transition-colors hover:bg-slate-200/60 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-white ' +
  'aria-[current=page]:bg-cyan-50 aria-[current=page]:text-cyan-800 dark:aria-[current=page]:bg-cyan-950/60 dark:aria-[current=page]:text-cyan-200';

/** The main navigation; `compact` (beside the canvas) shows icons only, the names staying for screen readers and tooltips. */
export function Sidebar({ compact = false }: { compact?: boolean }) {
  const label = (text: string) => (compact ? <span className="sr-only">{text}</span> : text);
  const item = compact ? `${ITEM} justify-center px-0` : ITEM;
  return (
    <nav
      aria-label="Main"
      className={`flex shrink-0 flex-col justify-between border-r border-slate-200 bg-slate-100/60 dark:border-slate-800 dark:bg-slate-900/40 ${compact ? 'w-14 p-2' : 'w-56 p-3'}`}
    >
      <ul className="space-y-1">
        {NAV_ITEMS.map((entry) => (
          <li key={entry.to}>
            <Link to={entry.to} matchNested className={item} title={compact ? entry.label : undefined}>
              {entry.icon}
              {label(entry.label)}
            </Link>
          </li>
        ))}
      </ul>
      {/* The server's own page, outside the app's router. */}
      <a href="/docs" className={item} title={compact ? 'API reference' : undefined}>
        <DocsIcon />
        {label('API reference')}
      </a>
    </nav>
  );
}
