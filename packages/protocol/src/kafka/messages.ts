import { z } from 'zod';
import { TimestampSchema } from '../common';

/**
 * A key, value or header as the browser shows it: JSON pretty-printed, UTF-8 text, or hex
 * for anything else. `text` is cut at the server's display limit (`truncated`); `size` is the full byte length.
 */
export const RenderedBytesSchema = z.object({
  format: z.enum(['json', 'text', 'hex']),
  text: z.string(),
  size: z.number().int().nonnegative(),
  truncated: z.boolean(),
});
export type RenderedBytes = z.infer<typeof RenderedBytesSchema>;

export const KafkaMessageSchema = z.object({
  partition: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  timestamp: TimestampSchema,
  key: RenderedBytesSchema.nullable(),
  value: RenderedBytesSchema.nullable(),
  headers: z.array(z.object({ key: z.string(), value: RenderedBytesSchema.nullable() })),
});
export type KafkaMessage = z.infer<typeof KafkaMessageSchema>;

/** Where a read starts. `cursor` continues from the per-partition positions a previous answer gave. */
export const BROWSE_FROM = ['earliest', 'latest', 'offset', 'timestamp', 'cursor'] as const;
export const BrowseFromSchema = z.enum(BROWSE_FROM);
export type BrowseFrom = z.infer<typeof BrowseFromSchema>;

/** Per-partition positions as text, `partition:offset` joined by commas (fits a query string). */
export const CursorSchema = z.string().regex(/^(\d{1,6}:\d{1,19})(,\d{1,6}:\d{1,19})*$/, { error: 'expected partition:offset[,partition:offset…]' });

/**
 * `GET /api/kafka/clusters/:cluster/topics/:topic/messages` (viewer).
 * - `earliest`: the oldest `limit` messages; `latest`: the newest `limit` (newest first);
 * - `offset`: from `offset` in each chosen partition; `timestamp`: from the first message at or after it;
 * - `cursor` with `direction`: the page after (forward) or before (backward) a previous answer.
 */
export const BrowseQuerySchema = z.object({
  from: BrowseFromSchema.default('latest'),
  partition: z.coerce.number().int().nonnegative().optional(),
  offset: z.coerce.number().int().nonnegative().optional(),
  timestamp: TimestampSchema.optional(),
  cursor: CursorSchema.optional(),
  direction: z.enum(['forward', 'backward']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
});
export type BrowseQuery = z.input<typeof BrowseQuerySchema>;

export const BrowseResponseSchema = z.object({
  /** Oldest first when reading forward, newest first when reading backward (`latest`). */
  messages: z.array(KafkaMessageSchema),
  direction: z.enum(['forward', 'backward']),
  /** Continue with `from=cursor`: `forward` reads on after these messages, `backward` before them; null at either end. */
  next: z.object({ forward: CursorSchema.nullable(), backward: CursorSchema.nullable() }),
  partitions: z.array(z.object({ partition: z.number().int(), low: z.number().int(), high: z.number().int() })),
});
export type BrowseResponse = z.infer<typeof BrowseResponseSchema>;

/** `POST /api/kafka/clusters/:cluster/topics/:topic/messages` (operator). */
export const ProduceRequestSchema = z.object({
  key: z.string().max(65_536).nullable().default(null),
  value: z.string().max(900_000).nullable(),
  headers: z.array(z.object({ key: z.string().min(1).max(255), value: z.string().max(65_536) })).max(100).default([]),
  /** Absent: Kafka's default partitioner chooses (by key hash, or spread when there is no key). */
  partition: z.number().int().nonnegative().nullable().default(null),
  /** Refuse the message unless `value` parses as JSON. */
  validateJson: z.boolean().default(false),
});
export type ProduceRequest = z.input<typeof ProduceRequestSchema>;

export const ProduceResponseSchema = z.object({
  partition: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
});
export type ProduceResponse = z.infer<typeof ProduceResponseSchema>;
