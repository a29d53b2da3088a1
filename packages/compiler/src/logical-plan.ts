import { z } from 'zod';
import {
  DeliverySchema, ENGINE_NAMES, FieldTypeSchema, NODE_KIND_NAMES, RecordSchemaSchema,
  type NodeConfig, type NodeKindName,
} from '@weir/model';

/**
 * The logical plan: a validated document resolved into what every backend needs, in
 * topological order, with durations in milliseconds, defaults applied and every input and
 * output schema spelled out. Both the embedded plan and the Flink SQL script are made from it.
 */

/**
 * The time of a record: the value of `field` plus `offsetMs`. The offset is -1 downstream of
 * a window, whose results carry their time in `window_end` but sit at `window_end − 1 ms`
 * (Flink's `window_time`), so that a result falls inside the window that contains it downstream.
 */
export const EventTimeRefSchema = z.object({
  field: z.string().min(1),
  offsetMs: z.number().int(),
});
export type EventTimeRef = z.infer<typeof EventTimeRefSchema>;

export const WatermarkSpecSchema = z.object({
  field: z.string().min(1),
  maxOutOfOrdernessMs: z.number().int().min(0),
  /** A partition silent this long no longer holds the watermark back; null: never idle. */
  idleTimeoutMs: z.number().int().positive().nullable(),
});
export type WatermarkSpec = z.infer<typeof WatermarkSpecSchema>;

export const LogicalInputSchema = z.object({
  /** The upstream node id. */
  from: z.string().min(1),
  /** The port of a join (`left`, `right`); null for kinds without named ports. */
  port: z.string().nullable(),
  schema: RecordSchemaSchema,
  eventTime: EventTimeRefSchema.nullable(),
});
export type LogicalInput = z.infer<typeof LogicalInputSchema>;

export const OnErrorPlanSchema = z.discriminatedUnion('policy', [
  z.object({ policy: z.literal('fail') }),
  z.object({ policy: z.literal('skip') }),
  z.object({ policy: z.literal('dead-letter'), topic: z.string().min(1) }),
]);
export type OnErrorPlan = z.infer<typeof OnErrorPlanSchema>;

export const PlanSettingsSchema = z.object({
  checkpointIntervalMs: z.number().int().positive(),
  delivery: DeliverySchema,
  onError: OnErrorPlanSchema,
  parallelism: z.number().int().positive(),
});
export type PlanSettings = z.infer<typeof PlanSettingsSchema>;

/** Durations of a node's config in milliseconds, under the config's own names plus `Ms`. */
export const NodeDurationsSchema = z.object({
  sizeMs: z.number().int().positive().optional(),
  slideMs: z.number().int().positive().optional(),
  gapMs: z.number().int().positive().optional(),
  lowerMs: z.number().int().optional(),
  upperMs: z.number().int().optional(),
});
export type NodeDurations = z.infer<typeof NodeDurationsSchema>;

/** The result type of each aggregate of a window, beside the function's input type. */
export const AggregatePlanSchema = z.object({
  fn: z.enum(['count', 'sum', 'avg', 'min', 'max', 'count_distinct', 'first', 'last']),
  field: z.string().min(1).nullable(),
  as: z.string().min(1),
  inputType: FieldTypeSchema.nullable(),
  resultType: FieldTypeSchema,
});
export type AggregatePlan = z.infer<typeof AggregatePlanSchema>;

export const LogicalOperatorSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(NODE_KIND_NAMES as [NodeKindName, ...NodeKindName[]]),
  label: z.string().nullable(),
  /** Upstream nodes: port order for joins, edge order otherwise. */
  inputs: z.array(LogicalInputSchema),
  /** Downstream node ids in edge order (empty for sinks). */
  outputs: z.array(z.string()),
  /** Output fields in order; empty for sinks. */
  schema: RecordSchemaSchema,
  eventTime: EventTimeRefSchema.nullable(),
  /**
   * The fields that partition or identify rows: a window's keyBy, a join's left keys, a
   * Kafka sink's key, a PostgreSQL sink's primary key; empty otherwise.
   */
  keyFields: z.array(z.string()),
  watermark: WatermarkSpecSchema.nullable(),
  durations: NodeDurationsSchema,
  aggregates: z.array(AggregatePlanSchema),
  /** The node's config as validation parsed it (defaults applied). */
  config: z.record(z.string(), z.unknown()),
});

type LogicalOperatorBase = Omit<z.infer<typeof LogicalOperatorSchema>, 'kind' | 'config'>;

/** A logical operator with its config typed by its kind. */
export type LogicalOperator = {
  [K in NodeKindName]: LogicalOperatorBase & { kind: K; config: NodeConfig<K> };
}[NodeKindName];
export type LogicalOperatorOf<K extends NodeKindName> = Extract<LogicalOperator, { kind: K }>;

export const LogicalPlanSchema = z.object({
  version: z.literal(1),
  name: z.string(),
  description: z.string().nullable(),
  /** The engine the document was validated for. */
  engine: z.enum(ENGINE_NAMES),
  settings: PlanSettingsSchema,
  operators: z.array(LogicalOperatorSchema),
});

export type LogicalPlan = Omit<z.infer<typeof LogicalPlanSchema>, 'operators'> & { operators: LogicalOperator[] };

export function isKind<K extends NodeKindName>(op: LogicalOperator, kind: K): op is LogicalOperatorOf<K> {
  return op.kind === kind;
}
