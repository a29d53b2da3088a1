import type { LogEntry, logCreator } from './kafkajs';
import { logLevel } from './kafkajs';

export type KafkaLogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface KafkaLogRecord {
  level: KafkaLogLevel;
  /** kafkajs' component, e.g. `Connection`, `Consumer`, `Producer`. */
  namespace: string;
  message: string;
  timestamp: string;
  /** kafkajs' structured fields (broker, clientId, groupId, error, …), minus the stack. */
  extra: Record<string, unknown>;
  /** How many identical records were held back since this one was last passed on. */
  suppressed: number;
}

export type KafkaLogSink = (record: KafkaLogRecord) => void;

export interface QuietLoggerOptions {
  /** Where records go; defaults to one line each on stderr. */
  sink?: KafkaLogSink;
  /** Lowest level passed on; default `warn`. */
  level?: KafkaLogLevel;
  /** A record identical to one passed on less than this long ago is counted, not repeated. */
  repeatWindowMs?: number;
  now?: () => number;
}

const RANK: Record<KafkaLogLevel, number> = { error: 1, warn: 2, info: 4, debug: 5 };

// Said once per producer by kafkajs 2.x about a change made in 2.0; not actionable for Weir.
const NOISE = [/switched default partitioner/i];

// Kafka's retriable conditions that kafkajs retries by itself; they are routine while a
// broker starts, a group rebalances or back-to-back transactions settle (kafkajs #1068).
const TRANSIENT = [
  /coordinator is loading/i,
  /coordinator is not available/i,
  /not the correct coordinator/i,
  /another concurrent operation on the same transaction/i,
  /no leader for this topic-partition/i,
  /not the leader/i,
  /leadership election/i,
  /does not host this topic-partition/i,
  /group is rebalancing/i,
  /rebalance in progress/i,
];

/**
 * The level a kafkajs record deserves. kafkajs logs at ERROR every error response it
 * receives (namespace Connection, "Response …") although the caller gets the same error
 * thrown, and every retriable failure it then retries; those are lowered so that the
 * default `warn` shows only what needs attention.
 */
export function effectiveLevel(level: KafkaLogLevel, namespace: string, message: string, error?: unknown): KafkaLogLevel {
  if (level === 'info' || level === 'debug') return level;
  if (namespace === 'Connection' && message.startsWith('Response ')) return 'debug';
  const text = `${message} ${typeof error === 'string' ? error : ''}`;
  if (TRANSIENT.some((re) => re.test(text))) return 'info';
  if (/^Restarting the consumer in/.test(message)) return 'info';
  return level;
}

export function toKafkajsLogLevel(level: KafkaLogLevel): logLevel {
  switch (level) {
    case 'error': return logLevel.ERROR;
    case 'warn': return logLevel.WARN;
    case 'info': return logLevel.INFO;
    case 'debug': return logLevel.DEBUG;
  }
}

function fromKafkajsLevel(level: number): KafkaLogLevel {
  if (level <= logLevel.ERROR) return 'error';
  if (level <= logLevel.WARN) return 'warn';
  if (level <= logLevel.INFO) return 'info';
  return 'debug';
}

export function formatLogRecord(r: KafkaLogRecord): string {
  const extra = Object.entries(r.extra)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  const repeated = r.suppressed > 0 ? ` (repeated ${r.suppressed} more times)` : '';
  return `[kafkajs] ${r.level.toUpperCase()} ${r.namespace}: ${r.message}${extra ? ` ${extra}` : ''}${repeated}`;
}

export const stderrSink: KafkaLogSink = (r) => {
  process.stderr.write(`${formatLogRecord(r)}\n`);
};

/**
 * A kafkajs `logCreator` that passes on only `level` and above (after effectiveLevel), drops known noise and
 * folds bursts of the same record (a reconnect loop logs the same error every retry)
 * into one line with a count.
 */
export function createQuietLogCreator(options: QuietLoggerOptions = {}): logCreator {
  const sink = options.sink ?? stderrSink;
  const min = RANK[options.level ?? 'warn'];
  const windowMs = options.repeatWindowMs ?? 30_000;
  const now = options.now ?? Date.now;
  const lastSeen = new Map<string, { at: number; suppressed: number }>();

  return () => (entry: LogEntry) => {
    const { timestamp, message, stack: _stack, ...extra } = entry.log;
    const level = effectiveLevel(fromKafkajsLevel(entry.level), entry.namespace, message, extra.error);
    if (RANK[level] > min) return;
    if (NOISE.some((re) => re.test(message))) return;
    const key = `${level}\u0000${entry.namespace}\u0000${message}\u0000${String(extra.broker ?? '')}`;
    const t = now();
    const seen = lastSeen.get(key);
    if (seen && t - seen.at < windowMs) {
      seen.suppressed += 1;
      return;
    }
    lastSeen.set(key, { at: t, suppressed: 0 });
    if (lastSeen.size > 1000) lastSeen.delete(lastSeen.keys().next().value as string);
    sink({ level, namespace: entry.namespace, message, timestamp, extra, suppressed: seen?.suppressed ?? 0 });
  };
}
