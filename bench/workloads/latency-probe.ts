// The load generator and the clock of the latency workloads, in a process of its own so that
// it never competes with the pipe under test for an event loop: produces timestamped bids at
// a steady rate into the input topic, reads the output topic with a read_committed consumer,
// and prints one JSON line with the latencies (time read − time sent) of the records sent
// during the measured window (after the first record came through and a warm-up).
// argv[2]: JSON { brokers, input, output, group, rate, seconds }.
import { createKafka, Partitioners } from '@weir/kafka';
import { percentile } from '../lib/stats';

export interface ProbeInput {
  brokers: string;
  input: string;
  output: string;
  group: string;
  rate: number;
  seconds: number;
}

export interface ProbeResult {
  records: number;
  ms: number;
  p50: number;
  p99: number;
  max: number;
}

const WARM_UP_MS = 2_000;
const TICK_MS = 5;
/** The send time as written: epoch milliseconds in the input (the raw loop copies it), ISO-8601 in the engine's output. */
const DATE_TIME = /"dateTime":("[^"]+"|\d+)/;

function sentTime(value: Buffer | null): number {
  const text = DATE_TIME.exec(value?.toString('utf8') ?? '')?.[1];
  if (text === undefined) return Number.NaN;
  return text.startsWith('"') ? Date.parse(text.slice(1, -1)) : Number(text);
}

function bid(i: number, now: number): string {
  return JSON.stringify({
    auction: 1000 + (i % 100), bidder: 2000 + (i % 997), price: 100 + (i % 5000), channel: 'Google',
    url: 'https://www.nexmark.com/item.htm?query=1', dateTime: now, extra: 'bench',
  });
}

async function probe(o: ProbeInput): Promise<ProbeResult> {
  const kafka = createKafka({ brokers: o.brokers, clientId: 'weir-bench-latency-probe', logLevel: 'error', logSink: () => {} });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  const consumer = kafka.consumer({ groupId: o.group, maxWaitTimeInMs: 100, minBytes: 1 });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: [o.output], fromBeginning: true });
  // Measured: records sent from `from` (set once the first record came through, plus a warm-up) until `until`.
  let from = Infinity;
  let until = Infinity;
  let expected = 0;
  const samples: number[] = [];
  let firstSeen!: () => void;
  const seen = new Promise<void>((resolve) => (firstSeen = resolve));
  let allIn: (() => void) | null = null;
  await consumer.run({
    autoCommit: false,
    eachBatch: async ({ batch }) => {
      const now = Date.now();
      for (const m of batch.messages) {
        const sent = sentTime(m.value);
        if (sent >= from && sent < until) samples.push(now - sent);
      }
      firstSeen();
      if (samples.length >= expected && expected > 0) allIn?.();
    },
  });
  let sent = 0;
  let sending = true;
  const started = Date.now();
  const pending = new Set<Promise<unknown>>();
  const loop = (async () => {
    while (sending) {
      const now = Date.now();
      const due = Math.floor(((now - started) * o.rate) / 1000) - sent;
      if (due > 0) {
        const messages = Array.from({ length: due }, (_, k) => ({ value: bid(sent + k, now) }));
        if (now >= from && now < until) expected += due;
        sent += due;
        const p = producer.send({ topic: o.input, messages, acks: -1 }).finally(() => pending.delete(p));
        pending.add(p);
      }
      if (now >= until) break;
      await new Promise((resolve) => setTimeout(resolve, TICK_MS));
    }
  })();
  const measuring = (async () => {
    await seen;
    from = Date.now() + WARM_UP_MS;
    until = from + o.seconds * 1000;
  })();
  try {
    await measuring;
    await loop;
    await Promise.all(pending);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => {
        allIn = resolve;
        if (samples.length >= expected) resolve();
      }),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, 30_000))),
    ]);
    clearTimeout(timer);
    if (samples.length < expected) throw new Error(`latency: ${samples.length} of ${expected} measured records came through`);
    return { records: samples.length, ms: until - from, p50: percentile(samples, 50), p99: percentile(samples, 99), max: percentile(samples, 100) };
  } finally {
    sending = false;
    await consumer.disconnect();
    await producer.disconnect();
  }
}


probe(JSON.parse(process.argv[2] ?? '{}') as ProbeInput).then(
  (r) => {
    process.stdout.write(`${JSON.stringify(r)}\n`);
    process.exit(0);
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  },
);
