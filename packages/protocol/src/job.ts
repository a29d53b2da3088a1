import { z } from 'zod';
import { JobErrorSchema, JobStateSchema, MetricsSnapshotSchema } from '@weir/model';
import { IdSchema, TimestampSchema } from './common';
import { EngineNameSchema } from './compile';

/** One job: a pipeline version deployed to an engine. */
export const JobRecordSchema = z.object({
  id: IdSchema,
  pipelineId: IdSchema,
  pipelineName: z.string(),
  version: z.number().int().positive(),
  engine: EngineNameSchema,
  state: JobStateSchema,
  /** Why the job failed (the engine's error); null otherwise. */
  error: JobErrorSchema.nullable(),
  createdAt: TimestampSchema,
  /** Name of the user who deployed it; null when that user was deleted. */
  createdBy: z.string().nullable(),
  /** When the current run started and ended; null before it starts and while it runs. */
  startedAt: TimestampSchema.nullable(),
  endedAt: TimestampSchema.nullable(),
  /** A savepoint the next restart resumes from (set by a stop with savepoint). */
  savepoint: z.string().nullable(),
  /** The engine's own id and UI link (Flink: its job id, and that job's page in Flink's web UI), where there is one. */
  externalId: z.string().nullable(),
  externalUrl: z.string().nullable(),
  /**
   * The engine's own web UI (Flink's overview), for a job without a page of its own there yet
   * (still starting, or failed before Flink took it). Absent from servers before it was added.
   */
  engineUrl: z.string().nullable().optional(),
});
export type JobRecord = z.infer<typeof JobRecordSchema>;

/** `POST /api/pipelines/:id/deploy` (operator): absent `version` means the latest. */
export const DeployRequestSchema = z.object({
  version: z.number().int().positive().optional(),
  engine: EngineNameSchema,
});
export type DeployRequest = z.infer<typeof DeployRequestSchema>;

/** `GET /api/jobs?pipelineId=`: newest first. */
export const JobsQuerySchema = z.object({ pipelineId: IdSchema.optional() });
export type JobsQuery = z.infer<typeof JobsQuerySchema>;

export const JobListSchema = z.object({ jobs: z.array(JobRecordSchema) });
export type JobList = z.infer<typeof JobListSchema>;

/** `POST /api/jobs/:id/stop` (operator). */
export const StopJobRequestSchema = z.object({ savepoint: z.boolean().default(false) });
export type StopJobRequest = z.infer<typeof StopJobRequestSchema>;

/** `GET /api/jobs/:id/metrics`: the latest snapshot, or null before the first one. */
export const JobMetricsResponseSchema = MetricsSnapshotSchema.nullable();
export type JobMetricsResponse = z.infer<typeof JobMetricsResponseSchema>;

/** `GET /api/engines`: every engine, whether it can take jobs now and, if not, why. */
export const EngineInfoSchema = z.object({
  name: EngineNameSchema,
  label: z.string(),
  available: z.boolean(),
  reason: z.string().nullable(),
  capabilities: z.object({
    kinds: z.array(z.string()),
    unsupportedReasons: z.record(z.string(), z.string()),
    deliveries: z.array(z.string()),
    bounded: z.boolean(),
    maxParallelism: z.number().int().nullable(),
  }),
});
export type EngineInfo = z.infer<typeof EngineInfoSchema>;

export const EngineListSchema = z.object({ engines: z.array(EngineInfoSchema) });
export type EngineList = z.infer<typeof EngineListSchema>;
