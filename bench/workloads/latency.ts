// Latency through the embedded stateless pipe (the q1-like map) at a steady input rate:
// bids stamped with the time they are sent, produced at 5 000 per second, read back from the
// output topic by a read_committed consumer; latency = time read − time sent. At-least-once
// writes as soon as a batch is acknowledged; exactly-once makes output visible when the
// transaction of its checkpoint commits, so its latency follows the checkpoint interval.
import { createEmbeddedEngine } from '@weir/runtime';
import { createKafka, Partitioners } from '@weir/kafka';
import { documentName, pipeDocument } from '../lib/documents';
import { percentile } from '../lib/stats';
import { createTopic } from '../lib/topics';
import type { BenchContext, RunResult, Workload } from '../lib/workload';

export const LATENCY_RATE = 5_000;
/** Checkpoint interval of the exactly-once run: output becomes visible once per interval. */
export const EXACTLY_ONCE_CHECKPOINT = '100ms';
const WARM_UP_MS = 2_000;
const TICK_MS = 5;
const DATE_TIME = /"dateTime":"([^"]+)"/;

function bid(i: number, now: number): string {
  return JSON.stringify({
    auction: 1000 + (i % 100), bidder: 2000 + (i % 997), price: 100 + (i % 5000), channel: 'Google',
    url: 'https://www.nexmark.com/item.htm?query=1', dateTime: now, extra: 'bench',
  });
}

async function measure(ctx: BenchContext, exactlyOnce: boolean): Promise<{ samples: number[]; ms: number }> {
  const name = documentName(ctx.unique(exactlyOnce ? 'bench-lat-eo' : 'bench-lat-alo'));
  const input = `${name}-in`;
  const output = `${name}-out`;
  await createTopic(ctx.brokers, input, ctx.partitions);
  await createTopic(ctx.brokers, output, ctx.partitions);
  const settings = exactlyOnce ? { delivery: 'exactly-once', checkpointInterval: EXACTLY_ONCE_CHECKPOINT } : { delivery: 'at-least-once' };
  const engine = createEmbeddedEngine({ mode: 'worker' });
  const deploy = { jobId: name, kafkaClusters: { default: { brokers: ctx.brokers } }, dataDir: '/tmp/weir-bench' };
  const compiled = engine.compile(pipeDocument(name, input, output, false, settings), deploy);
  if (!compiled.ok) throw new Error(`latency pipeline does not compile: ${compiled.problems.map((p) => p.message).join('; ')}`);
  const kafka = createKafka({ brokers: ctx.brokers, clientId: 'weir-bench-latency', logLevel: 'error', logSink: () => {} });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  const consumer = kafka.consumer({ groupId: `${name}-reader`, maxWaitTimeInMs: 100, minBytes: 1 });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: [output], fromBeginning: true });
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
        const sent = Date.parse(DATE_TIME.exec(m.value?.toString('utf8') ?? '')?.[1] ?? '');
        if (sent >= from && sent < until) samples.push(now - sent);
      }
      firstSeen();
      if (samples.length >= expected && expected > 0) allIn?.();
    },
  });
  const job = await engine.deploy(compiled.plan, deploy);
  let sent = 0;
  let sending = true;
  const started = Date.now();
  const pending = new Set<Promise<unknown>>();
  const loop = (async () => {
    while (sending) {
      const now = Date.now();
      const due = Math.floor(((now - started) * LATENCY_RATE) / 1000) - sent;
      if (due > 0) {
        const messages = Array.from({ length: due }, (_, k) => ({ value: bid(sent + k, now) }));
        if (now >= from && now < until) expected += due;
        sent += due;
        const p = producer.send({ topic: input, messages, acks: -1 }).finally(() => pending.delete(p));
        pending.add(p);
      }
      if (now >= until) break;
      await new Promise((resolve) => setTimeout(resolve, TICK_MS));
    }
  })();
  const measuring = (async () => {
    await seen;
    from = Date.now() + WARM_UP_MS;
    until = from + ctx.latencySeconds * 1000;
  })();
  try {
    await Promise.race([measuring, job.done.then((s) => { throw new Error(`latency job ended ${s.state} before the measurement: ${s.error?.message ?? ''}`); })]);
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
    return { samples, ms: until - from };
  } finally {
    sending = false;
    await job.stop().catch(() => undefined);
    await engine.close();
    await consumer.disconnect();
    await producer.disconnect();
  }
}

function latencyWorkload(exactlyOnce: boolean): Workload {
  const p99 = exactlyOnce ? 'p99LatencyExactlyOnceMs' : 'p99LatencyMs';
  return {
    figure: p99,
    unit: 'ms',
    description: `embedded stateless pipe (${exactlyOnce ? `exactly-once, checkpoint every ${EXACTLY_ONCE_CHECKPOINT}` : 'at-least-once'}) at ${LATENCY_RATE} records/s: ` +
      '99th percentile of (read from the output by a read_committed consumer − sent)',
    async run(ctx: BenchContext): Promise<RunResult> {
      const { samples, ms } = await measure(ctx, exactlyOnce);
      const p50 = percentile(samples, 50);
      const value = percentile(samples, 99);
      ctx.log(`latency ${exactlyOnce ? 'exactly-once' : 'at-least-once'}: ${samples.length} records, p50 ${p50} ms, p99 ${value} ms, max ${percentile(samples, 100)} ms`);
      return {
        records: samples.length, ms, value,
        ...(exactlyOnce ? { notes: { p50LatencyExactlyOnceMs: p50 } } : { also: { p50LatencyMs: p50 } }),
      };
    },
  };
}

export const latencyWorkloads: Workload[] = [latencyWorkload(false), latencyWorkload(true)];
