// `runDatagen`: one generator into one topic, the engine of `weir datagen`.
import { z } from 'zod';
import { DatagenError } from './datagen-error';
import { getGenerator } from './generators';
import { produceLoop, type DatagenProgress } from './produce-loop';
import { openTopicProducer } from './topic-producer';

export const DEFAULT_SEED = 42;
export const DEFAULT_PARTITIONS = 3;

const wholeNumber = (what: string) => z.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`);

export const RunDatagenOptionsSchema = z.object({
  generator: z.string().min(1, 'generator is required'),
  topic: z.string().min(1, 'topic is required'),
  brokers: z.union([z.string(), z.array(z.string())]),
  /** Records per second; absent or 0: as fast as the broker takes them. */
  rate: z.number().finite('rate must be a finite number').nonnegative('rate must be ≥ 0').optional(),
  /** Records to write; absent: until the signal aborts. */
  count: wholeNumber('count').nonnegative('count must be ≥ 0').max(Number.MAX_SAFE_INTEGER).optional(),
  seed: wholeNumber('seed').nonnegative('seed must be ≥ 0').max(Number.MAX_SAFE_INTEGER).optional(),
  /** Partitions of the topic when it has to be created; an existing topic is reused as it is. */
  partitions: wholeNumber('partitions').min(1, 'partitions must be ≥ 1').max(10_000).optional(),
  /** Wall-clock event times instead of the fixed base time (values stay deterministic). */
  liveTime: z.boolean().optional(),
  /** Index of the first record; the default 0 makes runs repeat each other exactly. */
  startIndex: wholeNumber('startIndex').nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
  connectTimeoutMs: wholeNumber('connectTimeoutMs').positive().optional(),
  clientId: z.string().min(1).optional(),
});

export type RunDatagenOptions = z.infer<typeof RunDatagenOptionsSchema> & {
  signal?: AbortSignal;
  onProgress?: (progress: DatagenProgress) => void;
};

/** Parses the plain options, raising BAD_OPTION that names the option. */
export function parseRunDatagenOptions(input: unknown): z.infer<typeof RunDatagenOptionsSchema> {
  const result = RunDatagenOptionsSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const option = issue?.path.map(String).join('.') || undefined;
    throw new DatagenError('BAD_OPTION', `Option "${option ?? '?'}": ${issue?.message ?? 'invalid'}`, option);
  }
  return result.data;
}

/**
 * Writes `count` records (or until `signal` aborts) of a generator into `topic`, creating
 * the topic when it is missing. Resolves with the number of records the broker acknowledged.
 */
export async function runDatagen(options: RunDatagenOptions): Promise<{ produced: number; elapsedMs: number }> {
  const { signal, onProgress } = options;
  const opts = parseRunDatagenOptions({ ...options, signal: undefined, onProgress: undefined });
  const def = getGenerator(opts.generator);
  if (signal?.aborted) return { produced: 0, elapsedMs: 0 };
  const target = await openTopicProducer({
    brokers: opts.brokers,
    topics: [{ topic: opts.topic, partitions: opts.partitions ?? DEFAULT_PARTITIONS }],
    connectTimeoutMs: opts.connectTimeoutMs,
    clientId: opts.clientId,
  });
  try {
    const records = def.create(opts.seed ?? DEFAULT_SEED, {
      rate: opts.rate,
      liveTime: opts.liveTime,
      startIndex: opts.startIndex,
    });
    return await produceLoop({
      records,
      send: target.sendTo(opts.topic),
      rate: opts.rate,
      count: opts.count,
      signal,
      onProgress,
    });
  } finally {
    await target.close().catch(() => {});
  }
}
