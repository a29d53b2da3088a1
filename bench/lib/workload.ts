import type { FlinkEngine } from '@weir/flink';

/** What every workload gets: a broker, the prepared input topic and its size. */
export interface BenchContext {
  brokers: string;
  /** The nexmark-bids topic written before timing starts. */
  inputTopic: string;
  records: number;
  partitions: number;
  /** Seconds of steady input per latency run. */
  latencySeconds: number;
  /** The Flink engine on the cluster started once for the run; null when no Flink workload was chosen. */
  flink: FlinkEngine | null;
  /** The Flink JVMs this run started (JobManager, TaskManager), for their CPU time; empty when reused or absent. */
  flinkPids: number[];
  /** A topic or group name unique to this run. */
  unique(prefix: string): string;
  log(message: string): void;
}

export interface RunResult {
  /** Records the run went through (input records for throughput, samples for latency). */
  records: number;
  ms: number;
  /** The figure's value when it is not records per second over `ms` (latency, memory). */
  value?: number;
  /** Further figures measured by the same run, e.g. peak memory beside throughput. */
  also?: Record<string, number>;
  /** Numbers worth keeping that are not figures (output records, start-up time, …). */
  notes?: Record<string, number>;
}

/** One benchmark figure: `run` is timed by the workload itself (setup excluded) and repeated. */
export interface Workload {
  /** The key under which the figure is recorded, e.g. rawPipeRecordsPerSecond. */
  figure: string;
  /** The unit of the figure; default records/s. */
  unit?: 'records/s' | 'ms' | 'MB';
  description: string;
  /** Needs the Flink cluster. */
  flink?: boolean;
  run(ctx: BenchContext): Promise<RunResult>;
}
