import { useState } from 'react';
import { KAFKA_EVENTS, KAFKA_ROOMS, type GroupLagEvent, type LagPoint } from '@weir/protocol';
import { useResource } from '../../../api/use-resource';
import { useLiveRoom } from '../../../realtime/use-live-room';
import { Link } from '../../../router/link';
import { PageHeader } from '../../../shell/page-header';
import { Badge } from '../../../ui/badge';
import { Button } from '../../../ui/button';
import { Card, Stat } from '../../../ui/card';
import { ErrorNotice } from '../../../ui/error-notice';
import { ArrowLeftIcon, RefreshIcon } from '../../../ui/icons';
import { LineChart } from '../../../ui/line-chart';
import { Spinner } from '../../../ui/spinner';
import { fetchGroup } from '../api/kafka-endpoints';
import { compact, count } from '../format';
import { LiveBadge } from '../live-badge';
import { kafkaPaths } from '../paths';
import { RoleButton } from '../role-gate';
import { stateTone } from './group-state';
import { lagLines, mergeLag } from './lag-series';
import { ResetOffsetsDialog } from './reset-offsets-dialog';

const REFRESH_MS = 15_000;

export function GroupPage({ cluster, group }: { cluster: string; group: string }) {
  const detail = useResource((signal) => fetchGroup(cluster, group, signal), { key: `${cluster}/${group}`, intervalMs: REFRESH_MS });
  const [live, setLive] = useState<{ points: LagPoint[]; last: GroupLagEvent | null }>({ points: [], last: null });
  const [resetting, setResetting] = useState(false);
  const status = useLiveRoom(`${KAFKA_ROOMS.group}:${cluster}:${group}`, { cluster, group }, {
    [KAFKA_EVENTS.groupLag]: (e: GroupLagEvent) => setLive((s) => ({ points: [...s.points, e.point].slice(-800), last: e })),
  });
  const d = detail.data;
  // The newest of the page's answer and the live samples wins.
  const fresher = live.last && d && Date.parse(live.last.point.at) > (d.history.length ? Date.parse(d.history[d.history.length - 1]!.at) : 0);
  const offsets = fresher ? live.last!.offsets : (d?.offsets ?? []);
  const state = fresher ? live.last!.state : (d?.state ?? '');
  const points = mergeLag(d?.history ?? [], live.points);
  const totalLag = offsets.reduce((n, o) => n + (o.lag ?? 0), 0);
  const topics = [...new Set(offsets.map((o) => o.topic))];

  return (
    <>
      <Link to={kafkaPaths.groups(cluster)} className="mb-2 inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-800 dark:hover:text-white">
        <ArrowLeftIcon className="h-4 w-4" /> Consumer groups · {cluster}
      </Link>
      <PageHeader
        title={group}
        description={d ? `${d.protocolType || 'offsets only'}${d.protocol ? ` · ${d.protocol}` : ''}` : 'Consumer group'}
        actions={
          <>
            <LiveBadge status={status} />
            <Button size="sm" onClick={detail.refresh} disabled={detail.loading} aria-label="Refresh group">
              <RefreshIcon className={`h-4 w-4 ${detail.loading ? 'animate-spin' : ''}`} /> Refresh
            </Button>
            <RoleButton role="admin" size="sm" variant="danger" onClick={() => setResetting(true)} disabled={!d}>Reset offsets</RoleButton>
          </>
        }
      />
      {detail.error && <ErrorNotice title="Cannot load the group" message={detail.error.message} code={detail.error.code} />}
      {!d && !detail.error && <Spinner label="Loading the group" />}
      {d && (
        <div className="space-y-6">
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4" aria-label="Group figures">
            <Stat label="State" value={<Badge tone={stateTone(state)}>{state}</Badge>} />
            <Stat label="Members" value={d.members.length} />
            <Stat label="Total lag" value={count(totalLag)} />
            <Stat label="Partitions" value={offsets.length} />
          </dl>
          <Card title={`Lag over the last hour (a sample every ${d.sampleIntervalMs / 1000} s)`}>
            <LineChart series={lagLines(points)} label={`Lag of ${group} over time`} formatY={compact} minSpanMs={10 * 60_000} />
          </Card>
          <Card title="Offsets">
            <table className="w-full text-left text-sm" aria-label="Group offsets">
              <thead className="text-xs tracking-wide text-slate-500 uppercase dark:text-slate-400">
                <tr>
                  <th className="pb-2 font-medium">Topic</th>
                  <th className="pb-2 font-medium">Partition</th>
                  <th className="pb-2 text-right font-medium">Committed</th>
                  <th className="pb-2 text-right font-medium">End</th>
                  <th className="pb-2 text-right font-medium">Lag</th>
                  <th className="pb-2 pl-4 font-medium">Owner</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {offsets.map((o) => (
                  <tr key={`${o.topic}/${o.partition}`}>
                    <td className="py-1.5 font-mono text-xs"><Link to={kafkaPaths.topic(cluster, o.topic)} className="text-cyan-800 hover:underline dark:text-cyan-300">{o.topic}</Link></td>
                    <td className="py-1.5 tabular-nums">{o.partition}</td>
                    <td className="py-1.5 text-right tabular-nums">{o.committed === null ? '—' : count(o.committed)}</td>
                    <td className="py-1.5 text-right tabular-nums">{count(o.end)}</td>
                    <td className="py-1.5 text-right tabular-nums">{o.lag === null ? '—' : count(o.lag)}</td>
                    <td className="py-1.5 pl-4 font-mono text-xs text-slate-500">{o.owner ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {offsets.length === 0 && <p className="py-4 text-sm text-slate-500">The group has no committed offsets.</p>}
          </Card>
          {d.members.length > 0 && (
            <Card title="Members">
              <table className="w-full text-left text-sm" aria-label="Group members">
                <thead className="text-xs tracking-wide text-slate-500 uppercase dark:text-slate-400">
                  <tr><th className="pb-2 font-medium">Client</th><th className="pb-2 font-medium">Host</th><th className="pb-2 font-medium">Assigned</th></tr>
                </thead>
                <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                  {d.members.map((m) => (
                    <tr key={m.memberId}>
                      <td className="py-1.5 font-mono text-xs" title={m.memberId}>{m.clientId}</td>
                      <td className="py-1.5 font-mono text-xs">{m.host}</td>
                      <td className="py-1.5 font-mono text-xs">{m.assignment.map((a) => `${a.topic} [${a.partitions.join(', ')}]`).join('; ') || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
          )}
        </div>
      )}
      {resetting && d && (
        <ResetOffsetsDialog cluster={cluster} group={group} topics={topics} state={state} onClose={() => setResetting(false)} onApplied={detail.refresh} />
      )}
    </>
  );
}
