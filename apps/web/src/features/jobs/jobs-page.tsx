import { ALL_JOBS_ROOM, JOB_EVENTS, type JobSparklinesEvent, type JobSummariesEvent, type JobSummary } from '@weir/protocol/live-jobs';
import { useState } from 'react';
import { listJobs } from '../../api/job-endpoints';
import { useResource } from '../../api/use-resource';
import { Link } from '../../router/link';
import { PageHeader } from '../../shell/page-header';
import { EmptyState } from '../../ui/empty-state';
import { ErrorNotice } from '../../ui/error-notice';
import { JobsIcon } from '../../ui/icons';
import { Spinner } from '../../ui/spinner';
import { compactNumber, duration, LEVEL_TEXT, rate } from '../designer/live/live-format';
import { Sparkline } from './charts/line-chart';
import { JobStateBadge, uptimeMs } from './job-state-badge';
import { useLiveRoom } from '../../realtime/use-live-room';

const SPARK = 120;

/** Live rows of the job list: summaries each second, sparklines seeded from the server's history. */
function useJobsLive() {
  const [live, setLive] = useState<{ summaries: Record<string, JobSummary>; sparks: Record<string, number[]> }>({ summaries: {}, sparks: {} });
  useLiveRoom(ALL_JOBS_ROOM, {}, {
    [JOB_EVENTS.sparklines]: (e: JobSparklinesEvent) => setLive((s) => ({ ...s, sparks: e.jobs })),
    [JOB_EVENTS.summaries]: (e: JobSummariesEvent) =>
      setLive((s) => {
        const sparks = { ...s.sparks };
        for (const j of e.jobs) {
          const prev = s.summaries[j.jobId];
          if (prev?.time === j.time) continue;
          sparks[j.jobId] = [...(sparks[j.jobId] ?? []), j.recordsIn].slice(-SPARK);
        }
        return { summaries: Object.fromEntries(e.jobs.map((j) => [j.jobId, j])), sparks };
      }),
  });
  return live;
}

export function JobsPage() {
  const jobs = useResource((signal) => listJobs(undefined, signal), { intervalMs: 5000 });
  const live = useJobsLive();
  const now = Date.now();
  return (
    <>
      <PageHeader title="Jobs" description="Deployed pipelines with their status and live metrics." />
      {jobs.error && !jobs.data && <ErrorNotice title="Could not load the jobs" message={jobs.error.message} code={jobs.error.code} />}
      {!jobs.data && !jobs.error && <Spinner label="Loading jobs" />}
      {jobs.data && jobs.data.jobs.length === 0 && (
        <EmptyState icon={<JobsIcon className="h-10 w-10" />} title="No jobs yet" description="A pipeline becomes a job when it is deployed." />
      )}
      {jobs.data && jobs.data.jobs.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-left text-sm" aria-label="Jobs">
            <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase dark:border-slate-800 dark:text-slate-400">
              <tr>
                <th className="px-4 py-2 font-medium">Pipeline</th>
                <th className="px-4 py-2 font-medium">State</th>
                <th className="px-4 py-2 font-medium">Engine</th>
                <th className="px-4 py-2 font-medium">Uptime</th>
                <th className="px-4 py-2 font-medium">Throughput</th>
                <th className="px-4 py-2 text-right font-medium">Lag</th>
              </tr>
            </thead>
            <tbody>
              {jobs.data.jobs.map((j) => {
                const s = live.summaries[j.id];
                const up = uptimeMs(j, now);
                return (
                  <tr key={j.id} className="border-b border-slate-100 last:border-0 dark:border-slate-800" data-testid={`job-row-${j.id}`}>
                    <td className="px-4 py-2">
                      <Link to={`/jobs/${j.id}`} className="font-medium text-cyan-700 hover:underline dark:text-cyan-400">{j.pipelineName}</Link>
                      <span className="ml-2 text-xs text-slate-500">v{j.version}</span>
                    </td>
                    <td className="px-4 py-2"><JobStateBadge state={s?.state ?? j.state} /></td>
                    <td className="px-4 py-2 text-slate-600 dark:text-slate-300">{j.engine}</td>
                    <td className="px-4 py-2 tabular-nums text-slate-600 dark:text-slate-300">{up === null ? '—' : duration(up)}</td>
                    <td className="px-4 py-2">
                      <span className="flex items-center gap-2">
                        <Sparkline values={live.sparks[j.id] ?? []} label={`Records read per second by ${j.pipelineName}`} />
                        <span className="font-mono text-xs tabular-nums">{s ? rate(s.recordsIn) : ''}</span>
                      </span>
                    </td>
                    <td className={`px-4 py-2 text-right font-mono tabular-nums ${s ? LEVEL_TEXT[s.backpressure] : ''}`} title={s ? `backpressure ${s.backpressure}` : undefined}>
                      {s ? compactNumber(s.lag) : '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
