import type { KafkaSource } from '../source/kafka-source';

/**
 * A consistent cut of the job, taken between two records: where every source stands.
 * Issue 5's checkpoints add operator state (Operator.snapshot()) taken at the same point.
 */
export interface Barrier {
  id: number;
  time: number;
  /** Source node id → partition → next offset to read. */
  positions: Map<string, Map<number, number>>;
}

/**
 * What happens once every row written before a barrier is acknowledged by every sink.
 * The job has one; today's delivers at-least-once by committing the source offsets.
 */
export interface Checkpointer {
  complete(barrier: Barrier): Promise<void>;
}

export class OffsetCommitter implements Checkpointer {
  constructor(private readonly sources: ReadonlyMap<string, KafkaSource>) {}

  async complete(barrier: Barrier): Promise<void> {
    await Promise.all([...barrier.positions].map(([id, positions]) => this.sources.get(id)?.commit(positions)));
  }
}
