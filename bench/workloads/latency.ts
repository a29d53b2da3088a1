// Latency through the embedded stateless pipe (the q1-like map) at a steady input rate:
// bids stamped with the time they are sent, produced at 5 000 per second, read back from the
// output topic by a read_committed consumer; latency = time read − time sent. At-least-once
// writes as soon as a batch is acknowledged; exactly-once makes output visible when the
// transaction of its checkpoint commits, so its latency follows the checkpoint interval.
// The baseline, measured the same way in the same run: a plain kafkajs consume → produce loop.
// The load generator and clock run in their own process (latency-probe.ts); the pipe here.
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Job } from '@weir/compiler';
import { createEmbeddedEngine, type EmbeddedEngine } from '@weir/runtime';
import { createKafka } from '@weir/kafka';
import { documentName, pipeDocument } from '../lib/documents';
import { createTopic } from '../lib/topics';
import type { BenchContext, RunResult, Workload } from '../lib/workload';
import type { ProbeInput, ProbeResult } from './latency-probe';

export const LATENCY_RATE = 5_000;
/** Checkpoint interval of the exactly-once run: output becomes visible once per interval. */
export const EXACTLY_ONCE_CHECKPOINT = '100ms';
const ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const PROBE = join(ROOT, 'bench', 'workloads', 'latency-probe.ts');

type Mode = 'raw' | 'at-least-once' | 'exactly-once';

/** What carries the records from input to output: an embedded job, or the raw loop. */
interface Pipe {
  /** Settles (with a reason) only if the pipe ends by itself. */
  ended: Promise<string>;
  stop(): Promise<void>;
}

async function embeddedPipe(ctx: BenchContext, name: string, input: string, output: string, exactlyOnce: boolean): Promise<Pipe> {
  const settings = exactlyOnce ? { delivery: 'exactly-once', checkpointInterval: EXACTLY_ONCE_CHECKPOINT } : { delivery: 'at-least-once' };
  const engine: EmbeddedEngine = createEmbeddedEngine({ mode: 'worker' });
  const deploy = { jobId: name, kafkaClusters: { default: { brokers: ctx.brokers } }, dataDir: '/tmp/weir-bench' };
  const compiled = engine.compile(pipeDocument(name, input, output, false, settings), deploy);
  if (!compiled.ok) throw new Error(`latency pipeline does not compile: ${compiled.problems.map((p) => p.message).join('; ')}`);
  const job: Job = await engine.deploy(compiled.plan, deploy);
  return {
    ended: job.done.then((s) => `latency job ended ${s.state}: ${s.error?.message ?? ''}`),
    async stop() {
      await job.stop().catch(() => undefined);
      await engine.close();
    },
  };
}

/** The raw client's floor: consume → produce of the same bytes (idempotent producer, acks=all), no Weir code. */
async function rawPipe(ctx: BenchContext, name: string, input: string, output: string): Promise<Pipe> {
  const kafka = createKafka({ brokers: ctx.brokers, clientId: 'weir-bench-latency-raw', logLevel: 'error', logSink: () => {} });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  const consumer = kafka.consumer({ groupId: `${name}-raw`, maxWaitTimeInMs: 100, minBytes: 1 });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: [input], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset }) => {
      await producer.send({ topic: output, messages: batch.messages.map((m) => ({ key: m.key, value: m.value })), acks: -1 });
      const last = batch.messages[batch.messages.length - 1];
      if (last) resolveOffset(last.offset);
    },
  });
  return {
    ended: new Promise<string>(() => {}),
    async stop() {
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}

/** Runs the probe process against the pipe; fails early if the pipe ends by itself. */
function runProbe(input: ProbeInput, pipe: Pipe): Promise<ProbeResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', PROBE, JSON.stringify(input)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const result = new Promise<ProbeResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`latency probe exited ${code}: ${err.trim().slice(-2000)}`));
      else resolve(JSON.parse(line) as ProbeResult);
    });
  });
  const ended = pipe.ended.then((reason) => {
    child.kill();
    throw new Error(reason);
  });
  return Promise.race([result, ended]);
}

async function measure(ctx: BenchContext, mode: Mode): Promise<ProbeResult> {
  const name = documentName(ctx.unique(`bench-lat-${mode === 'exactly-once' ? 'eo' : mode === 'raw' ? 'raw' : 'alo'}`));
  const input = `${name}-in`;
  const output = `${name}-out`;
  await createTopic(ctx.brokers, input, ctx.partitions);
  await createTopic(ctx.brokers, output, ctx.partitions);
  const pipe = mode === 'raw' ? await rawPipe(ctx, name, input, output) : await embeddedPipe(ctx, name, input, output, mode === 'exactly-once');
  try {
    return await runProbe({ brokers: ctx.brokers, input, output, group: `${name}-reader`, rate: LATENCY_RATE, seconds: ctx.latencySeconds }, pipe);
  } finally {
    await pipe.stop();
  }
}

const FIGURES: Record<Mode, { p50: string; p99: string; text: string }> = {
  raw: { p50: 'rawP50LatencyMs', p99: 'rawP99LatencyMs', text: 'plain kafkajs consume → produce loop (the baseline)' },
  'at-least-once': { p50: 'p50LatencyMs', p99: 'p99LatencyMs', text: 'embedded stateless pipe, at-least-once' },
  'exactly-once': { p50: 'p50LatencyExactlyOnceMs', p99: 'p99LatencyExactlyOnceMs', text: `embedded stateless pipe, exactly-once with a checkpoint every ${EXACTLY_ONCE_CHECKPOINT}` },
};

function latencyWorkload(mode: Mode): Workload {
  const f = FIGURES[mode];
  return {
    figure: f.p99,
    unit: 'ms',
    description: `${f.text}, at ${LATENCY_RATE} records/s: 99th percentile of (read from the output by a read_committed consumer − sent); ${f.p50} the median`,
    async run(ctx: BenchContext): Promise<RunResult> {
      const load = loadavg()[0] ?? 0;
      const r = await measure(ctx, mode);
      ctx.log(`latency ${mode}: ${r.records} records, p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms (load ${load.toFixed(1)})`);
      return { records: r.records, ms: r.ms, value: r.p99, also: { [f.p50]: r.p50 }, notes: { maxMs: r.max, loadAverage: Math.round(load * 10) / 10 } };
    },
  };
}

export const latencyWorkloads: Workload[] = [latencyWorkload('raw'), latencyWorkload('at-least-once'), latencyWorkload('exactly-once')];
