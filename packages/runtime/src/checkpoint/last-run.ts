import { CheckpointStore } from './checkpoint-store';

export interface LastRun {
  /** The newest checkpoint of the job in its data directory. */
  checkpoint: number;
  /** Epoch ms when it was taken. */
  time: number;
  /** It ends a bounded run that read all its input: the next run starts anew (restore-point.ts, startsAnew). */
  finished: boolean;
}

/**
 * What a job's data directory holds from earlier runs, so that `weir run` can say before it
 * starts whether it resumes a run or starts a new one (null: no checkpoint, a first run).
 */
export async function lastRun(dataDir: string, jobId: string): Promise<LastRun | null> {
  const file = await new CheckpointStore(dataDir, jobId).latest(jobId);
  if (file === null) return null;
  return { checkpoint: file.id, time: file.time, finished: file.finished === true };
}

/** The line `weir run` prints about it (null: nothing to say, a first run). */
export function describeLastRun(name: string, run: LastRun | null): string | null {
  if (run === null) return null;
  const at = new Date(run.time).toISOString();
  if (run.finished) {
    return `${name}: its last run read all its input and finished (checkpoint ${run.checkpoint}, ${at}); ` +
      'this is a new run: sources start from their startFrom (by default the committed offsets, so only records written since are read) with empty state';
  }
  return `${name}: resuming from its last checkpoint (${run.checkpoint}, ${at}): window and join state and source positions restored`;
}
