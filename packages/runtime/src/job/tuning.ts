import { z } from 'zod';

/**
 * Knobs of a running job. The defaults suit one broker on a small machine; tests shrink
 * buffers to reach backpressure with little data. Crosses the worker boundary, hence zod.
 */
export const TuningSchema = z.object({
  /** Rows a Kafka sink (and the dead-letter writer) holds before it holds the job back. */
  kafkaSinkCapacity: z.number().int().positive().default(30_000),
  /**
   * kafkajs groups a send's messages per partition by copying an array per message
   * (quadratic in the messages per partition), so moderate batches with several in flight
   * beat big ones: ~1000 messages still make requests of a few hundred KB.
   */
  kafkaSinkBatchSize: z.number().int().positive().default(1_000),
  kafkaSinkMaxInFlight: z.number().int().positive().default(4),
  postgresSinkCapacity: z.number().int().positive().default(5_000),
  postgresSinkBatchSize: z.number().int().positive().default(1_000),
  /**
   * Consumer group session: after a crash the restarted job waits this long for the dead
   * instance to leave the group (kafkajs has no static membership), so shorter than
   * kafkajs's 30 s; batches are handled well within it and heartbeats continue under backpressure.
   */
  sessionTimeoutMs: z.number().int().positive().default(10_000),
  /** How often sources look for new partitions. */
  metadataMaxAgeMs: z.number().int().positive().default(5_000),
  maxBytesPerPartition: z.number().int().positive().default(1_048_576),
  maxBytes: z.number().int().positive().default(10_485_760),
  maxWaitTimeInMs: z.number().int().positive().default(100),
  metricsIntervalMs: z.number().int().positive().default(1_000),
  /** Watermark, idleness and processing-time tick. */
  tickIntervalMs: z.number().int().positive().default(200),
  /** Offsets are committed at this interval; absent: the plan's checkpoint interval. */
  commitIntervalMs: z.number().int().positive().optional(),
  /** Longest wait for a broker before the job fails with BROKER_UNREACHABLE. */
  connectTimeoutMs: z.number().int().positive().default(10_000),
  /** Longest wait for sinks to flush when stopping. */
  stopTimeoutMs: z.number().int().positive().default(30_000),
  /** Completed checkpoints kept on disk (the newest ones). */
  checkpointsRetained: z.number().int().positive().default(3),
  /**
   * Restart strategy (job-supervisor.ts): a job that fails on its environment (a broker
   * gone, a sink that cannot write, a commit whose outcome is unknown) is started again from
   * its last checkpoint, after a delay doubling from restartDelayMs up to restartMaxDelayMs;
   * it fails for good after restartAttempts restarts in a row that completed no checkpoint.
   */
  restartAttempts: z.number().int().nonnegative().default(5),
  restartDelayMs: z.number().int().positive().default(1_000),
  restartMaxDelayMs: z.number().int().positive().default(30_000),
  /** Partitions of a sink or dead-letter topic Weir creates. */
  createdTopicPartitions: z.number().int().positive().default(3),
});
export type Tuning = z.infer<typeof TuningSchema>;
export type TuningInput = z.input<typeof TuningSchema>;
