import { useMemo } from 'react';
import { useResource } from '../../api/use-resource';
import { Link } from '../../router/link';
import { PageHeader } from '../../shell/page-header';
import { Card, Stat } from '../../ui/card';
import { ErrorNotice } from '../../ui/error-notice';
import { Spinner } from '../../ui/spinner';
import { bytes } from '../../ui/format-bytes';
import { compactNumber, duration, rate } from '../designer/live/live-format';
import { LineChart } from './charts/line-chart';
import { engineLink } from './engine-link';
import { getJob } from './job-api';
import { backpressureSeries, checkpointHistory, lagSeries, throughputSeries } from './job-charts';
import { JobControls } from './job-controls';
import { JobStateBadge, uptimeMs } from './job-state-badge';
import { useJobLive } from './live/use-job-live';

const pct = (n: number) => `${Math.round(n)}%`;

/** `/jobs/:id`: live charts, checkpoints, errors and controls of one job. */
export function JobPage({ jobId }: { jobId: string }) {
  const loaded = useResource((signal) => getJob(jobId, signal), { key: jobId, intervalMs: 5000 });
  const job = loaded.data;
  const live = useJobLive(jobId);
  const { points, latest } = live;
  const charts = useMemo(
    () => ({ throughput: throughputSeries(points), lag: lagSeries(points), bp: backpressureSeries(points), checkpoints: checkpointHistory(points) }),
    [points],
  );
  if (loaded.error && !job) return <ErrorNotice title="Could not load the job" message={loaded.error.message} code={loaded.error.code} />;
  if (!job) return <Spinner label="Loading the job" />;
  const last = points.at(-1);
  const up = uptimeMs(job, Date.now());
  const nodeErrors = latest ? Object.entries(latest.nodes).filter(([, m]) => m.errors > 0 || m.lateRecords > 0) : [];
  const cp = charts.checkpoints;
  const ui = engineLink(job);
  return (
    <>
      <PageHeader
        title={`${job.pipelineName} v${job.version}`}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <JobStateBadge state={latest?.state ?? job.state} />
            <span>{job.engine}</span>
            {up !== null && <span>up {duration(up)}</span>}
            <span className={live.status.state === 'live' ? 'text-emerald-700 dark:text-emerald-400' : ''}>
              {live.status.state === 'live' ? '● live' : live.status.state === 'connecting' ? 'connecting…' : live.status.message}
            </span>
            <Link to={`/pipelines/${job.pipelineId}`} className="font-medium text-cyan-700 hover:underline dark:text-cyan-400">Open on the canvas</Link>
            {ui && <a href={ui.href} title={ui.title} target="_blank" rel="noreferrer" className="font-medium text-cyan-700 hover:underline dark:text-cyan-400" data-testid="engine-link">{ui.label} ↗</a>}
            {job.engine === 'flink' && job.externalId && <span className="font-mono text-xs" title="Flink job id">{job.externalId}</span>}
          </span>
        }
        actions={<JobControls job={job} onChange={() => loaded.refresh()} />}
      />
      <dl className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label="Records in" value={last ? rate(last.recordsIn) : '—'} />
        <Stat label="Records out" value={last ? rate(last.recordsOut) : '—'} />
        <Stat label="Lag" value={last ? `${compactNumber(last.lag)}${last.lagMs !== null ? ` · ${duration(last.lagMs)}` : ''}` : '—'} />
        <Stat label="Backpressure" value={last ? pct(last.maxBackPressuredMs / 10) : '—'} />
      </dl>
      <div className="mb-6 grid gap-4 lg:grid-cols-2">
        <Card><LineChart title="Throughput (records/s)" series={charts.throughput} format={compactNumber} /></Card>
        <Card><LineChart title="Lag per partition (records)" series={charts.lag} format={compactNumber} /></Card>
        <Card><LineChart title="Backpressure (% of each second)" series={charts.bp} format={pct} max={100} /></Card>
        <Card>
          <LineChart
            title="Checkpoint duration (ms)"
            series={[{ name: 'duration', color: '#8b5cf6', values: points.map((p) => p.checkpoint?.durationMs ?? null) }]}
            format={(n) => duration(n)}
          />
          <LineChart
            title="Checkpoint size"
            series={[{ name: 'size', color: '#10b981', values: points.map((p) => p.checkpoint?.sizeBytes ?? null) }]}
            format={bytes}
          />
        </Card>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={`Checkpoints${latest ? ` · ${latest.checkpoints.completed} completed, ${latest.checkpoints.failed} failed` : ''}`}>
          {latest?.checkpoints.inProgress && <p className="mb-2 text-sm">#{latest.checkpoints.inProgress.id} in progress since {duration(Date.now() - latest.checkpoints.inProgress.startedAt)}</p>}
          {cp.length === 0 ? (
            <p className="text-sm text-slate-500">No checkpoint completed in the last {Math.round(points.length / 60)} minutes.</p>
          ) : (
            <table className="w-full text-sm" aria-label="Checkpoint history">
              <thead className="text-xs text-slate-500"><tr><th className="text-left">#</th><th className="text-left">Seen</th><th className="text-right">Duration</th><th className="text-right">Size</th></tr></thead>
              <tbody>
                {[...cp].reverse().slice(0, 20).map((c) => (
                  <tr key={c.id}><td>{c.id}</td><td>{new Date(c.seenAt).toISOString().slice(11, 19)}</td><td className="text-right">{duration(c.durationMs)}</td><td className="text-right">{bytes(c.sizeBytes)}</td></tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
        <Card title="Errors">
          {!job.error && !latest?.error && nodeErrors.length === 0 && <p className="text-sm text-slate-500">No errors.</p>}
          {(job.error ?? latest?.error) && (
            <p className="mb-2 text-sm text-rose-700 dark:text-rose-400" data-testid="job-error">
              <span className="font-mono">{(job.error ?? latest!.error)!.code}</span>: {(job.error ?? latest!.error)!.message}
            </p>
          )}
          <ul className="text-sm">
            {nodeErrors.map(([id, m]) => (
              <li key={id}><span className="font-mono">{id}</span>: {m.errors} failed records, {m.lateRecords} late</li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
