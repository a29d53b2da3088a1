import type { Admin } from '@weir/kafka';
import { RuntimeError } from '../errors/runtime-error';
import { retryKafka } from '../source/retry-kafka';
import { checkpointIdOfMetadata, type CheckpointFile } from './checkpoint-file';
import type { CheckpointStore } from './checkpoint-store';

export interface SourceGroup {
  topic: string;
  groupId: string;
  admin: Admin;
}

/**
 * The checkpoint a starting job resumes from:
 * - `restoreFrom` (a checkpoint file's path) when the deployment names one;
 * - exactly-once: the one the committed offsets' metadata names — the snapshot of the last
 *   transaction that committed. A snapshot written after it (its commit never happened) is
 *   ignored, and no metadata means nothing committed yet: a fresh start;
 * - at-least-once: the newest completed snapshot (its offsets were committed after it, or
 *   not at all, and replaying from it is what at-least-once allows).
 */
export async function chooseRestorePoint(
  store: CheckpointStore,
  jobId: string,
  exactlyOnce: boolean,
  restoreFrom: string | undefined,
  groups: readonly SourceGroup[],
): Promise<CheckpointFile | null> {
  if (restoreFrom !== undefined) {
    const file = await store.load(restoreFrom);
    if (file === null) throw new RuntimeError('CHECKPOINT_MISSING', `restoreFrom ${restoreFrom}: no readable checkpoint there`);
    return file;
  }
  if (!exactlyOnce) return store.latest(jobId);
  let id: number | null = null;
  for (const g of groups) {
    const [committed] = await retryKafka(() => g.admin.fetchOffsets({ groupId: g.groupId, topics: [g.topic] }));
    for (const p of committed?.partitions ?? []) {
      const named = checkpointIdOfMetadata((p as { metadata?: string | null }).metadata);
      if (named !== null && (id === null || named > id)) id = named;
    }
  }
  if (id === null) return null;
  const file = await store.load(id);
  if (file === null || file.jobId !== jobId) {
    throw new RuntimeError('CHECKPOINT_MISSING', `job ${jobId}: the committed offsets name checkpoint ${id}, which is not in ${store.dir}; exactly-once cannot resume without it`);
  }
  return file;
}

/**
 * A bounded run that read all its input ends with a `finished` checkpoint: every window
 * fired at a watermark of +∞. Resuming it would restore that watermark and drop every later
 * record as late, so the next run starts anew — a new run, as a resubmitted Flink batch job
 * is a new job: sources start from their `startFrom` (by default the committed offsets,
 * so the records written since are read), with empty state. A checkpoint named
 * explicitly (`restoreFrom`) is resumed as asked.
 */
export function startsAnew(file: CheckpointFile, restoreFrom: string | undefined): boolean {
  return file.finished === true && restoreFrom === undefined;
}
