import type { Kafka, Producer, ProducerRecord, RecordMetadata, Transaction } from './kafkajs';

export interface TransactionalProducerOptions {
  /** Stable across restarts of the same job: starting again fences every older instance. */
  transactionalId: string;
  /** Kafka aborts a transaction left open this long (at most the broker's transaction.max.timeout.ms). */
  transactionTimeoutMs: number;
  /** Attempts for an operation refused with CONCURRENT_TRANSACTIONS (kafkajs #1068, #1315). */
  concurrentRetries?: number;
  /** First backoff; doubles per attempt. */
  backoffMs?: number;
}

export interface TransactionOffsets {
  consumerGroupId: string;
  topics: { topic: string; partitions: { partition: number; offset: string; metadata?: string | null }[] }[];
}

/**
 * One kafkajs transactional producer with the care its transactions need: a transaction is
 * always open between `begin` and `commit`; an operation refused because the coordinator
 * is still finishing the previous transaction (CONCURRENT_TRANSACTIONS, "another
 * operation in progress") is retried with backoff; and after an error whose outcome is
 * unknown (a timeout during commit) the producer is thrown away and made anew, since a
 * kafkajs producer cannot be trusted after one. A fenced producer (another instance with
 * the same transactional id started) reports `fenced` and is never retried.
 */
export class TransactionalProducer {
  private producer: Producer | null = null;
  private txn: Transaction | null = null;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: TransactionalProducerOptions,
  ) {}

  /** Opens a transaction (the first one also registers the transactional id, fencing older instances). */
  async begin(): Promise<void> {
    if (this.txn !== null) return;
    this.txn = await this.retrying(async () => (await this.connected()).transaction());
  }

  /** Sends within the open transaction. */
  async send(record: ProducerRecord): Promise<RecordMetadata[]> {
    if (this.txn === null) throw new Error(`transactional producer ${this.options.transactionalId}: send outside a transaction`);
    return this.txn.send(record);
  }

  /** Adds the consumer offsets to the transaction and commits it. */
  async commit(offsets: readonly TransactionOffsets[]): Promise<void> {
    const txn = this.txn;
    if (txn === null) throw new Error(`transactional producer ${this.options.transactionalId}: commit outside a transaction`);
    try {
      for (const o of offsets) {
        if (o.topics.length > 0) await this.retrying(() => txn.sendOffsets({ consumerGroupId: o.consumerGroupId, topics: o.topics }));
      }
      await this.retrying(() => txn.commit());
      this.txn = null;
    } catch (err) {
      this.txn = null;
      // The outcome is unknown (or the producer is fenced): this producer is done.
      await this.discard();
      throw err;
    }
  }

  async abort(): Promise<void> {
    const txn = this.txn;
    this.txn = null;
    if (txn === null) return;
    try {
      await txn.abort();
    } catch {
      await this.discard();
    }
  }

  async close(): Promise<void> {
    this.txn = null;
    await this.discard();
  }

  private async connected(): Promise<Producer> {
    if (this.producer === null) {
      const producer = this.kafka.producer({
        transactionalId: this.options.transactionalId,
        transactionTimeout: this.options.transactionTimeoutMs,
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        // Right after a commit the coordinator is still writing the last transaction's markers,
        // and the next transaction's first send is refused (CONCURRENT_TRANSACTIONS) for a few
        // ms. kafkajs retries that after its default 300 ms, which exactly-once output then waits
        // for; Java's TransactionManager retries AddPartitionsToTxn after 20 ms. The backoff still
        // doubles, so a coordinator that is really away is waited for seconds.
        retry: { initialRetryTime: TXN_RETRY_INITIAL_MS, maxRetryTime: 5_000, retries: 12 },
      });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }

  private async discard(): Promise<void> {
    const producer = this.producer;
    this.producer = null;
    await producer?.disconnect().catch(() => {});
  }

  private async retrying<T>(op: () => Promise<T>): Promise<T> {
    const attempts = this.options.concurrentRetries ?? 8;
    let backoff = this.options.backoffMs ?? 100;
    for (let i = 0; ; i++) {
      try {
        return await op();
      } catch (err) {
        if (i + 1 >= attempts || !(isConcurrentTransactions(err) || isCoordinatorMoving(err))) throw err;
        await new Promise((r) => setTimeout(r, backoff));
        backoff *= 2;
      }
    }
  }
}

const TXN_RETRY_INITIAL_MS = 20;

/** The coordinator is still completing an earlier transaction of this id: worth a retry. */
export function isConcurrentTransactions(err: unknown): boolean {
  const e = err as { type?: unknown; message?: unknown; cause?: unknown } | null;
  if (e === null || typeof e !== 'object') return false;
  if (e.type === 'CONCURRENT_TRANSACTIONS') return true;
  if (typeof e.message === 'string' && /CONCURRENT_TRANSACTIONS|another operation in progress|concurrent transactions/i.test(e.message)) return true;
  return e.cause !== undefined && e.cause !== err && isConcurrentTransactions(e.cause);
}

/** The group or transaction coordinator is loading or moved (after a broker restart). */
export function isCoordinatorMoving(err: unknown): boolean {
  const e = err as { type?: unknown; message?: unknown } | null;
  if (e === null || typeof e !== 'object') return false;
  return e.type === 'NOT_COORDINATOR' || e.type === 'COORDINATOR_LOAD_IN_PROGRESS' || e.type === 'COORDINATOR_NOT_AVAILABLE' ||
    (typeof e.message === 'string' && /not the correct coordinator|coordinator is (loading|not available)/i.test(e.message));
}

/** Another instance with the same transactional id started: this one must stop. */
export function isFenced(err: unknown): boolean {
  const e = err as { type?: unknown; message?: unknown; cause?: unknown } | null;
  if (e === null || typeof e !== 'object') return false;
  if (e.type === 'INVALID_PRODUCER_EPOCH' || e.type === 'PRODUCER_FENCED' || e.type === 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED') return true;
  if (typeof e.message === 'string' && /fenced|producer.?epoch/i.test(e.message)) return true;
  return e.cause !== undefined && e.cause !== err && isFenced(e.cause);
}
