// The Kafka console's message search against the fastest plain way to read the same topic:
// a kafkajs consumer that only counts what it reads. The goal: search scans at least 80 % as
// fast. Registered in run.ts (`npm run bench -- --only search` / `--only plain`), or alone:
//   node --import tsx bench/search.ts [--records 300000] [--runs 3] [--input TOPIC]
// which also prints and records the ratio (bench/results/search-latest.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { runDatagen } from '@weir/cli/datagen/index';
import { Kafka, createKafka, ensureTopics, waitForBroker } from '@weir/kafka';
import { createRawCluster } from '@weir/kafka/raw-cluster';
import { prepareSearch } from '@weir/server/services/kafka/search/prepare-search';
import { scanTopic } from '@weir/server/services/kafka/search/scan-topic';
import { startKafka, type KafkaHandle } from '@weir/stack';
import { machineInfo } from './lib/machine';
import { median, rate } from './lib/stats';
import type { BenchContext, RunResult, Workload } from './lib/workload';

/** A filter on two of a bid's fields, as a person would type it; about 1 bid in 15 matches. */
export const SEARCH_EXPRESSION = "price > 1000000 AND channel = 'Google'";

const plainConsume: Workload = {
  figure: 'plainConsumeRecordsPerSecond',
  description: 'kafkajs consumer, eachBatch counting the records (no decoding), from consumer.run until every record is read',
  async run(ctx: BenchContext): Promise<RunResult> {
    const kafka = new Kafka({ brokers: ctx.brokers.split(','), clientId: 'bench-plain', logLevel: 1 });
    const consumer = kafka.consumer({
      groupId: ctx.unique('bench-plain'), maxBytesPerPartition: 1_048_576, maxBytes: 10_485_760, minBytes: 1, maxWaitTimeInMs: 100,
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [ctx.inputTopic], fromBeginning: true });
    let read = 0;
    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    const started = Date.now();
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
        read += batch.messages.length;
        const last = batch.messages[batch.messages.length - 1];
        if (last) resolveOffset(last.offset);
        await heartbeat();
        if (read >= ctx.records) finish();
      },
    });
    await done;
    const ms = Date.now() - started;
    await consumer.disconnect();
    return { records: read, ms };
  },
};

const searchScan: Workload = {
  figure: 'searchScanRecordsPerSecond',
  description: `Weir's message search (no consumer group): "${SEARCH_EXPRESSION}" over the whole topic, schema inferred from a sample, the named fields read from every value; from the request (client connected) until done`,
  async run(ctx: BenchContext): Promise<RunResult> {
    const raw = createRawCluster({ brokers: ctx.brokers, clientId: 'bench-search' });
    try {
      // Connected before timing, as the server's clients are (its pool keeps them), and as the
      // consumer's connect and subscribe are not timed either.
      await raw.brokerIds();
      const started = Date.now();
      const prepared = await prepareSearch(raw, ctx.inputTopic, SEARCH_EXPRESSION, null, { from: 'earliest', partition: null, last: 10_000 });
      let matched = 0;
      const result = await scanTopic({ raw, topic: ctx.inputTopic, spans: prepared.spans, search: prepared.search, onMatch: () => void matched++ });
      const ms = Date.now() - started;
      if (result.reason !== 'end') throw new Error(`the search ended early: ${result.reason}`);
      ctx.log(`search matched ${matched} of ${result.scanned} (not JSON ${result.notJson}, eval errors ${result.evalErrors})`);
      return { records: result.scanned, ms };
    } finally {
      await raw.disconnect();
    }
  },
};

/** Both figures, in the order they are timed; run.ts lists them with its own. */
export const searchWorkloads: Workload[] = [plainConsume, searchScan];

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

async function standalone(): Promise<void> {
  const { values } = parseArgs({
    options: {
      records: { type: 'string', default: '300000' },
      runs: { type: 'string', default: '3' },
      partitions: { type: 'string', default: '3' },
      input: { type: 'string' },
    },
  });
  const log = (m: string) => process.stderr.write(`[bench search] ${m}\n`);
  const records = Number(values.records);
  const runs = Number(values.runs);
  const partitions = Number(values.partitions);
  let handle: KafkaHandle | null = null;
  let brokers = process.env.KAFKA_BROKERS;
  if (brokers) await waitForBroker(brokers, { timeoutMs: 30_000 });
  else {
    handle = await startKafka({ dataDir: join(ROOT, '.weir-bench', 'kafka'), port: 19192, fresh: true, timeoutMs: 150_000, onProgress: log });
    brokers = handle.brokers;
  }
  const stamp = Date.now().toString(36);
  let n = 0;
  const ctx: BenchContext = { brokers, records, partitions, latencySeconds: 0, flink: null, flinkPids: [], inputTopic: values.input ?? `bench-search-${stamp}`, unique: (p) => `${p}-${stamp}-${n++}`, log };
  try {
    if (values.input === undefined) {
      const admin = createKafka({ brokers }).admin();
      await admin.connect();
      await ensureTopics(admin, [{ topic: ctx.inputTopic, partitions, configs: { 'retention.ms': -1 } }]);
      await admin.disconnect();
      log(`writing ${records} nexmark bids into ${ctx.inputTopic}`);
      await runDatagen({ generator: 'nexmark-bids', topic: ctx.inputTopic, brokers, count: records, partitions });
    }
    const samples = new Map(searchWorkloads.map((w) => [w.figure, [] as number[]]));
    for (let i = 0; i < runs; i++) {
      for (const w of searchWorkloads) {
        const r = await w.run(ctx);
        samples.get(w.figure)!.push(rate(r.records, r.ms));
        log(`run ${i + 1}/${runs} ${w.figure}: ${r.records} records in ${r.ms} ms = ${rate(r.records, r.ms)} records/s`);
      }
    }
    const figures = Object.fromEntries([...samples].map(([k, v]) => [k, median(v)]));
    const ratio = Math.round((figures.searchScanRecordsPerSecond! / figures.plainConsumeRecordsPerSecond!) * 1000) / 1000;
    const result = {
      date: new Date().toISOString(), records, runs, partitions, machine: machineInfo(), expression: SEARCH_EXPRESSION,
      figures, searchToPlainRatio: ratio, samples: Object.fromEntries(samples),
      workloads: Object.fromEntries(searchWorkloads.map((w) => [w.figure, w.description])),
    };
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench', 'results', 'search-latest.json'), `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write([
      `Weir search benchmark — ${records} records, median of ${runs} runs, load ${result.machine.loadAverage}`,
      ...[...samples].map(([k, v]) => `${k.padEnd(30)} ${String(figures[k]).padStart(8)} records/s   runs: ${v.join(', ')}`),
      `search / plain = ${ratio} (goal ≥ 0.8)`,
      '',
    ].join('\n'));
  } finally {
    await handle?.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  standalone().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`[bench search] failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
