// `weir datagen GENERATOR --topic T …`: fill a topic with demo or benchmark data.
import { parseArgs } from 'node:util';
import { isKafkaClientError, parseBrokers } from '@weir/kafka';
import {
  DEFAULT_PARTITIONS, DEFAULT_SEED, GENERATORS, GENERATOR_NAMES, isDatagenError, runDatagen, type DatagenProgress,
} from '../datagen/index';

export const summary = 'Fill a Kafka topic with demo or benchmark data (Nexmark, orders, clicks, logs)';

const DEFAULT_BROKERS = '127.0.0.1:9092';

function usage(): string {
  const width = Math.max(...GENERATOR_NAMES.map((n) => n.length));
  return [
    'Usage: weir datagen GENERATOR --topic T [--rate N] [--count N] [--seed N]',
    '                   [--brokers HOST:PORT[,HOST:PORT…]] [--partitions N] [--live-time]',
    '',
    'Generators:',
    ...GENERATOR_NAMES.map((n) => `  ${n.padEnd(width)}  ${GENERATORS[n]?.description ?? ''}`),
    '',
    'Options:',
    '  --topic T         topic to write (created when missing, reused as it is when present)',
    '  --rate N          records per second; 0 or absent: as fast as the broker takes them',
    '  --count N         records to write; absent: until Ctrl-C',
    `  --seed N          seed of the generator (default ${DEFAULT_SEED}); same seed and count, same records`,
    `  --brokers LIST    bootstrap brokers (default $KAFKA_BROKERS, else ${DEFAULT_BROKERS})`,
    `  --partitions N    partitions of a topic that has to be created (default ${DEFAULT_PARTITIONS})`,
    '  --live-time       stamp records with the wall clock instead of event times derived from',
    '                    the record index and the rate (Nexmark from 2015-07-15, others from',
    '                    2026-01-01 UTC); values stay deterministic, times do not',
  ].join('\n');
}

class UsageError extends Error {}

const NUMBER = /^\+?(\d+(\.\d*)?|\.\d+)(e\+?\d+)?$/i;

/** A non-negative number from a flag; `whole` numbers also accept 1e6 for benchmarks. */
export function parseNumberFlag(flag: string, text: string | undefined, opts: { whole: boolean; min: number }): number | undefined {
  if (text === undefined) return undefined;
  const value = NUMBER.test(text.trim()) ? Number(text.trim()) : NaN;
  const kind = opts.whole ? 'a whole number' : 'a number';
  if (!Number.isFinite(value) || (opts.whole && !Number.isSafeInteger(value)) || value < opts.min) {
    throw new UsageError(`--${flag} must be ${kind} ≥ ${opts.min}, got "${text}"`);
  }
  return value;
}

function formatRate(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function writeErr(line: string): void {
  process.stderr.write(`${line}\n`);
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        topic: { type: 'string', short: 't' },
        rate: { type: 'string' },
        count: { type: 'string' },
        seed: { type: 'string' },
        brokers: { type: 'string' },
        partitions: { type: 'string' },
        'live-time': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    writeErr(`weir datagen: ${err instanceof Error ? err.message : String(err)}`);
    writeErr('Run `weir datagen --help` for the options.');
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(usage() + '\n');
    return 0;
  }

  let options;
  try {
    const [generator, ...extra] = positionals;
    if (!generator) throw new UsageError(`missing GENERATOR. Generators: ${GENERATOR_NAMES.join(', ')}`);
    if (!Object.hasOwn(GENERATORS, generator)) {
      throw new UsageError(`unknown generator "${generator}". Generators: ${GENERATOR_NAMES.join(', ')}`);
    }
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    if (!values.topic) throw new UsageError('--topic is required');
    const fromEnv = values.brokers === undefined && !!process.env.KAFKA_BROKERS;
    const brokerText = values.brokers ?? (process.env.KAFKA_BROKERS || DEFAULT_BROKERS);
    let brokers: string[];
    try {
      brokers = parseBrokers(brokerText);
    } catch (err) {
      throw new UsageError(`${fromEnv ? 'KAFKA_BROKERS' : '--brokers'}: ${err instanceof Error ? err.message : String(err)}`);
    }
    options = {
      generator,
      topic: values.topic,
      brokers,
      rate: parseNumberFlag('rate', values.rate, { whole: false, min: 0 }),
      count: parseNumberFlag('count', values.count, { whole: true, min: 0 }),
      seed: parseNumberFlag('seed', values.seed, { whole: true, min: 0 }),
      partitions: parseNumberFlag('partitions', values.partitions, { whole: true, min: 1 }),
      liveTime: values['live-time'] ?? false,
    };
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    writeErr(`weir datagen: ${err.message}`);
    return 2;
  }

  // Ctrl-C stops producing, waits for the sends in flight and prints the total; a second
  // Ctrl-C falls through to Node's default and ends the process at once.
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const what = `topic "${options.topic}"`;
  const onProgress = (p: DatagenProgress) => {
    if (p.done) return;
    writeErr(`datagen: ${p.produced.toLocaleString('en-US')} records to ${what} (${formatRate(p.recordsPerSecond)} records/s)`);
  };
  try {
    const { produced, elapsedMs } = await runDatagen({ ...options, signal: abort.signal, onProgress });
    const seconds = elapsedMs / 1000;
    const avg = elapsedMs > 0 ? (produced * 1000) / elapsedMs : 0;
    writeErr(
      `datagen: wrote ${produced.toLocaleString('en-US')} ${options.generator} records to ${what} ` +
        `in ${seconds.toFixed(1)} s (${formatRate(avg)} records/s)`,
    );
    return 0;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (isKafkaClientError(err, 'BROKER_UNREACHABLE')) {
      // Its message names the brokers and the last connection error.
      writeErr(`weir datagen: ${message}`);
      return 1;
    }
    if (isDatagenError(err, 'BAD_OPTION') || isDatagenError(err, 'UNKNOWN_GENERATOR')) {
      writeErr(`weir datagen: ${message}`);
      return 2;
    }
    writeErr(`weir datagen: ${message}`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
