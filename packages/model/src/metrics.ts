import { z } from 'zod';

/**
 * The live metrics of one job, one snapshot per second (design.md, Contracts). Both engines
 * fill it the same way, named after Flink's own metrics, so the canvas and the job pages
 * never know which engine runs the job. Browser-safe: the web app reads it from socket.io.
 */

/** Flink's grading of backpressure: OK ≤ 10 %, LOW ≤ 50 %, HIGH above (of each second). */
export const BackpressureLevelSchema = z.enum(['OK', 'LOW', 'HIGH']);
export type BackpressureLevel = z.infer<typeof BackpressureLevelSchema>;

export function backpressureLevel(backPressuredTimeMsPerSecond: number): BackpressureLevel {
  const ratio = backPressuredTimeMsPerSecond / 1000;
  if (ratio <= 0.1) return 'OK';
  if (ratio <= 0.5) return 'LOW';
  return 'HIGH';
}

export const NodeMetricsSchema = z.object({
  recordsInPerSecond: z.number(),
  recordsOutPerSecond: z.number(),
  /** Totals since the job started (or was restored), for counters and Prometheus. */
  recordsInTotal: z.number(),
  recordsOutTotal: z.number(),
  /** The three add up to about 1000 ms per second. */
  busyTimeMsPerSecond: z.number(),
  backPressuredTimeMsPerSecond: z.number(),
  idleTimeMsPerSecond: z.number(),
  backpressure: BackpressureLevelSchema,
  /** Epoch ms; null before the first watermark or for processing-time nodes. */
  currentWatermark: z.number().nullable(),
  lateRecords: z.number(),
  errors: z.number(),
  /** Live keys, panes or buffered rows of a stateful node (0 for stateless ones). */
  stateSize: z.number().optional(),
});
export type NodeMetrics = z.infer<typeof NodeMetricsSchema>;

export const PartitionMetricsSchema = z.object({
  node: z.string(),
  topic: z.string(),
  partition: z.number().int(),
  /** The next offset this source will read (Kafka's position). */
  offset: z.number(),
  /** The partition's high watermark (log end offset) as last seen. */
  endOffset: z.number(),
  lag: z.number(),
  /** Now minus the event time of the last record read; null before the first record. */
  lagMs: z.number().nullable(),
  idle: z.boolean().optional(),
});
export type PartitionMetrics = z.infer<typeof PartitionMetricsSchema>;

export const CheckpointSummarySchema = z.object({
  id: z.number().int(),
  /** Epoch ms when the checkpoint was triggered. */
  time: z.number(),
  durationMs: z.number(),
  sizeBytes: z.number(),
});
export type CheckpointSummary = z.infer<typeof CheckpointSummarySchema>;

export const CheckpointMetricsSchema = z.object({
  lastCompleted: CheckpointSummarySchema.nullable(),
  inProgress: z.object({ id: z.number().int(), startedAt: z.number() }).nullable(),
  completed: z.number().int(),
  failed: z.number().int(),
});
export type CheckpointMetrics = z.infer<typeof CheckpointMetricsSchema>;

export const JobStateSchema = z.enum([
  'CREATED', 'RUNNING', 'FAILING', 'FAILED', 'CANCELLING', 'CANCELED', 'FINISHED', 'RESTARTING',
]);
export type JobState = z.infer<typeof JobStateSchema>;

export const JobErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  node: z.string().optional(),
  time: z.number(),
});
export type JobError = z.infer<typeof JobErrorSchema>;

export const MetricsSnapshotSchema = z.object({
  jobId: z.string(),
  /** Epoch ms at which the snapshot was taken. */
  time: z.number(),
  state: JobStateSchema,
  nodes: z.record(z.string(), NodeMetricsSchema),
  partitions: z.array(PartitionMetricsSchema),
  checkpoints: CheckpointMetricsSchema,
  /** For a bounded job: fraction of its input read, 0..1. */
  progress: z.number().min(0).max(1).nullable().optional(),
  error: JobErrorSchema.nullable().optional(),
});
export type MetricsSnapshot = z.infer<typeof MetricsSnapshotSchema>;
