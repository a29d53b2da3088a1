import type { PipelineSummary } from '@weir/protocol';
import { Link } from '../../../router/link';
import { Badge } from '../../../ui/badge';
import { Button } from '../../../ui/button';
import { dateTime, timeAgo } from '../../../ui/format-time';
import { TrashIcon } from '../../../ui/icons';

function Validity({ pipeline }: { pipeline: PipelineSummary }) {
  if (pipeline.valid) return <Badge tone="ok">Valid</Badge>;
  const n = pipeline.problemCount;
  return (
    <Badge tone="warn" title="Saved as a draft: open it to see the problems">
      {n} {n === 1 ? 'problem' : 'problems'}
    </Badge>
  );
}

/** The saved pipelines, newest change first. */
export function PipelineTable({ pipelines, onDelete }: { pipelines: readonly PipelineSummary[]; onDelete(p: PipelineSummary): void }) {
  const sorted = [...pipelines].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-left text-sm" aria-label="Pipelines">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-500 uppercase dark:border-slate-800 dark:bg-slate-900/60 dark:text-slate-400">
          <tr>
            <th className="px-4 py-2.5 font-medium">Name</th>
            <th className="px-4 py-2.5 font-medium">Version</th>
            <th className="px-4 py-2.5 font-medium">Status</th>
            <th className="px-4 py-2.5 font-medium">Updated</th>
            <th className="px-4 py-2.5">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {sorted.map((p) => (
            <tr key={p.id} className="hover:bg-slate-50 dark:hover:bg-slate-800/40">
              <td className="px-4 py-3">
                <Link to={`/pipelines/${encodeURIComponent(p.id)}`} className="font-medium text-slate-900 hover:text-cyan-700 hover:underline focus-visible:outline-2 focus-visible:outline-cyan-600 dark:text-slate-100 dark:hover:text-cyan-400">
                  {p.name}
                </Link>
                {p.description && <p className="mt-0.5 max-w-md truncate text-slate-500 dark:text-slate-400">{p.description}</p>}
              </td>
              <td className="px-4 py-3 tabular-nums text-slate-600 dark:text-slate-300">v{p.version}</td>
              <td className="px-4 py-3">
                <Validity pipeline={p} />
              </td>
              <td className="px-4 py-3 text-slate-600 dark:text-slate-300">
                <time dateTime={p.updatedAt} title={dateTime(p.updatedAt)}>
                  {timeAgo(p.updatedAt)}
                </time>
                {p.updatedBy && <span className="text-slate-400"> by {p.updatedBy}</span>}
              </td>
              <td className="px-4 py-3 text-right">
                <Button variant="ghost" size="icon-sm" onClick={() => onDelete(p)} aria-label={`Delete ${p.name}`} title={`Delete ${p.name}`}>
                  <TrashIcon className="h-4 w-4" />
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
