import { z } from 'zod';
import { TimestampSchema } from '../common';
import { ConnectionNameSchema } from './connections';
import { GroupOffsetSchema, LagPointSchema } from './groups';
import { CursorSchema, KafkaMessageSchema } from './messages';
import { SearchEndReasonSchema, SearchProgressSchema, SearchRequestSchema } from './search';
import { RecordSchemaSchema } from '@weir/model';
import { TopicNameSchema } from './topics';

/** Rooms the Kafka console joins on the live socket (docs/kafka-console.md lists them with their events). */
export const KAFKA_ROOMS = {
  /** `kafka-tail:<id>`: one live tail; `<id>` is the browser's own random id. */
  tail: 'kafka-tail',
  /** `kafka-search:<id>`: one search run. */
  search: 'kafka-search',
  /** `kafka-topics:<cluster>`: produce/consume rates of every topic, per sample. */
  topics: 'kafka-topics',
  /** `kafka-group:<cluster>:<group>`: a group's lag, per sample. */
  group: 'kafka-group',
} as const;

export const KAFKA_EVENTS = {
  tailMessages: 'kafka:tail:messages',
  tailError: 'kafka:tail:error',
  searchStarted: 'kafka:search:started',
  searchMatches: 'kafka:search:matches',
  searchProgress: 'kafka:search:progress',
  searchDone: 'kafka:search:done',
  topicRates: 'kafka:topics:rates',
  groupLag: 'kafka:group:lag',
} as const;

/** Join params of `kafka-tail:<id>`. `cursor` resumes a paused tail exactly where it stopped. */
export const TailParamsSchema = z.object({
  cluster: ConnectionNameSchema,
  topic: TopicNameSchema,
  partition: z.number().int().nonnegative().nullable().default(null),
  from: z.enum(['latest', 'earliest', 'cursor']).default('latest'),
  cursor: CursorSchema.optional(),
});
export type TailParams = z.input<typeof TailParamsSchema>;

/**
 * `kafka:tail:messages`, sent with an acknowledgement: the server sends the next batch only
 * after the browser acknowledged this one, so a slow browser slows the tail instead of
 * piling up messages — the tail itself never stops until the browser leaves the room.
 */
export const TailMessagesEventSchema = z.object({
  room: z.string(),
  messages: z.array(KafkaMessageSchema),
  /** Where each partition's tail stands now: resume from here after a pause. */
  cursor: CursorSchema.nullable(),
  /** Messages between the tail's positions and the high watermarks. */
  behind: z.number().int().nonnegative(),
});
export type TailMessagesEvent = z.infer<typeof TailMessagesEventSchema>;

/** `kafka:tail:error`: the tail stopped. */
export const LiveErrorEventSchema = z.object({ room: z.string(), code: z.string(), message: z.string() });
export type LiveErrorEvent = z.infer<typeof LiveErrorEventSchema>;

/** Join params of `kafka-search:<id>`: the search starts on join and is cancelled by leaving. */
export const SearchParamsSchema = SearchRequestSchema.extend({ cluster: ConnectionNameSchema, topic: TopicNameSchema });
export type SearchParams = z.input<typeof SearchParamsSchema>;

export const SearchStartedEventSchema = z.object({
  room: z.string(),
  schema: RecordSchemaSchema,
  inferred: z.boolean(),
  partitions: z.array(z.object({ partition: z.number().int(), start: z.number().int(), end: z.number().int() })),
  total: z.number().int().nonnegative(),
});
export type SearchStartedEvent = z.infer<typeof SearchStartedEventSchema>;

export const SearchMatchesEventSchema = z.object({ room: z.string(), messages: z.array(KafkaMessageSchema) });
export type SearchMatchesEvent = z.infer<typeof SearchMatchesEventSchema>;

export const SearchProgressEventSchema = SearchProgressSchema.extend({ room: z.string() });
export type SearchProgressEvent = z.infer<typeof SearchProgressEventSchema>;

export const SearchDoneEventSchema = SearchProgressSchema.extend({
  room: z.string(),
  reason: SearchEndReasonSchema,
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type SearchDoneEvent = z.infer<typeof SearchDoneEventSchema>;

/** Join params of `kafka-topics:<cluster>`. */
export const TopicRatesParamsSchema = z.object({ cluster: ConnectionNameSchema });

/** `kafka:topics:rates` (volatile): one per sample. */
export const TopicRatesEventSchema = z.object({
  room: z.string(),
  at: TimestampSchema,
  topics: z.array(z.object({
    name: z.string(),
    messages: z.number().int().nonnegative(),
    produceRate: z.number().nonnegative().nullable(),
    consumeRate: z.number().nonnegative().nullable(),
  })),
});
export type TopicRatesEvent = z.infer<typeof TopicRatesEventSchema>;

/** Join params of `kafka-group:<cluster>:<group>`. */
export const GroupLagParamsSchema = z.object({ cluster: ConnectionNameSchema, group: z.string().min(1).max(255) });

/** `kafka:group:lag` (volatile): the group's newest sample. */
export const GroupLagEventSchema = z.object({
  room: z.string(),
  point: LagPointSchema,
  state: z.string(),
  offsets: z.array(GroupOffsetSchema),
});
export type GroupLagEvent = z.infer<typeof GroupLagEventSchema>;
