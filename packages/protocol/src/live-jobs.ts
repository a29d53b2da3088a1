import { z } from 'zod';
import { BackpressureLevelSchema, JobStateSchema, MetricsSnapshotSchema } from '@weir/model';
import { IdSchema } from './common';

/**
 * Live job monitoring on the live socket (kafka/live-gateway.ts has the join/leave protocol).
 * `job:<id>` carries one job's snapshots; `jobs:all` carries a one-line summary of every
 * job that has metrics, for the job list. Both are sent once per second as ONE volatile
 * message per room: a late snapshot is worthless once the next one exists.
 */
export const JOB_ROOMS = {
  /** `job:<job id>` (viewer): the job's full snapshot each second; its history on join. */
  job: 'job',
  /** `jobs:all` (viewer): a summary of every job with metrics; sparklines on join. */
  all: 'jobs',
} as const;

export const JOB_EVENTS = {
  /** The rolling history of the job, sent once to a member when it joins. */
  history: 'job:history',
  /** The newest snapshot (volatile). */
  snapshot: 'job:snapshot',
  /** Summaries of all jobs (volatile). */
  summaries: 'jobs:summaries',
  /** Recent throughput of every job, sent once on joining `jobs:all`. */
  sparklines: 'jobs:sparklines',
} as const;

export const JobRoomParamsSchema = z.object({ jobId: IdSchema });
export type JobRoomParams = z.infer<typeof JobRoomParamsSchema>;
export const jobRoom = (jobId: string) => `${JOB_ROOMS.job}:${jobId}`;
export const ALL_JOBS_ROOM = `${JOB_ROOMS.all}:all`;

/** Per node in a history point: [records in/s, records out/s, back-pressured ms/s]. */
export const NodeHistoryTupleSchema = z.tuple([z.number(), z.number(), z.number()]);

/**
 * One second of a job's history, compact (a ring of 900 of these per job stays small):
 * job-level throughput, lag, the worst backpressure, per-node rates and per-partition lag.
 */
export const JobHistoryPointSchema = z.object({
  time: z.number(),
  state: JobStateSchema,
  /** Records read per second by the source nodes. */
  recordsIn: z.number(),
  /** Records written per second by the sink nodes. */
  recordsOut: z.number(),
  /** Total lag in records over every source partition. */
  lag: z.number(),
  /** Largest lag in time over the partitions (ms); null before the first record. */
  lagMs: z.number().nullable(),
  /** The worst node's back-pressured ms per second. */
  maxBackPressuredMs: z.number(),
  nodes: z.record(z.string(), NodeHistoryTupleSchema),
  /** Lag per partition, keyed `<node>/<topic>/<partition>`. */
  partitions: z.record(z.string(), z.number()),
  /** The last completed checkpoint when this point was taken. */
  checkpoint: z.object({ id: z.number().int(), durationMs: z.number(), sizeBytes: z.number() }).nullable(),
  checkpointsFailed: z.number().int(),
});
export type JobHistoryPoint = z.infer<typeof JobHistoryPointSchema>;

export const JobHistoryEventSchema = z.object({
  room: z.string(),
  jobId: IdSchema,
  /** Oldest first. */
  points: z.array(JobHistoryPointSchema),
  /** The newest snapshot, so the canvas shows numbers before the next tick; null before the first. */
  latest: MetricsSnapshotSchema.nullable(),
});
export type JobHistoryEvent = z.infer<typeof JobHistoryEventSchema>;

export const JobSnapshotEventSchema = z.object({
  room: z.string(),
  snapshot: MetricsSnapshotSchema,
  /** The same second as a history point, so charts append without recomputing. */
  point: JobHistoryPointSchema,
});
export type JobSnapshotEvent = z.infer<typeof JobSnapshotEventSchema>;

export const JobSummarySchema = z.object({
  jobId: IdSchema,
  time: z.number(),
  state: JobStateSchema,
  recordsIn: z.number(),
  recordsOut: z.number(),
  lag: z.number(),
  backpressure: BackpressureLevelSchema,
});
export type JobSummary = z.infer<typeof JobSummarySchema>;

export const JobSummariesEventSchema = z.object({ room: z.string(), jobs: z.array(JobSummarySchema) });
export type JobSummariesEvent = z.infer<typeof JobSummariesEventSchema>;

/** Records read per second, oldest first, for the last few minutes of each job. */
export const JobSparklinesEventSchema = z.object({ room: z.string(), jobs: z.record(z.string(), z.array(z.number())) });
export type JobSparklinesEvent = z.infer<typeof JobSparklinesEventSchema>;
