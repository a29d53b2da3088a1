import type { KafkaMessage } from '@weir/kafka';

/** The source record being processed, for dead letters and error reports; reused, never copied. */
export interface RecordOrigin {
  sourceNode: string;
  topic: string;
  partition: number;
  offset: number;
  message: KafkaMessage | null;
}

/** What a Kafka source needs from its job; the hot loop calls these per record or per batch. */
export interface SourceHost {
  readonly origin: RecordOrigin;
  /** How many sinks are full; non-zero means: stop feeding and wait. */
  readonly fullSinks: number;
  readonly stopping: boolean;
  /** A record the source could not decode: applies the onError policy (fail: returns false). */
  decodeFailed(sourceNode: string, err: unknown): boolean;
  /** Waits until no sink is full (or the job stops), heartbeating the consumer group meanwhile. */
  waitForSinks(heartbeat: () => Promise<void>): Promise<void>;
  batchStarted(): void;
  /** After each batch: watermarks, sink nudges. */
  batchDone(): void;
  /** A bounded source has read all its input. */
  sourceEnded(sourceNode: string): void;
  fail(err: unknown, node: string): void;
}
