import { z } from 'zod';

/** Partition → next offset to read, as JSON keeps it (object keys are strings). */
const PositionsSchema = z.record(z.string(), z.record(z.string(), z.number().int().nonnegative()));

const count = z.number().int().nonnegative();
/** A node's totals at the barrier: what the state and positions of the checkpoint account for. */
export const NodeCountersSchema = z.object({ recordsIn: count, recordsOut: count, lateRecords: count, errors: count });
export type NodeCounters = z.infer<typeof NodeCountersSchema>;

/**
 * One checkpoint on disk: where every source stood and every operator's state, taken at
 * the same point between two records. Written once, never changed.
 */
export const CheckpointFileSchema = z.object({
  format: z.literal('weir-checkpoint'),
  version: z.literal(1),
  jobId: z.string(),
  id: z.number().int().positive(),
  /** Epoch ms when the barrier was taken. */
  time: z.number(),
  delivery: z.enum(['at-least-once', 'exactly-once']),
  /** Source node id → partition → next offset. */
  positions: PositionsSchema,
  /** Operator node id → its Operator.snapshot(). */
  operators: z.record(z.string(), z.unknown()),
  /**
   * Node id → its totals at the barrier. A restored job counts on from them, so its totals
   * agree with its output across restarts (records replayed after a crash are not counted
   * twice). Absent in checkpoints of older versions: counting starts at zero.
   */
  counters: z.record(z.string(), NodeCountersSchema).optional(),
  /**
   * The last checkpoint of a bounded run that read all its input (the job FINISHED). The next
   * run of the job is a new run (as a resubmitted Flink batch job): it does not resume this state.
   */
  finished: z.boolean().optional(),
});
export type CheckpointFile = z.infer<typeof CheckpointFileSchema>;

export function positionsToJson(positions: Map<string, Map<number, number>>): CheckpointFile['positions'] {
  const out: CheckpointFile['positions'] = {};
  for (const [source, parts] of positions) {
    const p: Record<string, number> = {};
    for (const [partition, offset] of parts) p[String(partition)] = offset;
    out[source] = p;
  }
  return out;
}

export function positionsFromJson(positions: CheckpointFile['positions']): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const [source, parts] of Object.entries(positions)) {
    out.set(source, new Map(Object.entries(parts).map(([p, o]) => [Number(p), o])));
  }
  return out;
}

/** The offset-commit metadata that names a checkpoint (exactly-once: chooses the snapshot on restore). */
export function checkpointMetadata(id: number): string {
  return `weir-checkpoint:${id}`;
}

export function checkpointIdOfMetadata(metadata: string | null | undefined): number | null {
  const m = /^weir-checkpoint:(\d+)$/.exec(metadata ?? '');
  return m ? Number(m[1]) : null;
}
