import { z } from 'zod';
import { FieldSchema, type Field } from '@weir/model/field';

/** One generated Kafka record: the key as a string, a JSON-able value and its event time. */
export interface GeneratedRecord {
  key: string;
  value: Record<string, unknown>;
  /** Event time in epoch milliseconds; also the Kafka message timestamp. */
  timestamp: number;
}

export const CreateOptionsSchema = z.object({
  /**
   * Records per second of this stream. Only the spacing of event times depends on it:
   * absent or 0 uses the generator's default event-time rate.
   */
  rate: z.number().nonnegative().finite().optional(),
  /** Stamp records with the wall clock when they are made instead of the fixed base time. */
  liveTime: z.boolean().optional(),
  /** Index of the first record (to resume or shard a stream). */
  startIndex: z.number().int().nonnegative().optional(),
});
export type CreateOptions = z.infer<typeof CreateOptionsSchema> & {
  /** Clock for `liveTime`; tests pass their own. */
  now?: () => number;
};

/** How a generator writes its timestamp fields into the JSON value. */
export const TimeFormatSchema = z.enum(['epoch-millis', 'iso-8601']);
export type TimeFormat = z.infer<typeof TimeFormatSchema>;

export const GeneratorInfoSchema = z.object({
  name: z.string(),
  description: z.string(),
  /** The value field whose text becomes the record key. */
  keyField: z.string(),
  /** The field holding the event time. */
  timeField: z.string(),
  timeFormat: TimeFormatSchema,
  /** Fields of the value, in order, typed as pipeline-format.md types. */
  schema: z.array(FieldSchema),
});
export type GeneratorInfo = z.infer<typeof GeneratorInfoSchema>;

export interface GeneratorDefinition extends GeneratorInfo {
  schema: Field[];
  /** An endless stream of records; deterministic for a seed unless `liveTime` is set. */
  create(seed: number, opts?: CreateOptions): Generator<GeneratedRecord, void, undefined>;
}

/** Builds the endless iterator shared by every generator from a random-access record function. */
export function* indexedStream(
  recordAt: (index: number, eventTime: number) => GeneratedRecord,
  eventTimeAt: (index: number) => number,
  opts: CreateOptions | undefined,
): Generator<GeneratedRecord, void, undefined> {
  const now = opts?.now ?? Date.now;
  for (let i = opts?.startIndex ?? 0; ; i++) {
    yield recordAt(i, opts?.liveTime ? now() : eventTimeAt(i));
  }
}
