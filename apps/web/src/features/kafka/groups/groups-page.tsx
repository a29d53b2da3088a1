import { useState } from 'react';
import { useResource } from '../../../api/use-resource';
import { Link } from '../../../router/link';
import { PageHeader } from '../../../shell/page-header';
import { Badge } from '../../../ui/badge';
import { Button } from '../../../ui/button';
import { ErrorNotice } from '../../../ui/error-notice';
import { ArrowLeftIcon, RefreshIcon } from '../../../ui/icons';
import { Spinner } from '../../../ui/spinner';
import { fetchGroups } from '../api/kafka-endpoints';
import { count } from '../format';
import { kafkaPaths } from '../paths';
import { stateTone } from './group-state';

const REFRESH_MS = 5000;

export function GroupsPage({ cluster }: { cluster: string }) {
  const [filter, setFilter] = useState('');
  const groups = useResource((signal) => fetchGroups(cluster, signal), { key: cluster, intervalMs: REFRESH_MS });
  const needle = filter.trim().toLowerCase();
  const shown = (groups.data?.groups ?? []).filter((g) => !needle || g.groupId.toLowerCase().includes(needle) || g.topics.some((t) => t.toLowerCase().includes(needle)));
  return (
    <>
      <Link to={kafkaPaths.overview} className="mb-2 inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-800 dark:hover:text-white">
        <ArrowLeftIcon className="h-4 w-4" /> Kafka · {cluster}
      </Link>
      <PageHeader
        title="Consumer groups"
        description={`On cluster ${cluster}; lag sampled every 5 s.`}
        actions={
          <>
            <input className="w-48 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950" placeholder="Filter by group or topic" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Filter groups" />
            <Button size="sm" onClick={groups.refresh} disabled={groups.loading} aria-label="Refresh groups">
              <RefreshIcon className={`h-4 w-4 ${groups.loading ? 'animate-spin' : ''}`} /> Refresh
            </Button>
          </>
        }
      />
      {groups.error && <ErrorNotice title="Cannot list the consumer groups" message={groups.error.message} code={groups.error.code} />}
      {!groups.data && !groups.error && <Spinner label="Loading the groups" />}
      {groups.data && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-left text-sm" aria-label="Consumer groups">
            <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase dark:border-slate-800 dark:text-slate-400">
              <tr>
                <th className="px-4 py-2 font-medium">Group</th>
                <th className="px-4 py-2 font-medium">State</th>
                <th className="px-4 py-2 text-right font-medium">Members</th>
                <th className="px-4 py-2 font-medium">Topics</th>
                <th className="px-4 py-2 text-right font-medium">Lag</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {shown.map((g) => (
                <tr key={g.groupId}>
                  <td className="px-4 py-2 font-mono text-[13px]"><Link to={kafkaPaths.group(cluster, g.groupId)} className="text-cyan-800 hover:underline dark:text-cyan-300">{g.groupId}</Link></td>
                  <td className="px-4 py-2"><Badge tone={stateTone(g.state)}>{g.state}</Badge></td>
                  <td className="px-4 py-2 text-right tabular-nums">{g.members}</td>
                  <td className="px-4 py-2 font-mono text-xs">{g.topics.join(', ')}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{g.lag === null ? '—' : count(g.lag)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length === 0 && <p className="py-6 text-center text-sm text-slate-500">{groups.data.groups.length === 0 ? 'No consumer groups on this cluster.' : 'No group matches the filter.'}</p>}
        </div>
      )}
    </>
  );
}
