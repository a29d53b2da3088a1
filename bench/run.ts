// `npm run bench`: starts a broker (and, for the Flink figures, a Flink cluster, once), writes
// the input once, then runs each workload `--runs` times (interleaved, so drifting machine
// load hits them alike) and records the medians, the goals and their ratios in
// bench/results/latest.json and a dated copy. One workload per file in ./workloads.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runDatagen } from '@weir/cli/datagen/index';
import { createFlinkEngine, type FlinkEngine } from '@weir/flink';
import { createKafka, waitForBroker } from '@weir/kafka';
import { FLINK_VERSION, KAFKA_VERSION, startFlink, startKafka, type FlinkHandle, type KafkaHandle } from '@weir/stack';
import { evaluateGoals, markdownTable, missingFigures, tableRows } from './lib/goals';
import { machineInfo } from './lib/machine';
import { median, rate } from './lib/stats';
import { createTopic } from './lib/topics';
import type { BenchContext, Workload } from './lib/workload';
import { embeddedPipe } from './workloads/embedded-pipe';
import { EXACTLY_ONCE_CHECKPOINT, LATENCY_RATE, latencyWorkloads } from './workloads/latency';
import { rawPipe } from './workloads/raw-pipe';
import { windowWorkloads } from './workloads/windows';
import { searchWorkloads } from './search';

const WORKLOADS: Workload[] = [rawPipe, embeddedPipe, ...windowWorkloads, ...latencyWorkloads, ...searchWorkloads];
const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const BENCH_DIR = join(ROOT, '.weir-bench');
/** Ports of the broker and cluster this benchmark starts (clear of the test and dev stacks). */
const KAFKA_PORT = 49092;
const FLINK_PORTS = { restPort: 48081, gatewayPort: 48083, rpcPort: 48123 };

function log(message: string): void {
  process.stderr.write(`[bench] ${new Date().toISOString().slice(11, 19)} ${message}\n`);
}

async function provideKafka(): Promise<{ brokers: string; handle: KafkaHandle | null }> {
  const given = process.env.KAFKA_BROKERS;
  if (given) {
    await waitForBroker(given, { timeoutMs: 30_000 });
    return { brokers: given, handle: null };
  }
  const handle = await startKafka({ dataDir: join(BENCH_DIR, 'kafka'), port: KAFKA_PORT, fresh: true, timeoutMs: 150_000, onProgress: log });
  return { brokers: handle.brokers, handle };
}

/**
 * Joins and leaves one consumer group before timing: a freshly started broker loads its
 * group coordinators for a few seconds, which would otherwise land in the first run.
 */
async function warmUp(brokers: string, topic: string): Promise<void> {
  const consumer = createKafka({ brokers, logLevel: 'error', logSink: () => {} }).consumer({ groupId: `bench-warmup-${Date.now()}` });
  await consumer.connect();
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.subscribe({ topics: [topic] });
  await consumer.run({ eachBatch: async () => {} });
  await joined;
  await consumer.disconnect();
}

/**
 * One small Flink job before timing: a cluster's first job loads and compiles the planner's
 * and the connector's classes, seconds that no later job pays (the embedded jobs start in a
 * fresh process every run and pay their own start each time).
 */
async function warmUpFlink(ctx: BenchContext, stamp: string): Promise<void> {
  const topic = `bench-warmup-bids-${stamp}`;
  const records = 1_000;
  await createTopic(ctx.brokers, topic, ctx.partitions, { 'retention.ms': -1 });
  await runDatagen({ generator: 'nexmark-bids', topic, brokers: ctx.brokers, count: records, partitions: ctx.partitions, seed: 42 });
  const flinkWindow = windowWorkloads.find((w) => w.figure === 'flinkWindowRecordsPerSecond')!;
  const r = await flinkWindow.run({ ...ctx, inputTopic: topic, records });
  log(`flink warm-up job: ${r.ms} ms`);
}

