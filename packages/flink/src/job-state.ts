import type { JobState } from '@weir/model';

/**
 * Flink's job status (org.apache.flink.api.common.JobStatus) as Weir's JobState: Weir's
 * states are Flink's own names, less INITIALIZING (a job being set up: CREATED), RECONCILING
 * (a JobManager re-attaching to running tasks: RUNNING) and SUSPENDED (a JobManager that lost
 * leadership: not ended for Flink, but this adapter can no longer follow it: FAILED).
 */
export function mapFlinkJobState(flinkState: string): JobState {
  switch (flinkState) {
    case 'INITIALIZING':
    case 'CREATED':
      return 'CREATED';
    case 'RUNNING':
    case 'RECONCILING':
      return 'RUNNING';
    case 'FAILING':
    case 'FAILED':
    case 'CANCELLING':
    case 'CANCELED':
    case 'FINISHED':
    case 'RESTARTING':
      return flinkState;
    case 'SUSPENDED':
      return 'FAILED';
    default:
      return 'RUNNING';
  }
}

export function isTerminalState(state: JobState): boolean {
  return state === 'FINISHED' || state === 'FAILED' || state === 'CANCELED';
}

/** Whether Flink considers the job globally ended (no restart will follow). */
export function isFlinkTerminal(flinkState: string): boolean {
  return flinkState === 'FINISHED' || flinkState === 'FAILED' || flinkState === 'CANCELED' || flinkState === 'SUSPENDED';
}
