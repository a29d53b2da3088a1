import { z } from 'zod';
import { DeliverySchema, FieldTypeSchema, RecordSchemaSchema } from '@weir/model';
import { EventTimeRefSchema, OnErrorPlanSchema } from './logical-plan';

/**
 * The embedded plan: what packages/runtime executes in a worker thread. Plain JSON (it is
 * posted to the worker), so expressions travel as source text with the schema they were
 * checked against, and the runtime compiles them with `compileExpression`. Window and join
 * `params` have the shapes of the runtime's operator parameter schemas, so they pass through.
 *
 * Every operator has the `id` of the document node whose output it emits; a chain, which
 * runs several nodes, has the id of its last node and lists them all in `nodes`. An
 * operator's `input` ids are therefore document node ids too.
 */

const Name = z.string().min(1);
const Ms = z.number().int().positive();

export const ExpressionSpecSchema = z.object({
  /** The expression as the user wrote it. */
  text: z.string().min(1),
  /** The input fields it reads; compile it against exactly these. */
  schema: RecordSchemaSchema,
  /** Its result type, as validation derived it. */
  type: FieldTypeSchema,
});
export type ExpressionSpec = z.infer<typeof ExpressionSpecSchema>;

export const StartFromPlanSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('committed') }),
  z.object({ mode: z.literal('earliest') }),
  z.object({ mode: z.literal('latest') }),
  z.object({ mode: z.literal('timestamp'), timestampMs: z.number().int() }),
]);
export type StartFromPlan = z.infer<typeof StartFromPlanSchema>;

export const BoundedPlanSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('latest') }),
  z.object({ mode: z.literal('timestamp'), timestampMs: z.number().int() }),
]);
export type BoundedPlan = z.infer<typeof BoundedPlanSchema>;

export const SourceEventTimeSchema = z.object({
  field: Name,
  maxOutOfOrdernessMs: z.number().int().min(0),
  idleTimeoutMs: Ms.nullable(),
});

export const SourceOperatorSchema = z.object({
  kind: z.literal('source'),
  id: Name,
  cluster: Name,
  topic: Name,
  format: z.enum(['json', 'csv', 'text']),
  /** The fields decoded from each record, in order (CSV columns are positional). */
  schema: RecordSchemaSchema,
  startFrom: StartFromPlanSchema,
  /** null: runs until stopped. */
  bounded: BoundedPlanSchema.nullable(),
  /** null: processing time. */
  eventTime: SourceEventTimeSchema.nullable(),
  groupId: Name,
});
export type SourceOperator = z.infer<typeof SourceOperatorSchema>;

export const FilterStepSchema = z.object({
  kind: z.literal('filter'),
  node: Name,
  where: ExpressionSpecSchema,
});
export type FilterStep = z.infer<typeof FilterStepSchema>;

/** `params` has the shape of the runtime's MapParams; `exprs[i]` computes `params.select[i]`. */
export const MapStepSchema = z.object({
  kind: z.literal('map'),
  node: Name,
  params: z.object({ keepInput: z.boolean(), inputFields: z.array(Name), select: z.array(Name) }),
  exprs: z.array(ExpressionSpecSchema),
  schema: RecordSchemaSchema,
});
export type MapStep = z.infer<typeof MapStepSchema>;

export const ChainStepSchema = z.discriminatedUnion('kind', [FilterStepSchema, MapStepSchema]);
export type ChainStep = z.infer<typeof ChainStepSchema>;

/** Consecutive stateless nodes fused into one operator, run row by row in `steps` order. */
export const ChainOperatorSchema = z.object({
  kind: z.literal('chain'),
  id: Name,
  nodes: z.array(Name).min(1),
  input: Name,
  inputSchema: RecordSchemaSchema,
  steps: z.array(ChainStepSchema).min(1),
  schema: RecordSchemaSchema,
  eventTime: EventTimeRefSchema.nullable(),
});
export type ChainOperator = z.infer<typeof ChainOperatorSchema>;

/** Rows of every input pass through unchanged; the watermark is the minimum over the inputs. */
export const UnionOperatorSchema = z.object({
  kind: z.literal('union'),
  id: Name,
  inputs: z.array(Name).min(2),
  schema: RecordSchemaSchema,
  eventTime: EventTimeRefSchema.nullable(),
});
export type UnionOperator = z.infer<typeof UnionOperatorSchema>;

export const AggregateParamSchema = z.object({
  fn: z.enum(['count', 'sum', 'avg', 'min', 'max', 'count_distinct', 'first', 'last']),
  field: Name.optional(),
  as: Name,
  inputType: FieldTypeSchema.optional(),
  resultType: FieldTypeSchema,
});
export type AggregateParam = z.infer<typeof AggregateParamSchema>;

const windowParamsBase = {
  keyBy: z.array(Name),
  aggregates: z.array(AggregateParamSchema),
  /** The field holding each record's time; null: processing time. See `time` for its offset. */
  timeField: Name.nullable(),
};

export const WindowParamsSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('tumbling'), ...windowParamsBase, sizeMs: Ms }),
  z.object({ type: z.literal('sliding'), ...windowParamsBase, sizeMs: Ms, slideMs: Ms }),
  z.object({ type: z.literal('session'), ...windowParamsBase, gapMs: Ms }),
  z.object({ type: z.literal('count'), ...windowParamsBase, size: z.number().int().positive(), slide: z.number().int().positive() }),
]);
export type WindowParams = z.infer<typeof WindowParamsSchema>;