function weirVersion(): string {
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  try {
    return `${version} (${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()})`;
  } catch {
    return version;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      records: { type: 'string' },
      runs: { type: 'string' },
      partitions: { type: 'string', default: '3' },
      /** Comma-separated prefixes of the figures to run. */
      only: { type: 'string' },
      /** Reuse a nexmark-bids topic written by an earlier run (its record count must match --records). */
      input: { type: 'string' },
      'latency-seconds': { type: 'string' },
      /** Tiny counts, one run, every figure checked present; results go to .weir-bench/, not bench/results/ (as with --only). */
      smoke: { type: 'boolean', default: false },
    },
  });
  const smoke = values.smoke === true;
  const records = Number(values.records ?? (smoke ? 3_000 : 500_000));
  const runs = Number(values.runs ?? (smoke ? 1 : 3));
  const partitions = Number(values.partitions);
  const latencySeconds = Number(values['latency-seconds'] ?? (smoke ? 2 : 10));
  const prefixes = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  const workloads = WORKLOADS.filter((w) => prefixes === undefined || prefixes.some((p) => w.figure.startsWith(p)));
  const machine = machineInfo();
  const started = Date.now();
  const { brokers, handle } = await provideKafka();
  let flinkHandle: FlinkHandle | null = null;
  let flink: FlinkEngine | null = null;
  let flinkStart: Promise<FlinkHandle> | null = null;
  const stamp = Date.now().toString(36);
  let n = 0;
  const ctx: BenchContext = {
    brokers, records, partitions, latencySeconds, flink: null, flinkPids: [], inputTopic: values.input ?? `bench-bids-${stamp}`,
    unique: (prefix) => `${prefix}-${stamp}-${n++}`,
    log,
  };
  try {
    // Flink's three JVMs start while the input is written: neither is timed.
    flinkStart = workloads.some((w) => w.flink)
      ? startFlink({ dataDir: join(BENCH_DIR, 'flink'), ...FLINK_PORTS, timeoutMs: 300_000, onProgress: (m) => log(`flink: ${m}`) })
      : null;
    flinkStart?.catch(() => {});
    if (values.input === undefined) {
      log(`writing ${records} nexmark bids (seed 42) into ${ctx.inputTopic} (${partitions} partitions)`);
      // Nexmark event times, also the records' Kafka timestamps, lie in 2015: without this the
      // broker's time-based retention would delete the input in the middle of the runs.
      await createTopic(brokers, ctx.inputTopic, partitions, { 'retention.ms': -1 });
      const written = await runDatagen({ generator: 'nexmark-bids', topic: ctx.inputTopic, brokers, count: records, partitions, seed: 42 });
      log(`written in ${(written.elapsedMs / 1000).toFixed(1)} s`);
    }
    if (flinkStart !== null) {
      flinkHandle = await flinkStart;
      log(`flink ${flinkHandle.version} at ${flinkHandle.restUrl}${flinkHandle.reused ? ' (reused)' : ` (started in ${((flinkHandle.startupMs ?? 0) / 1000).toFixed(1)} s)`}`);
      flink = createFlinkEngine({ dataDir: BENCH_DIR, restUrl: flinkHandle.restUrl, gatewayUrl: flinkHandle.gatewayUrl });
      ctx.flink = flink;
      ctx.flinkPids = [flinkHandle.pids.jobmanager, flinkHandle.pids.taskmanager].filter((p): p is number => p !== undefined);
    }
    await warmUp(brokers, ctx.inputTopic);
    if (flink !== null) await warmUpFlink(ctx, stamp);
    const timingStarted = Date.now();
    const samples = new Map<string, number[]>();
    const push = (figure: string, value: number) => samples.set(figure, [...(samples.get(figure) ?? []), value]);
    const notes = new Map<string, number[]>();
    // CPU of this process per 1000 records (not of a child process or of Flink): steadier than wall time on a shared machine.
    const cpu = new Map<string, number[]>();
    for (let i = 0; i < runs; i++) {
      for (const w of workloads) {
        const before = process.cpuUsage();
        const r = await w.run(ctx);
        const used = process.cpuUsage(before);
        const value = r.value ?? rate(r.records, r.ms);
        push(w.figure, value);
        for (const [k, v] of Object.entries(r.also ?? {})) push(k, v);
        for (const [k, v] of Object.entries(r.notes ?? {})) notes.set(`${w.figure}.${k}`, [...(notes.get(`${w.figure}.${k}`) ?? []), v]);
        const cpuPer1k = Math.round(((used.user + used.system) / r.records) * 100) / 100;
        cpu.set(w.figure, [...(cpu.get(w.figure) ?? []), cpuPer1k]);
        log(`run ${i + 1}/${runs} ${w.figure}: ${value} ${w.unit ?? 'records/s'} (${r.records} records in ${r.ms} ms)${r.also ? ` ${JSON.stringify(r.also)}` : ''}`);
      }
    }
    const figures = Object.fromEntries([...samples].map(([k, v]) => [k, median(v)]));
    const units = Object.fromEntries(Object.keys(figures).map((f) => [f, f.endsWith('Ms') ? 'ms' : f.endsWith('Mb') ? 'MB' : 'records/s']));
    const rows = tableRows(figures, units);
    const missing = prefixes === undefined ? missingFigures(figures) : [];
    const result = {
      date: new Date().toISOString(),
      command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
      machine,
      versions: { weir: weirVersion(), node: process.version, kafka: KAFKA_VERSION, kafkajs: machine.kafkajs, flink: flinkHandle?.version ?? FLINK_VERSION },
      records: {
        input: records, partitions, runs,
        latencyRecordsPerSecond: LATENCY_RATE, latencySecondsPerRun: latencySeconds, exactlyOnceCheckpointInterval: EXACTLY_ONCE_CHECKPOINT,
      },
      figures,
      goals: evaluateGoals(figures),
      samples: Object.fromEntries(samples),
      notes: Object.fromEntries([...notes].map(([k, v]) => [k, median(v)])),
      cpuMsPer1000Records: Object.fromEntries([...cpu].map(([k, v]) => [k, median(v)])),
      workloads: Object.fromEntries(workloads.map((w) => [w.figure, w.description])),
      embeddedWindowPeakRssMb: 'peak resident set size of a process that runs only the embedded sliding-window job (in a worker thread), sampled every 20 ms, including Node and the runtime (notes: baseRssMb before the deploy)',
      minutes: { total: Math.round((Date.now() - started) / 600) / 100, timed: Math.round((Date.now() - timingStarted) / 600) / 100 },
    };
    const text = `${JSON.stringify(result, null, 2)}\n`;
    if (smoke || prefixes !== undefined) {
      // A smoke or a partial run is no result of the suite: it stays out of bench/results.
      mkdirSync(BENCH_DIR, { recursive: true });
      writeFileSync(join(BENCH_DIR, smoke ? 'smoke.json' : 'partial.json'), text);
      log(`results in ${join(BENCH_DIR, smoke ? 'smoke.json' : 'partial.json')}`);
    } else {
      const dir = join(ROOT, 'bench', 'results');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'latest.json'), text);
      writeFileSync(join(dir, `${result.date.slice(0, 19).replace(/:/g, '-')}.json`), text);
    }
    process.stdout.write([
      `Weir benchmark — ${records} nexmark bids, median of ${runs} runs, ${machine.cores} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, ` +
        `node ${process.version}, Kafka ${KAFKA_VERSION}, Flink ${result.versions.flink}, load ${machine.loadAverage} at start, ${result.minutes.total} min`,
      '',
      markdownTable(rows),
      '',
    ].join('\n'));
    if (missing.length > 0) throw new Error(`figures missing from the results: ${missing.join(', ')}`);
  } finally {
    // A Flink still starting when something failed is stopped too.
    flinkHandle ??= (await flinkStart?.catch(() => null)) ?? null;
    await flink?.close().catch(() => {});
    await flinkHandle?.stop().catch((err: unknown) => log(`stopping Flink: ${String(err)}`));
    await handle?.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`[bench] failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  },
);
