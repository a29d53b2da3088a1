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

  protected async send(batch: OutMessage[]): Promise<void> {
    try {
      await this.producer.send({ topic: this.topic, messages: batch, acks: -1 });
    } catch (err) {
      throw new RuntimeError('SINK_FAILED', `kafka-sink ${this.id}: writing to topic ${this.topic} failed: ${messageOf(err)}`, this.id, { cause: err });
    }
  }

  async close(): Promise<void> {}
}
