import { z } from 'zod';
import { TimestampSchema } from '../common';
import { ConnectionNameSchema } from './connections';
import { TopicNameSchema } from './topics';

export const GroupParamsSchema = z.object({ cluster: ConnectionNameSchema, group: z.string().min(1).max(255) });
export type GroupParams = z.infer<typeof GroupParamsSchema>;

/** One row of the consumer group list. */
export const GroupRowSchema = z.object({
  groupId: z.string(),
  /** Kafka's state: Empty, Stable, PreparingRebalance, CompletingRebalance, Dead, … */
  state: z.string(),
  protocolType: z.string(),
  members: z.number().int().nonnegative(),
  topics: z.array(z.string()),
  /** Sum of lag over the partitions it has committed offsets on; null when unknown. */
  lag: z.number().int().nonnegative().nullable(),
});
export type GroupRow = z.infer<typeof GroupRowSchema>;

export const GroupListSchema = z.object({ groups: z.array(GroupRowSchema) });
export type GroupList = z.infer<typeof GroupListSchema>;

export const GroupOffsetSchema = z.object({
  topic: z.string(),
  partition: z.number().int().nonnegative(),
  /** The committed offset; null when the group has committed nothing on this partition. */
  committed: z.number().int().nullable(),
  /** High watermark. */
  end: z.number().int(),
  /** end − committed, never negative; null when nothing is committed (Kafka's own tool shows "-"). */
  lag: z.number().int().nonnegative().nullable(),
  /** The member that owns the partition now, when the group is running. */
  owner: z.string().nullable(),
});
export type GroupOffset = z.infer<typeof GroupOffsetSchema>;

export const GroupMemberSchema = z.object({
  memberId: z.string(),
  clientId: z.string(),
  host: z.string(),
  assignment: z.array(z.object({ topic: z.string(), partitions: z.array(z.number().int()) })),
});
export type GroupMember = z.infer<typeof GroupMemberSchema>;

/** One sample of a group's lag, taken by the server about every 5 s and kept for an hour. */
export const LagPointSchema = z.object({
  at: TimestampSchema,
  lag: z.number().int().nonnegative(),
  /** Lag per topic at that moment. */
  topics: z.record(z.string(), z.number().int().nonnegative()),
});
export type LagPoint = z.infer<typeof LagPointSchema>;

/** `GET /api/kafka/clusters/:cluster/groups/:group`. */
export const GroupDetailSchema = z.object({
  groupId: z.string(),
  state: z.string(),
  protocolType: z.string(),
  protocol: z.string(),
  members: z.array(GroupMemberSchema),
  offsets: z.array(GroupOffsetSchema),
  totalLag: z.number().int().nonnegative(),
  history: z.array(LagPointSchema),
  /** Sampling interval of `history` in ms. */
  sampleIntervalMs: z.number().int().positive(),
});
export type GroupDetail = z.infer<typeof GroupDetailSchema>;

export const ResetTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('earliest') }),
  z.object({ kind: z.literal('latest') }),
  z.object({ kind: z.literal('timestamp'), timestamp: TimestampSchema }),
  z.object({ kind: z.literal('offset'), offset: z.number().int().nonnegative() }),
]);
export type ResetTarget = z.infer<typeof ResetTargetSchema>;

/**
 * `POST …/groups/:group/reset-offsets/preview` and `…/reset-offsets` (admin). `topic` null
 * resets every topic the group has offsets on; `partitions` (only with a topic) narrows it.
 * An explicit offset is clamped into each partition's [low, high].
 */
export const ResetOffsetsRequestSchema = z.object({
  topic: TopicNameSchema.nullable(),
  partitions: z.array(z.number().int().nonnegative()).max(10_000).optional(),
  to: ResetTargetSchema,
});
export type ResetOffsetsRequest = z.infer<typeof ResetOffsetsRequestSchema>;

export const ResetOffsetsPreviewSchema = z.object({
  groupId: z.string(),
  state: z.string(),
  partitions: z.array(z.object({
    topic: z.string(),
    partition: z.number().int().nonnegative(),
    current: z.number().int().nullable(),
    target: z.number().int().nonnegative(),
    low: z.number().int(),
    high: z.number().int(),
    /** Lag after the reset. */
    lagAfter: z.number().int().nonnegative(),
  })),
});
export type ResetOffsetsPreview = z.infer<typeof ResetOffsetsPreviewSchema>;
