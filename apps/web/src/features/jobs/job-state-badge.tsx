import type { JobState } from '@weir/model';
import { Badge, type BadgeTone } from '../../ui/badge';

const TONE: Record<JobState, BadgeTone> = {
  CREATED: 'info', RUNNING: 'ok', RESTARTING: 'info', FAILING: 'warn', FAILED: 'error', CANCELLING: 'warn', CANCELED: 'neutral', FINISHED: 'neutral',
};

export function JobStateBadge({ state }: { state: JobState }) {
  return <Badge tone={TONE[state]}>{state}</Badge>;
}

/** Running time of a job from its records' ISO times. */
export function uptimeMs(job: { startedAt: string | null; endedAt: string | null }, now: number): number | null {
  if (!job.startedAt) return null;
  const end = job.endedAt ? Date.parse(job.endedAt) : now;
  return Math.max(0, end - Date.parse(job.startedAt));
}
