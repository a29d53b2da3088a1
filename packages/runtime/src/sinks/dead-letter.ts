import type { IHeaders, Producer } from '@weir/kafka';
import { RuntimeError, messageOf } from '../errors/runtime-error';
import { BufferedWriter, type BufferLimits, type SinkHost } from './sink';

/** Where a dead letter came from: the source record being processed when it failed. */
export interface DeadLetterOrigin {
  topic: string;
  partition: number;
  offset: number;
  key: Buffer | null;
  value: Buffer | null;
}

export interface DeadLetter {
  /** `error` for a record that could not be decoded or evaluated, `late` for a late record. */
  reason: 'error' | 'late';
  code: string;
  message: string;
  node: string;
  origin: DeadLetterOrigin | null;
  /** Written as the value when there is no source record (a row emitted by a window). */
  fallbackValue: string;
}

/** Header names of dead letters (docs/runtime.md). */
export const DEAD_LETTER_HEADERS = {
  reason: 'weir.reason',
  code: 'weir.error.code',
  message: 'weir.error.message',
  node: 'weir.node',
  topic: 'weir.source.topic',
  partition: 'weir.source.partition',
  offset: 'weir.source.offset',
} as const;

interface OutMessage {
  key: Buffer | null;
  value: Buffer | string | null;
  headers: IHeaders;
}

/**
 * Writes dead letters to the pipeline's `settings.onError.topic`: the source record's key
 * and value unchanged, with headers naming the reason, error code and message, the node,
 * and the source topic, partition and offset. Acknowledged like a sink, so source offsets
 * are committed only after their dead letters are in Kafka.
 */
export class DeadLetterWriter extends BufferedWriter<OutMessage> {
  constructor(
    private readonly topic: string,
    private readonly producer: Pick<Producer, 'send'>,
    limits: BufferLimits,
    host: SinkHost,
  ) {
    super('dead-letters', limits, host);
  }

  write(letter: DeadLetter): void {
    const o = letter.origin;
    const headers: IHeaders = {
      [DEAD_LETTER_HEADERS.reason]: letter.reason,
      [DEAD_LETTER_HEADERS.code]: letter.code,
      [DEAD_LETTER_HEADERS.message]: letter.message,
      [DEAD_LETTER_HEADERS.node]: letter.node,
    };
    if (o !== null) {
      headers[DEAD_LETTER_HEADERS.topic] = o.topic;
      headers[DEAD_LETTER_HEADERS.partition] = String(o.partition);
      headers[DEAD_LETTER_HEADERS.offset] = String(o.offset);
    }
    this.append({ key: o?.key ?? null, value: o !== null ? o.value : letter.fallbackValue, headers });
  }

  protected async send(batch: OutMessage[]): Promise<void> {
    try {
      await this.producer.send({ topic: this.topic, messages: batch, acks: -1 });
    } catch (err) {
      throw new RuntimeError('DEAD_LETTER_FAILED', `writing to the dead-letter topic ${this.topic} failed: ${messageOf(err)}`, undefined, { cause: err });
    }
  }
}
