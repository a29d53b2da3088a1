import type { EngineCapabilities, EngineName, JobError, JobState, MetricsSnapshot, PipelineDocument, Problem } from '@weir/model';

/**
 * The one interface both engines implement (design.md, Contracts), so the server's job
 * manager never knows which engine drives a job. The embedded runtime (packages/runtime)
 * and the Flink adapter (packages/flink) each export a factory returning an Engine.
 */

export interface DeployOptions {
  /** Weir's job id; engines name their resources (consumer groups, transactional ids) after it. */
  jobId: string;
  /** Kafka connections by name (`default` at least): bootstrap servers "host:port,...". */
  kafkaClusters: Record<string, { brokers: string }>;
  /** PostgreSQL connections by name: connection strings. */
  postgresConnections?: Record<string, { url: string }>;
  /** Where the job keeps its checkpoints and other files. */
  dataDir: string;
  /** Resume from this checkpoint or savepoint location (engine-specific); absent: the latest one, if any. */
  restoreFrom?: string;
}

export interface JobStatus {
  state: JobState;
  startedAt: number;
  endedAt?: number;
  error?: JobError;
  /** Engine-specific id (the Flink job id), shown in the UI and logs. */
  externalId?: string;
  /** A link to the engine's own UI for this job, where there is one. */
  externalUrl?: string;
}

export interface CheckpointRecord {
  id: number;
  /** Epoch ms when it was triggered. */
  time: number;
  durationMs: number;
  sizeBytes: number;
  outcome: 'COMPLETED' | 'FAILED' | 'IN_PROGRESS';
  kind: 'checkpoint' | 'savepoint';
  /** Where it is stored (a path, or the Flink external pointer). */
  location?: string;
  failure?: string;
}

export interface StopResult {
  state: JobState;
  /** Set when stopped with a savepoint: pass it as `restoreFrom` to restart from it. */
  savepoint?: string;
}

export interface Job {
  readonly id: string;
  status(): JobStatus;
  stop(options?: { savepoint?: boolean }): Promise<StopResult>;
  /** One snapshot per second until the job ends; every consumer gets its own iterator. */
  metrics(): AsyncIterable<MetricsSnapshot>;
  checkpoints(): Promise<CheckpointRecord[]>;
  /** Settles when the job ends (finished, failed or cancelled), with its final status. */
  readonly done: Promise<JobStatus>;
}

export type EngineCompileResult<P> = { ok: true; plan: P; warnings: Problem[] } | { ok: false; problems: Problem[] };

export interface Engine<P = unknown> {
  readonly name: EngineName;
  /** The same table validation reports UNSUPPORTED_ON_ENGINE from (model's ENGINES). */
  readonly capabilities: EngineCapabilities;
  /** Validates and compiles a document for this engine; never throws on bad input. */
  compile(document: PipelineDocument | unknown, options: DeployOptions): EngineCompileResult<P>;
  deploy(plan: P, options: DeployOptions): Promise<Job>;
  close(): Promise<void>;
}
