import { z } from 'zod';

/** The parts of Flink's REST answers Weir reads (Flink 2.x), checked at the boundary. */

// Flink writes a double it has no value for yet as the string "NaN" (seen for busy time right
// after a job is looked up again): read anything but a number as 0, instead of refusing the job.
const count = z.number().catch(0);

export const VertexMetricsSchema = z.object({
  'read-records': count,
  'write-records': count,
  'accumulated-busy-time': count,
  'accumulated-backpressured-time': count,
  'accumulated-idle-time': count,
}).loose();

export const JobVertexSchema = z.object({
  id: z.string(),
  name: z.string(),
  parallelism: z.number().int().default(1),
  status: z.string(),
  metrics: VertexMetricsSchema.optional(),
}).loose();
export type JobVertex = z.infer<typeof JobVertexSchema>;

export const JobDetailsSchema = z.object({
  jid: z.string(),
  name: z.string(),
  state: z.string(),
  'start-time': z.number(),
  'end-time': z.number(),
  now: z.number().optional(),
  vertices: z.array(JobVertexSchema),
  plan: z.object({
    nodes: z.array(z.object({
      id: z.string(),
      inputs: z.array(z.object({ id: z.string() }).loose()).optional(),
    }).loose()),
  }).loose().optional(),
}).loose();
export type JobDetails = z.infer<typeof JobDetailsSchema>;

const CheckpointEntrySchema = z.object({
  id: z.number(),
  status: z.string(),
  is_savepoint: z.boolean().optional(),
  trigger_timestamp: z.number(),
  end_to_end_duration: z.number().optional(),
  state_size: z.number().optional(),
  checkpointed_size: z.number().optional(),
  external_path: z.string().nullable().optional(),
  failure_message: z.string().nullable().optional(),
}).loose();
export type CheckpointEntry = z.infer<typeof CheckpointEntrySchema>;

export const CheckpointingStatsSchema = z.object({
  counts: z.object({ completed: z.number(), failed: z.number(), in_progress: z.number() }).loose(),
  latest: z.object({ completed: CheckpointEntrySchema.nullable().optional() }).loose().optional(),
  history: z.array(CheckpointEntrySchema).default([]),
}).loose();
export type CheckpointingStats = z.infer<typeof CheckpointingStatsSchema>;

/** One aggregated metric of `/jobs/:id/vertices/:v/subtasks/metrics?get=…&agg=…`. */
export const AggregatedMetricSchema = z.object({
  id: z.string(),
  min: z.number().optional(),
  max: z.number().optional(),
  sum: z.number().optional(),
}).loose();
export type AggregatedMetric = z.infer<typeof AggregatedMetricSchema>;
export const AggregatedMetricsSchema = z.array(AggregatedMetricSchema);

export const ExceptionsSchema = z.object({
  exceptionHistory: z.object({
    entries: z.array(z.object({ exceptionName: z.string(), stacktrace: z.string(), timestamp: z.number(), taskName: z.string().nullable().optional() }).loose()),
  }).loose().optional(),
  'root-exception': z.string().nullable().optional(),
}).loose();
