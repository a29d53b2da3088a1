import type { SourceOperator } from '@weir/compiler';
import type { Kafka, Producer } from '@weir/kafka';
import { TransactionalProducer, isFenced, type TransactionOffsets } from '@weir/kafka/transactional-producer';
import { RuntimeError, messageOf } from '../errors/runtime-error';
import type { Barrier } from '../job/checkpointer';
import { checkpointMetadata } from './checkpoint-file';

/** Kafka's default and usual transaction.max.timeout.ms; a producer asking for more is refused. */
export const MAX_TRANSACTION_TIMEOUT_MS = 900_000;

/**
 * A transaction stays open for one checkpoint interval plus the checkpoint itself, and a
 * crashed job's open transaction blocks read_committed readers until its replacement
 * starts (which aborts it) or it times out: twice the interval plus a minute, capped.
 */
export function transactionTimeoutMs(checkpointIntervalMs: number): number {
  return Math.min(MAX_TRANSACTION_TIMEOUT_MS, 2 * checkpointIntervalMs + 60_000);
}

/**
 * The exactly-once side of a job: one transactional producer, one transaction per
 * checkpoint, carrying every Kafka sink's and dead letter's output and the source offsets
 * (metadata: the checkpoint id).
 *
 * Why one transactional id per job rather than per input partition: the embedded job is
 * the only member of its consumer groups and owns all its input partitions, and its
 * windows and joins mix partitions, so no output belongs to one input partition. Per-partition
 * ids exist (without KIP-447) to fence the previous owner of a partition that moved to
 * another group member; here the previous owner of every partition is the previous
 * instance of this same job, and the stable id `<prefix>.<cluster>` fences it: every start
 * calls InitProducerId, which bumps the epoch, aborts its open transaction, and makes its
 * every later send or commit fail (PRODUCER_FENCED), before this instance reads committed
 * offsets to choose its snapshot.
 */
export class JobTransactions {
  private readonly producer: TransactionalProducer;

  constructor(
    kafka: Kafka,
    readonly transactionalId: string,
    checkpointIntervalMs: number,
    private readonly sources: readonly SourceOperator[],
  ) {
    this.producer = new TransactionalProducer(kafka, { transactionalId, transactionTimeoutMs: transactionTimeoutMs(checkpointIntervalMs) });
  }

  /** What the job's Kafka writers send through: the open transaction. */
  readonly sender: Pick<Producer, 'send'> = { send: (record) => this.producer.send(record) };

  /** Opens the first transaction, fencing any older instance of the job. */
  async begin(): Promise<void> {
    await this.wrap('starting a transaction', () => this.producer.begin());
  }

  /** Commits the barrier's transaction with the source offsets, and opens the next one. */
  async commit(barrier: Barrier): Promise<void> {
    const metadata = checkpointMetadata(barrier.id);
    const offsets: TransactionOffsets[] = this.sources.flatMap((op) => {
      const positions = barrier.positions.get(op.id);
      if (positions === undefined || positions.size === 0) return [];
      return [{
        consumerGroupId: op.groupId,
        topics: [{ topic: op.topic, partitions: [...positions].map(([partition, offset]) => ({ partition, offset: String(offset), metadata })) }],
      }];
    });
    await this.wrap(`committing checkpoint ${barrier.id}`, () => this.producer.commit(offsets));
    await this.begin();
  }

  /** Ends without committing (the job stops on a failure): nothing of the open transaction becomes visible. */
  async close(): Promise<void> {
    await this.producer.abort().catch(() => {});
    await this.producer.close();
  }

  private async wrap(what: string, op: () => Promise<void>): Promise<void> {
    try {
      await op();
    } catch (err) {
      if (isFenced(err)) {
        throw new RuntimeError('PRODUCER_FENCED', `transactional id ${this.transactionalId}: ${what}: another instance of this job took over (${messageOf(err)})`, undefined, { cause: err });
      }
      throw new RuntimeError('SINK_FAILED', `transactional id ${this.transactionalId}: ${what} failed: ${messageOf(err)}`, undefined, { cause: err });
    }
  }
}
