import { z } from 'zod';
import { EmbeddedPlanSchema } from '@weir/compiler';
import { JobErrorSchema, JobStateSchema, MetricsSnapshotSchema } from '@weir/model';
import { TuningSchema } from '../job/tuning';

/**
 * Messages between the engine (main thread) and a job's worker thread. Both ends parse
 * what they receive: a worker is another program as far as types are concerned.
 */

export const JobStatusSchema = z.object({
  state: JobStateSchema,
  startedAt: z.number(),
  endedAt: z.number().optional(),
  error: JobErrorSchema.optional(),
  externalId: z.string().optional(),
  externalUrl: z.string().optional(),
});

export const DeployOptionsSchema = z.object({
  jobId: z.string().min(1),
  kafkaClusters: z.record(z.string(), z.object({ brokers: z.string() })),
  postgresConnections: z.record(z.string(), z.object({ url: z.string() })).optional(),
  dataDir: z.string(),
  restoreFrom: z.string().optional(),
});

export const WorkerDataSchema = z.object({
  plan: EmbeddedPlanSchema,
  deploy: DeployOptionsSchema,
  tuning: TuningSchema.partial(),
});
export type WorkerData = z.infer<typeof WorkerDataSchema>;

export const ToWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stop'), savepoint: z.boolean() }),
]);
export type ToWorker = z.infer<typeof ToWorkerSchema>;

export const FromWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), status: JobStatusSchema }),
  z.object({ type: z.literal('metrics'), snapshot: MetricsSnapshotSchema }),
  z.object({ type: z.literal('preview'), node: z.string(), rows: z.array(z.record(z.string(), z.unknown())) }),
  z.object({ type: z.literal('stopped'), state: JobStateSchema }),
  z.object({ type: z.literal('stop-failed'), code: z.string(), message: z.string() }),
  /** The job ended; its final status. The worker exits after this. */
  z.object({ type: z.literal('done'), status: JobStatusSchema }),
]);
export type FromWorker = z.infer<typeof FromWorkerSchema>;
