// Service logs for demos: mostly INFO, some WARN and ERROR (payments fails most), with
// latencies log-normal around a per-level median. `ts` is ISO-8601.
import { Rng } from './prng';
import { demoEventTime, isoTime } from './event-time';
import { indexedStream, type GeneratorDefinition } from './types';

export const STREAM_LOGS = 12;

const SERVICES = ['api-gateway', 'auth', 'checkout', 'inventory', 'payments', 'search'];
const SERVICE_WEIGHTS = [30, 15, 15, 15, 10, 15];
const LEVELS = ['INFO', 'WARN', 'ERROR'] as const;
type Level = (typeof LEVELS)[number];
const LEVEL_WEIGHTS: Record<string, number[]> = { payments: [80, 11, 9] };
const DEFAULT_LEVEL_WEIGHTS = [88, 8, 4];
const MEDIAN_LATENCY: Record<Level, number> = { INFO: 40, WARN: 400, ERROR: 1500 };

const ROUTES = ['/api/products', '/api/cart', '/api/orders', '/api/login', '/api/search', '/api/stock'];
const PEERS = ['inventory', 'payments', 'auth', 'search', 'postgres', 'redis'];
const ERRORS = ['upstream timeout', 'connection reset by peer', 'payment declined: card_expired', 'deadlock detected', 'out of stock'];

function message(rng: Rng, level: Level, latency: number): string {
  switch (level) {
    case 'INFO':
      return `${rng.pick(['GET', 'GET', 'POST', 'PUT'])} ${rng.pick(ROUTES)} ${rng.pick([200, 200, 200, 201, 204])} in ${latency} ms`;
    case 'WARN':
      return rng.bool()
        ? `slow call to ${rng.pick(PEERS)}: ${latency} ms`
        : `retrying request to ${rng.pick(PEERS)} (attempt ${2 + rng.int(3)})`;
    case 'ERROR':
      return `${rng.pick(ROUTES)} failed: ${rng.pick(ERRORS)}`;
  }
}

export function logValue(seed: number, index: number, ts: number): Record<string, unknown> {
  const rng = Rng.forRecord(seed, STREAM_LOGS, index);
  const service = rng.weighted(SERVICES, SERVICE_WEIGHTS);
  const level = rng.weighted(LEVELS, LEVEL_WEIGHTS[service] ?? DEFAULT_LEVEL_WEIGHTS);
  const latency = Math.max(1, Math.round(MEDIAN_LATENCY[level] * Math.exp(0.7 * rng.normal())));
  return { ts: isoTime(ts), level, service, message: message(rng, level, latency), latency_ms: latency };
}

export const logs: GeneratorDefinition = {
  name: 'logs',
  description: 'Service logs {ts, level, service, message, latency_ms}; key service; ts ISO-8601',
  keyField: 'service',
  timeField: 'ts',
  timeFormat: 'iso-8601',
  schema: [
    { name: 'ts', type: 'timestamp' },
    { name: 'level', type: 'string' },
    { name: 'service', type: 'string' },
    { name: 'message', type: 'string' },
    { name: 'latency_ms', type: 'int' },
  ],
  create(seed, opts) {
    return indexedStream(
      (i, t) => {
        const value = logValue(seed, i, t);
        return { key: value.service as string, value, timestamp: t };
      },
      (i) => demoEventTime(i, opts?.rate),
      opts,
    );
  },
};
