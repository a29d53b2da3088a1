// The demo data `weir up` streams: orders, clicks and logs at modest rates with wall-clock
// event times, so the designer's templates have live input the moment Weir starts.
import type { Field } from '@weir/model/field';
import { clicks } from './clicks';
import { DEMO_BASE_TIME } from './event-time';
import { logs } from './logs';
import { orders } from './orders';
import { produceLoop } from './produce-loop';
import { DEFAULT_SEED } from './run-datagen';
import { openTopicProducer } from './topic-producer';
import type { GeneratorDefinition } from './types';

export const DEMO_TOPICS = ['orders', 'clicks', 'logs'] as const;
export type DemoTopic = (typeof DEMO_TOPICS)[number];

export const DEMO_PARTITIONS = 3;

/** Records per second of each demo topic. */
export const DEMO_RATES: Readonly<Record<DemoTopic, number>> = { orders: 20, clicks: 50, logs: 30 };

const DEMO_GENERATORS: Readonly<Record<DemoTopic, GeneratorDefinition>> = { orders, clicks, logs };

/** Field lists of the demo topics (each has its event time in `ts`), for templates. */
export const DEMO_SCHEMAS: Readonly<Record<DemoTopic, readonly Field[]>> = {
  orders: orders.schema,
  clicks: clicks.schema,
  logs: logs.schema,
};

export interface StartDemoDataOptions {
  brokers: string | readonly string[];
  /** Streaming stops when this aborts. */
  signal: AbortSignal;
  rates?: Partial<Record<DemoTopic, number>>;
  /** Topic names to write instead of `orders`, `clicks` and `logs` (tests use unique ones). */
  topics?: Partial<Record<DemoTopic, string>>;
  seed?: number;
  connectTimeoutMs?: number;
}

export interface DemoData {
  /** The topics written, in the order of DEMO_TOPICS. */
  topics: readonly string[];
  /** Settles once streaming has stopped: after the signal aborts, or when producing fails. */
  done: Promise<{ produced: Record<DemoTopic, number> }>;
}

/**
 * Creates the demo topics (3 partitions; existing ones are reused) and starts streaming.
 * Resolves once the topics exist and the producer is connected; rejects with
 * BROKER_UNREACHABLE when no broker answers.
 */
export async function startDemoData(opts: StartDemoDataOptions): Promise<DemoData> {
  const topics = Object.fromEntries(DEMO_TOPICS.map((t) => [t, opts.topics?.[t] ?? t])) as Record<DemoTopic, string>;
  const target = await openTopicProducer({
    brokers: opts.brokers,
    topics: DEMO_TOPICS.map((t) => ({ topic: topics[t], partitions: DEMO_PARTITIONS })),
    connectTimeoutMs: opts.connectTimeoutMs,
    clientId: 'weir-demo-data',
  });
  // One failing stream stops the others, so `done` reports the failure promptly.
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  opts.signal.addEventListener('abort', onAbort, { once: true });
  if (opts.signal.aborted) stop.abort();

  const startedAt = Date.now();
  const streams = DEMO_TOPICS.map(async (stream) => {
    const rate = opts.rates?.[stream] ?? DEMO_RATES[stream];
    // Continue the index from where a stream started at the base time would be, so that
    // ids keep growing across restarts of `weir up` instead of repeating.
    const startIndex = Math.max(0, Math.floor(((startedAt - DEMO_BASE_TIME) / 1000) * rate));
    const records = DEMO_GENERATORS[stream].create(opts.seed ?? DEFAULT_SEED, { rate, liveTime: true, startIndex });
    try {
      const { produced } = await produceLoop({ records, send: target.sendTo(topics[stream]), rate, signal: stop.signal });
      return [stream, produced] as const;
    } catch (err) {
      stop.abort();
      throw err;
    }
  });

  const done = Promise.all(streams)
    .then((results) => ({ produced: Object.fromEntries(results) as Record<DemoTopic, number> }))
    .finally(async () => {
      opts.signal.removeEventListener('abort', onAbort);
      await target.close().catch(() => {});
    });
  return { topics: DEMO_TOPICS.map((t) => topics[t]), done };
}
