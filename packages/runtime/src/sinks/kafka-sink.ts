import type { KafkaSinkOperator } from '@weir/compiler';
import type { Row } from '@weir/model/field';
import type { Producer } from '@weir/kafka';
import { createRowEncoder, type RowEncoder } from '../codec/encode-json';
import { RuntimeError, messageOf } from '../errors/runtime-error';
import { createKeyEncoder, type KeyEncoder } from '../codec/kafka-key';
import { BufferedWriter, type BufferLimits, type Sink, type SinkHost } from './sink';

interface OutMessage {
  key: string | null;
  value: string;
}

/**
 * Joined batches stay below this many characters of keys and values, well inside the broker's
 * per-partition batch limit (message.max.bytes, 1 MB by default) for any spread over partitions.
 */
const JOIN_LIMIT_CHARS = 512 * 1024;

function charsOf(batch: readonly OutMessage[]): number {
  let n = 0;
  for (const m of batch) n += m.value.length + (m.key?.length ?? 0);
  return n;
}

/**
 * `kafka-sink`: rows as JSON values (timestamps in ISO-8601 UTC), keyed per the node's
 * `key`, through an idempotent producer (no duplicates from the producer's own retries).
 * The producer is opened and closed by the job, which shares one per cluster.
 */
export class KafkaSink extends BufferedWriter<OutMessage> implements Sink {
  private readonly encode: RowEncoder;
  private readonly keyOf: KeyEncoder;
  private readonly topic: string;

  constructor(
    op: KafkaSinkOperator,
    private readonly producer: Pick<Producer, 'send'>,
    limits: BufferLimits,
    host: SinkHost,
  ) {
    super(op.id, limits, host);
    this.topic = op.topic;
    this.encode = createRowEncoder(op.schema);
    this.keyOf = createKeyEncoder(op.key, op.schema);
  }

  async open(): Promise<void> {}

  write(row: Row): void {
    this.append({ key: this.keyOf(row), value: this.encode(row) });
  }

  /**
   * Batches handed over while a request is out go together in the next one. The producer is
   * idempotent (or transactional) with one request in flight per broker, so kafkajs would
   * send them one after the other anyway, a round trip each: joined, a busy sink pays one
   * round trip for several batches. Each batch still settles only when its own request is
   * acknowledged, and batches keep their order.
   */
  protected send(batch: OutMessage[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ batch, resolve, reject });
      if (!this.sending) void this.sendWaiting();
    });
  }

  private waiting: { batch: OutMessage[]; resolve: () => void; reject: (err: unknown) => void }[] = [];
  private sending = false;

  private async sendWaiting(): Promise<void> {
    this.sending = true;
    while (this.waiting.length > 0) {
      // Whole batches, the first always, the others while the request stays below JOIN_LIMIT_CHARS.
      let chars = 0;
      let take = 0;
      for (const w of this.waiting) {
        const size = charsOf(w.batch);
        if (take > 0 && chars + size > JOIN_LIMIT_CHARS) break;
        chars += size;
        take++;
      }
      const group = this.waiting.slice(0, take);
      this.waiting = this.waiting.slice(take);
      const messages = group.length === 1 ? group[0]!.batch : group.flatMap((g) => g.batch);
      try {
        await this.producer.send({ topic: this.topic, messages, acks: -1 });
      } catch (err) {
        const failure = new RuntimeError('SINK_FAILED', `kafka-sink ${this.id}: writing to topic ${this.topic} failed: ${messageOf(err)}`, this.id, { cause: err });
        for (const g of group) g.reject(failure);
        continue;
      }
      for (const g of group) g.resolve();
    }
    this.sending = false;
  }

  async close(): Promise<void> {}
}
