import type { NodeCounters } from '../checkpoint/checkpoint-file';
import type { KafkaSource } from '../source/kafka-source';

/**
 * A consistent cut of the job, taken between two records: where every source stands and
 * every operator's state at that same point.
 */
export interface Barrier {
  id: number;
  time: number;
  /** Source node id → partition → next offset to read. */
  positions: Map<string, Map<number, number>>;
  /** Operator node id → Operator.snapshot() (empty where the checkpointer keeps no state). */
  operators: Record<string, unknown>;
  /** Node id → its totals at the barrier (restored with the state). */
  counters: Record<string, NodeCounters>;
  /** Taken when a bounded job read all its input: the job's last checkpoint, and it FINISHED. */
  finished: boolean;
}

/**
 * What happens once every row written before a barrier is acknowledged by every sink.
 * The job has one: by default a CheckpointCoordinator (checkpoint/), which writes the
 * snapshot and then commits the offsets.
 */
export interface Checkpointer {
  complete(barrier: Barrier): Promise<void>;
}

/** Commits source offsets through the sources' consumers (at-least-once). */
export class OffsetCommitter implements Checkpointer {
  constructor(private readonly sources: ReadonlyMap<string, KafkaSource>) {}

  async complete(barrier: Barrier): Promise<void> {
    await Promise.all([...barrier.positions].map(([id, positions]) => this.sources.get(id)?.commit(positions)));
  }
}
