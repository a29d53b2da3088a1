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

export function Sidebar() {
  return (
    <nav aria-label="Main" className="flex w-56 shrink-0 flex-col justify-between border-r border-slate-200 bg-slate-100/60 p-3 dark:border-slate-800 dark:bg-slate-900/40">
      <ul className="space-y-1">
        {NAV_ITEMS.map((item) => (
          <li key={item.to}>
            <Link to={item.to} matchNested className={ITEM}>
              {item.icon}
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
      {/* The server's own page, outside the app's router. */}
      <a href="/docs" className={ITEM}>
        <DocsIcon />
        API reference
      </a>
    </nav>
  );
}
