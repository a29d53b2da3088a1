// `npm run bench`: writes the input once, then runs each workload `--runs` times
// (interleaved, so drifting machine load hits them alike) and records the medians in
// bench/results/latest.json and a dated copy. One workload per file in ./workloads.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runDatagen } from '@weir/cli/datagen/index';
import { createKafka, ensureTopics, waitForBroker } from '@weir/kafka';
import { startKafka, type KafkaHandle } from '@weir/stack';
import { machineInfo } from './lib/machine';
import { median, rate } from './lib/stats';
import type { BenchContext, Workload } from './lib/workload';
import { embeddedPipe } from './workloads/embedded-pipe';
import { rawPipe } from './workloads/raw-pipe';
import { searchWorkloads } from './search';
import { socketFanoutWorkload } from './socket-fanout';

const WORKLOADS: Workload[] = [rawPipe, embeddedPipe, ...searchWorkloads, socketFanoutWorkload];
const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function provideKafka(): Promise<{ brokers: string; handle: KafkaHandle | null }> {
  const given = process.env.KAFKA_BROKERS;
  if (given) {
    await waitForBroker(given, { timeoutMs: 30_000 });
    return { brokers: given, handle: null };
  }
  const handle = await startKafka({ dataDir: join(ROOT, '.weir-bench', 'kafka'), port: 19192, fresh: true, timeoutMs: 150_000, onProgress: log });
  return { brokers: handle.brokers, handle };
}

/**
 * Nexmark bids carry event times from Nexmark's fixed base date, which is also their Kafka
 * timestamp: under the broker's time-based retention they would be deleted at its next
 * retention check, in the middle of the runs. The input topic keeps its records.
 */
async function createInputTopic(brokers: string, topic: string, partitions: number): Promise<void> {
  const admin = createKafka({ brokers }).admin();
  await admin.connect();
  try {
    await ensureTopics(admin, [{ topic, partitions, configs: { 'retention.ms': -1 } }]);
  } finally {
    await admin.disconnect();
  }
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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      records: { type: 'string', default: '500000' },
      runs: { type: 'string', default: '3' },
      partitions: { type: 'string', default: '3' },
      only: { type: 'string' },
      /** Reuse a nexmark-bids topic written by an earlier run (its record count must match --records). */
      input: { type: 'string' },
    },
  });
  const records = Number(values.records);
  const runs = Number(values.runs);
  const partitions = Number(values.partitions);
  const workloads = WORKLOADS.filter((w) => values.only === undefined || w.figure.startsWith(values.only));
  const machine = machineInfo();
  const { brokers, handle } = await provideKafka();
  const stamp = Date.now().toString(36);
  let n = 0;
  const ctx: BenchContext = {
    brokers, records, partitions, inputTopic: values.input ?? `bench-bids-${stamp}`,
    unique: (prefix) => `${prefix}-${stamp}-${n++}`,
    log,
  };
  try {
    if (values.input === undefined) {
      log(`writing ${records} nexmark bids into ${ctx.inputTopic} (${partitions} partitions)`);
      await createInputTopic(brokers, ctx.inputTopic, partitions);
      const written = await runDatagen({ generator: 'nexmark-bids', topic: ctx.inputTopic, brokers, count: records, partitions });
      log(`written in ${(written.elapsedMs / 1000).toFixed(1)} s`);
    }
    await warmUp(brokers, ctx.inputTopic);
    const samples = new Map<string, number[]>(workloads.map((w) => [w.figure, []]));
    // CPU of this process (all its threads) per 1000 records: steadier than wall time on a shared machine.
    const cpu = new Map<string, number[]>(workloads.map((w) => [w.figure, []]));
    for (let i = 0; i < runs; i++) {
      for (const w of workloads) {
        const before = process.cpuUsage();
        const r = await w.run(ctx);
        const used = process.cpuUsage(before);
        const perSecond = rate(r.records, r.ms);
        const cpuPer1k = Math.round(((used.user + used.system) / 1000 / r.records) * 1000 * 100) / 100;
        samples.get(w.figure)!.push(perSecond);
        cpu.get(w.figure)!.push(cpuPer1k);
        log(`run ${i + 1}/${runs} ${w.figure}: ${r.records} records in ${r.ms} ms = ${perSecond} records/s, ${cpuPer1k} ms CPU per 1000 records`);
      }
    }
    const figures: Record<string, number> = {};
    for (const w of workloads) figures[w.figure] = median(samples.get(w.figure)!);
    const raw = figures.rawPipeRecordsPerSecond;
    const embedded = figures.embeddedPipeRecordsPerSecond;
    const ratio = raw !== undefined && embedded !== undefined ? Math.round((embedded / raw) * 1000) / 1000 : null;
    const result = {
      date: new Date().toISOString(),
      records, runs, partitions, machine,
      figures,
      embeddedToRawRatio: ratio,
      samples: Object.fromEntries(samples),
      cpuMsPer1000Records: Object.fromEntries([...cpu].map(([k, v]) => [k, median(v)])),
      workloads: Object.fromEntries(workloads.map((w) => [w.figure, w.description])),
    };
    const dir = join(ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const text = `${JSON.stringify(result, null, 2)}\n`;
    writeFileSync(join(dir, 'latest.json'), text);
    writeFileSync(join(dir, `${result.date.slice(0, 19).replace(/:/g, '-')}.json`), text);
    const rows = workloads.map((w) => `${w.figure.padEnd(32)} ${String(figures[w.figure]).padStart(10)}   runs: ${samples.get(w.figure)!.join(', ')}`);
    process.stdout.write([
      `Weir benchmark — ${records} records, median of ${runs} runs, ${machine.cores} × ${machine.cpuModel}, node ${machine.node}, load ${machine.loadAverage}`,
      `${'figure'.padEnd(32)} ${'records/s'.padStart(10)}`,
      ...rows,
      ...(ratio !== null ? [`embedded / raw = ${ratio}`] : []),
      '',
    ].join('\n'));
  } finally {
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
