import { z } from 'zod';
import { TimestampSchema } from '../common';
import { ConnectionNameSchema } from './connections';

/** Kafka's own rule for topic names (org.apache.kafka.common.internals.Topic). */
export const TopicNameSchema = z
  .string()
  .regex(/^[a-zA-Z0-9._-]{1,249}$/, { error: 'use 1–249 of a-z A-Z 0-9 . _ -' })
  .refine((t) => t !== '.' && t !== '..', { error: 'cannot be "." or ".."' });

export const TopicParamsSchema = z.object({ cluster: ConnectionNameSchema, topic: TopicNameSchema });
export type TopicParams = z.infer<typeof TopicParamsSchema>;

/** One row of the topic list; rates are messages per second over the sampler's last interval. */
export const TopicRowSchema = z.object({
  name: z.string(),
  internal: z.boolean(),
  partitions: z.number().int().nonnegative(),
  replicationFactor: z.number().int().nonnegative(),
  /** Sum over partitions of high − low watermark: exact for plain topics, an upper bound when compacted or transactional. */
  messages: z.number().int().nonnegative(),
  /** Bytes on disk over all replicas (DescribeLogDirs); null when the brokers do not report it. */
  sizeBytes: z.number().int().nonnegative().nullable(),
  /** From high-watermark deltas between samples; null until two samples exist. */
  produceRate: z.number().nonnegative().nullable(),
  /** From committed-offset deltas of the groups reading it; null until two samples exist. */
  consumeRate: z.number().nonnegative().nullable(),
  underReplicatedPartitions: z.number().int().nonnegative(),
});
export type TopicRow = z.infer<typeof TopicRowSchema>;

/** `GET /api/kafka/clusters/:cluster/topics`. */
export const TopicListSchema = z.object({
  topics: z.array(TopicRowSchema),
  /** Whether sizes could be read, and if not, why. */
  sizes: z.object({ available: z.boolean(), reason: z.string().nullable() }),
  /** When the rates were sampled; null before the first sample. */
  sampledAt: TimestampSchema.nullable(),
});
export type TopicList = z.infer<typeof TopicListSchema>;

export const TopicListQuerySchema = z.object({ includeInternal: z.enum(['true', 'false']).default('false') });

const ConfigMapSchema = z.record(z.string().regex(/^[a-z0-9.]{1,200}$/, { error: 'config names are lower-case words joined by dots' }), z.string().max(10_000));

/** `POST /api/kafka/clusters/:cluster/topics` (operator). */
export const CreateTopicRequestSchema = z.object({
  name: TopicNameSchema,
  partitions: z.number().int().min(1).max(10_000),
  /** Absent: the broker's default.replication.factor. */
  replicationFactor: z.number().int().min(1).max(32).optional(),
  configs: ConfigMapSchema.default({}),
});
export type CreateTopicRequest = z.input<typeof CreateTopicRequestSchema>;

/** `DELETE /api/kafka/clusters/:cluster/topics/:topic` (admin): `confirm` must repeat the topic's name. */
export const DeleteTopicRequestSchema = z.object({ confirm: z.string().max(249) });
export type DeleteTopicRequest = z.infer<typeof DeleteTopicRequestSchema>;

export const TopicPartitionSchema = z.object({
  partition: z.number().int().nonnegative(),
  leader: z.number().int(),
  replicas: z.array(z.number().int()),
  isr: z.array(z.number().int()),
  offlineReplicas: z.array(z.number().int()),
  /** Log start offset. */
  low: z.number().int(),
  /** High watermark: the offset the next message gets. */
  high: z.number().int(),
  messages: z.number().int().nonnegative(),
});
export type TopicPartition = z.infer<typeof TopicPartitionSchema>;

export const TopicConfigEntrySchema = z.object({
  name: z.string(),
  value: z.string().nullable(),
  /** Where the value comes from: DYNAMIC_TOPIC_CONFIG (set on the topic), DEFAULT_CONFIG, STATIC_BROKER_CONFIG, … */
  source: z.string(),
  isDefault: z.boolean(),
  isSensitive: z.boolean(),
  readOnly: z.boolean(),
});
export type TopicConfigEntry = z.infer<typeof TopicConfigEntrySchema>;

/** A consumer group reading the topic, with its lag on it. */
export const TopicGroupSchema = z.object({
  groupId: z.string(),
  state: z.string(),
  members: z.number().int().nonnegative(),
  lag: z.number().int().nonnegative(),
});
export type TopicGroup = z.infer<typeof TopicGroupSchema>;

/** `GET /api/kafka/clusters/:cluster/topics/:topic`. */
export const TopicDetailSchema = z.object({
  name: z.string(),
  internal: z.boolean(),
  replicationFactor: z.number().int().nonnegative(),
  messages: z.number().int().nonnegative(),
  sizeBytes: z.number().int().nonnegative().nullable(),
  produceRate: z.number().nonnegative().nullable(),
  consumeRate: z.number().nonnegative().nullable(),
  partitions: z.array(TopicPartitionSchema),
  configs: z.array(TopicConfigEntrySchema),
  groups: z.array(TopicGroupSchema),
});
export type TopicDetail = z.infer<typeof TopicDetailSchema>;

/**
 * `PATCH /api/kafka/clusters/:cluster/topics/:topic/configs` (admin): `set` gives topic-level
 * values, `reset` names configs to return to the broker's default.
 */
export const AlterTopicConfigsRequestSchema = z.object({
  set: ConfigMapSchema.default({}),
  reset: z.array(z.string().max(200)).max(200).default([]),
});
export type AlterTopicConfigsRequest = z.input<typeof AlterTopicConfigsRequestSchema>;

export const TopicConfigsSchema = z.object({ configs: z.array(TopicConfigEntrySchema) });
export type TopicConfigs = z.infer<typeof TopicConfigsSchema>;
