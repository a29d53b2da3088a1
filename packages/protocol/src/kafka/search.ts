import { z } from 'zod';
import { ProblemSchema, RecordSchemaSchema } from '@weir/model';
import { TimestampSchema } from '../common';

/**
 * The bounded range a search or export scans: from a start position up to the end offsets
 * captured when it starts (new messages arriving meanwhile are not scanned), optionally cut
 * short by a message or time budget.
 */
export const SearchRangeSchema = z.object({
  from: z.enum(['earliest', 'latest', 'offset', 'timestamp']).default('earliest'),
  /** One partition, or null for all. */
  partition: z.number().int().nonnegative().nullable().default(null),
  offset: z.number().int().nonnegative().optional(),
  timestamp: TimestampSchema.optional(),
  /** `latest`: how many of the newest messages of each partition to scan. */
  last: z.number().int().min(1).max(100_000_000).default(10_000),
  /** Stop after scanning this many messages. */
  maxMessages: z.number().int().min(1).max(1_000_000_000).optional(),
  /** Stop after this many seconds. */
  maxSeconds: z.number().int().min(1).max(3600).optional(),
});
export type SearchRange = z.input<typeof SearchRangeSchema>;

/**
 * A search: `expression` in Weir's expression language (shared/pipeline-format.md,
 * Expressions), a boolean over the JSON value's fields and `key`, `partition`, `offset`,
 * `timestamp`; empty matches every message. `schema` types the value's fields; null infers
 * it from a sample of the range.
 */
export const SearchRequestSchema = z.object({
  expression: z.string().max(65_536).default(''),
  schema: RecordSchemaSchema.nullable().default(null),
  range: SearchRangeSchema.default({ from: 'earliest', partition: null, last: 10_000 }),
  /** The search ends once this many matches have been sent (export has no such cap). */
  maxMatches: z.number().int().min(1).max(100_000).default(1000),
});
export type SearchRequest = z.input<typeof SearchRequestSchema>;
export type SearchRequestParsed = z.infer<typeof SearchRequestSchema>;

/** The fields a search expression can use, besides the value's own. */
export const MESSAGE_META_FIELDS = ['key', 'partition', 'offset', 'timestamp'] as const;

/** `POST /api/kafka/clusters/:cluster/topics/:topic/search/check` (viewer): type-check before running. */
export const SearchCheckRequestSchema = z.object({
  expression: z.string().max(65_536).default(''),
  schema: RecordSchemaSchema.nullable().default(null),
  range: SearchRangeSchema.default({ from: 'earliest', partition: null, last: 10_000 }),
});
export type SearchCheckRequest = z.input<typeof SearchCheckRequestSchema>;

export const SearchCheckResponseSchema = z.object({
  ok: z.boolean(),
  problems: z.array(ProblemSchema),
  /** Every field the expression may use: the value's (given or inferred), then key, partition, offset, timestamp. */
  schema: RecordSchemaSchema,
  /** True when the value's fields were inferred from a sample. */
  inferred: z.boolean(),
  /** Messages sampled for the inference, and how many of them were not JSON objects. */
  sampled: z.number().int().nonnegative(),
  notJson: z.number().int().nonnegative(),
});
export type SearchCheckResponse = z.infer<typeof SearchCheckResponseSchema>;

export const SEARCH_END_REASONS = ['end', 'cancelled', 'max-matches', 'max-messages', 'max-seconds', 'error'] as const;
export const SearchEndReasonSchema = z.enum(SEARCH_END_REASONS);
export type SearchEndReason = z.infer<typeof SearchEndReasonSchema>;

export const SearchProgressSchema = z.object({
  scanned: z.number().int().nonnegative(),
  matched: z.number().int().nonnegative(),
  /** Messages in the range when the search started (before any budget). */
  total: z.number().int().nonnegative(),
  /** Messages scanned per second, over the last second or so. */
  rate: z.number().nonnegative(),
  elapsedMs: z.number().int().nonnegative(),
  /** Messages whose value is not a JSON object (they match only through key and metadata fields). */
  notJson: z.number().int().nonnegative(),
  /** Messages the expression could not be evaluated on (a value of the wrong type); they do not match. */
  evalErrors: z.number().int().nonnegative(),
});
export type SearchProgress = z.infer<typeof SearchProgressSchema>;

/**
 * `GET /api/kafka/clusters/:cluster/topics/:topic/export` (operator): the matches of a search
 * as JSON lines, streamed, without a match cap. The search's fields arrive as query parameters.
 */
export const ExportQuerySchema = z.object({
  expression: z.string().max(65_536).default(''),
  /** A JSON array of `{ name, type }`; absent: inferred. */
  schema: z.string().max(65_536).optional(),
  from: z.enum(['earliest', 'latest', 'offset', 'timestamp']).default('earliest'),
  partition: z.coerce.number().int().nonnegative().optional(),
  offset: z.coerce.number().int().nonnegative().optional(),
  timestamp: TimestampSchema.optional(),
  last: z.coerce.number().int().min(1).max(100_000_000).default(10_000),
  maxMessages: z.coerce.number().int().min(1).max(1_000_000_000).optional(),
  maxSeconds: z.coerce.number().int().min(1).max(3600).optional(),
});
export type ExportQuery = z.input<typeof ExportQuerySchema>;

/** One line of an export. `value` is the JSON value itself when the message holds JSON. */
export const ExportLineSchema = z.object({
  topic: z.string(),
  partition: z.number().int(),
  offset: z.number().int(),
  timestamp: TimestampSchema,
  key: z.string().nullable(),
  value: z.unknown(),
  /** How `value` (and `key`) are written: json (a JSON value), text, or base64 for other bytes. */
  valueEncoding: z.enum(['json', 'text', 'base64', 'null']),
  keyEncoding: z.enum(['text', 'base64', 'null']),
  headers: z.record(z.string(), z.string()),
});
export type ExportLine = z.infer<typeof ExportLineSchema>;
