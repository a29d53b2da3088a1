/** What every workload gets: a broker, the prepared input topic and its size. */
export interface BenchContext {
  brokers: string;
  /** The nexmark-bids topic written before timing starts. */
  inputTopic: string;
  records: number;
  partitions: number;
  /** A topic or group name unique to this run. */
  unique(prefix: string): string;
  log(message: string): void;
}

export interface RunResult {
  records: number;
  ms: number;
}

/** One benchmark figure: `run` is timed by the workload itself (setup excluded) and repeated. */
export interface Workload {
  /** The key under which the figure is recorded, e.g. rawPipeRecordsPerSecond. */
  figure: string;
  description: string;
  run(ctx: BenchContext): Promise<RunResult>;
}
