import { useEffect } from 'react';
import type { JobRecord } from '@weir/protocol';
import { JOB_EVENTS, jobRoom, type JobHistoryEvent, type JobSnapshotEvent } from '@weir/protocol/live-jobs';
import { listJobs } from '../../../api/job-endpoints';
import { useResource } from '../../../api/use-resource';
import { Link } from '../../../router/link';
import { useLiveRoom } from '../../../realtime/use-live-room';
import { useEditor } from '../store/editor-context';
import { CheckpointIndicator } from './checkpoint-indicator';
import { useLiveMetrics } from './metrics-store';

const RUNNING: ReadonlySet<string> = new Set(['CREATED', 'RUNNING', 'RESTARTING', 'FAILING']);

/** The newest job of the pipeline that is running, if any. */
export function runningJob(jobs: readonly JobRecord[]): JobRecord | undefined {
  return jobs.find((j) => RUNNING.has(j.state));
}

function LiveFeed({ job }: { job: JobRecord }) {
  const apply = useLiveMetrics((s) => s.apply);
  const clear = useLiveMetrics((s) => s.clear);
  useEffect(() => clear, [job.id, clear]);
  const status = useLiveRoom(jobRoom(job.id), { jobId: job.id }, {
    [JOB_EVENTS.history]: (e: JobHistoryEvent) => {
      if (e.latest) apply(e.latest);
    },
    [JOB_EVENTS.snapshot]: (e: JobSnapshotEvent) => apply(e.snapshot),
  });
  return (
    <div
      data-testid="live-banner"
      data-job={job.id}
      className="pointer-events-auto absolute top-3 left-1/2 z-10 flex -translate-x-1/2 items-center gap-3 rounded-full border border-slate-200 bg-white/95 px-4 py-1.5 text-xs shadow-sm dark:border-slate-700 dark:bg-slate-900/95"
    >
      <span className={`font-semibold ${status.state === 'live' ? 'text-emerald-700 dark:text-emerald-400' : 'text-slate-500'}`}>
        {status.state === 'live' ? '● Live' : status.state === 'error' || status.state === 'closed' ? `Live view unavailable: ${status.message}` : 'Connecting…'}
      </span>
      <CheckpointIndicator />
      <Link to={`/jobs/${job.id}`} className="font-medium text-cyan-700 hover:underline dark:text-cyan-400">
        Job details
      </Link>
    </div>
  );
}

/**
 * When the open pipeline has a running job, streams its metrics into the metrics store
 * (which the canvas's nodes and edges read by id) and shows the live banner.
 */
export function LiveJobOverlay() {
  const pipelineId = useEditor((s) => s.saved.pipelineId);
  const jobs = useResource((signal) => (pipelineId ? listJobs(pipelineId, signal) : Promise.resolve({ jobs: [] })), {
    key: pipelineId ?? '',
    intervalMs: 5000,
  });
  const job = jobs.data ? runningJob(jobs.data.jobs) : undefined;
  if (!job) return null;
  return <LiveFeed key={job.id} job={job} />;
}