export const WindowOperatorSchema = z.object({
  kind: z.literal('window'),
  id: Name,
  input: Name,
  inputSchema: RecordSchemaSchema,
  params: WindowParamsSchema,
  /** A record's time is `row[time.field] + time.offsetMs`; null: processing time. */
  time: EventTimeRefSchema.nullable(),
  schema: RecordSchemaSchema,
  eventTime: EventTimeRefSchema.nullable(),
});
export type WindowOperator = z.infer<typeof WindowOperatorSchema>;

export const FieldMappingSchema = z.object({ from: Name, as: Name });

export const IntervalJoinParamsSchema = z.object({
  on: z.array(z.object({ left: Name, right: Name })),
  lowerMs: z.number().int(),
  upperMs: z.number().int(),
  leftTimeField: Name,
  rightTimeField: Name,
  output: z.object({ left: z.array(FieldMappingSchema), right: z.array(FieldMappingSchema) }),
});
export type IntervalJoinParams = z.infer<typeof IntervalJoinParamsSchema>;

export const JoinOperatorSchema = z.object({
  kind: z.literal('interval-join'),
  id: Name,
  left: Name,
  right: Name,
  leftSchema: RecordSchemaSchema,
  rightSchema: RecordSchemaSchema,
  params: IntervalJoinParamsSchema,
  /** Times of the two sides, as `row[field] + offsetMs`. */
  leftTime: EventTimeRefSchema,
  rightTime: EventTimeRefSchema,
  schema: RecordSchemaSchema,
  eventTime: EventTimeRefSchema.nullable(),
});
export type JoinOperator = z.infer<typeof JoinOperatorSchema>;

/**
 * Kafka sink. Values are JSON objects of `schema`'s fields in order, timestamps as
 * ISO-8601 UTC with milliseconds. Key: null when `key` is null; one field: its value as a
 * string (the same text the value shows, a timestamp in ISO-8601); several: a JSON object of them.
 */
export const KafkaSinkOperatorSchema = z.object({
  kind: z.literal('sink'),
  sink: z.literal('kafka'),
  id: Name,
  input: Name,
  schema: RecordSchemaSchema,
  cluster: Name,
  topic: Name,
  format: z.literal('json'),
  key: z.array(Name).nullable(),
});
export type KafkaSinkOperator = z.infer<typeof KafkaSinkOperatorSchema>;

export const PostgresColumnSchema = z.object({ name: Name, type: FieldTypeSchema, pgType: Name });
export type PostgresColumn = z.infer<typeof PostgresColumnSchema>;

export const PostgresSinkOperatorSchema = z.object({
  kind: z.literal('sink'),
  sink: z.literal('postgres'),
  id: Name,
  input: Name,
  schema: RecordSchemaSchema,
  connection: Name,
  table: Name,
  /** The table as SQL: quoted and lower-cased, as PostgreSQL folds an unquoted name. */
  tableSql: Name,
  mode: z.enum(['append', 'upsert']),
  /** Empty for append without a key. */
  primaryKey: z.array(Name),
  columns: z.array(PostgresColumnSchema),
  /** `CREATE TABLE IF NOT EXISTS …`, run before the first write. */
  createTableSql: z.string(),
});
export type PostgresSinkOperator = z.infer<typeof PostgresSinkOperatorSchema>;

export const PreviewSinkOperatorSchema = z.object({
  kind: z.literal('sink'),
  sink: z.literal('preview'),
  id: Name,
  input: Name,
  schema: RecordSchemaSchema,
  limit: z.number().int().positive(),
});
export type PreviewSinkOperator = z.infer<typeof PreviewSinkOperatorSchema>;

export const SinkOperatorSchema = z.discriminatedUnion('sink', [
  KafkaSinkOperatorSchema, PostgresSinkOperatorSchema, PreviewSinkOperatorSchema,
]);
export type SinkOperator = z.infer<typeof SinkOperatorSchema>;

export const EmbeddedOperatorSchema = z.union([
  SourceOperatorSchema, ChainOperatorSchema, UnionOperatorSchema, WindowOperatorSchema, JoinOperatorSchema,
  SinkOperatorSchema,
]);
export type EmbeddedOperator = z.infer<typeof EmbeddedOperatorSchema>;

export const EmbeddedSettingsSchema = z.object({
  checkpointIntervalMs: Ms,
  delivery: DeliverySchema,
  onError: OnErrorPlanSchema,
  /** What the document asked for; the embedded engine runs 1 (see `parallelismCapped`). */
  parallelism: z.number().int().positive(),
  parallelismCapped: z.boolean(),
  /** Exactly-once: transactional ids are this prefix plus the input topic and partition. */
  transactionalIdPrefix: Name,
});
export type EmbeddedSettings = z.infer<typeof EmbeddedSettingsSchema>;

export const EmbeddedPlanSchema = z.object({
  version: z.literal(1),
  pipeline: z.object({ name: Name, description: z.string().nullable() }),
  settings: EmbeddedSettingsSchema,
  /** Topological order: every operator comes after its inputs. */
  operators: z.array(EmbeddedOperatorSchema),
  /** For every document node, the id of the operator that runs it (metrics are per node). */
  nodeOperator: z.record(z.string(), Name),
});
export type EmbeddedPlan = z.infer<typeof EmbeddedPlanSchema>;
