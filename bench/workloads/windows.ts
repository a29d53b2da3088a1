// The windowed workloads (q5-like sliding, q7-like tumbling, q11-like session), bounded over
// the bids topic, on the embedded engine and on the local Flink cluster at parallelism 1.
// Both are timed the same way: from the job's start (the embedded job's start in its worker;
// Flink's job start-time) to the broker's append time of the job's last output record.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentName, windowDocument, type WindowKind } from '../lib/documents';
import { processCpuMs } from '../lib/proc-cpu';
import { createOutputTopic, topicEnd } from '../lib/topics';
import type { BenchContext, RunResult, Workload } from '../lib/workload';
import type { ChildResult } from './embedded-job-child';

const ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const CHILD = join(ROOT, 'bench', 'workloads', 'embedded-job-child.ts');

const FIGURE: Record<WindowKind, { embedded: string; flink: string; query: string }> = {
  sliding: { embedded: 'embeddedWindowRecordsPerSecond', flink: 'flinkWindowRecordsPerSecond', query: 'q5-like: bids per auction, 10 s windows sliding by 2 s' },
  tumbling: { embedded: 'embeddedTumblingRecordsPerSecond', flink: 'flinkTumblingRecordsPerSecond', query: 'q7-like: highest bid per 10 s tumbling window' },
  session: { embedded: 'embeddedSessionRecordsPerSecond', flink: 'flinkSessionRecordsPerSecond', query: 'q11-like: bids per bidder per session (gap 10 s)' },
};

/** Runs `bench/workloads/embedded-job-child.ts` and returns its result line. BENCH_CHILD_NODE_FLAGS adds node flags (e.g. --cpu-prof). */
function runChild(input: object): Promise<ChildResult> {
  const flags = (process.env.BENCH_CHILD_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', CHILD, JSON.stringify(input)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`embedded job process exited ${code}: ${err.trim().slice(-2000)}`));
      else resolve(JSON.parse(line) as ChildResult);
    });
  });
}

async function timedToLastOutput(ctx: BenchContext, output: string, startedAt: number, engine: string): Promise<{ ms: number; outputRecords: number }> {
  const end = await topicEnd(ctx.brokers, output);
  if (end.records === 0) throw new Error(`${engine} window job wrote nothing to ${output}`);
  return { ms: end.lastMs - startedAt, outputRecords: end.records };
}

function embeddedWindow(kind: WindowKind): Workload {
  const f = FIGURE[kind];
  return {
    figure: f.embedded,
    description: `embedded engine, ${f.query}; the job alone in a child process (worker thread), from its start to the append time of its last output record`,
    async run(ctx: BenchContext): Promise<RunResult> {
      const name = documentName(ctx.unique(`bench-emb-${kind}`));
      const output = `${name}-out`;
      await createOutputTopic(ctx.brokers, output, ctx.partitions);
      const r = await runChild({ document: windowDocument(kind, name, ctx.inputTopic, output), brokers: ctx.brokers, jobId: name });
      if (r.state !== 'FINISHED') throw new Error(`embedded ${kind} job ended ${r.state}: ${r.error ?? ''}`);
      if (r.recordsIn !== ctx.records) throw new Error(`embedded ${kind} job read ${r.recordsIn} of ${ctx.records} records`);
      const { ms, outputRecords } = await timedToLastOutput(ctx, output, r.startedAt, 'embedded');
      ctx.log(`embedded ${kind}: ${outputRecords} output records, last ${ms} ms after start (job ended after ${r.endedAt - r.startedAt} ms), RSS ${r.baseRssMb} → peak ${r.peakRssMb} MB, ${r.cpuMsPer1000Records} ms CPU per 1000 records`);
      return {
        records: ctx.records, ms,
        ...(kind === 'sliding' ? { also: { embeddedWindowPeakRssMb: r.peakRssMb } } : {}),
        notes: { outputRecords, baseRssMb: r.baseRssMb, peakRssMb: r.peakRssMb, jobMs: r.endedAt - r.startedAt, jobCpuMsPer1000Records: r.cpuMsPer1000Records },
      };
    },
  };
}

function flinkWindow(kind: WindowKind): Workload {
  const f = FIGURE[kind];
  return {
    figure: f.flink,
    flink: true,
    description: `Flink (local session cluster, parallelism 1), ${f.query}; from the job's start-time to the append time of its last output record`,
    async run(ctx: BenchContext): Promise<RunResult> {
      const engine = ctx.flink;
      if (engine === null) throw new Error('no Flink cluster for a Flink workload');
      const name = documentName(ctx.unique(`bench-flink-${kind}`));
      const output = `${name}-out`;
      await createOutputTopic(ctx.brokers, output, ctx.partitions);
      const deploy = { jobId: name, kafkaClusters: { default: { brokers: ctx.brokers } }, dataDir: '/tmp/weir-bench' };
      const compiled = engine.compile(windowDocument(kind, name, ctx.inputTopic, output), deploy);
      if (!compiled.ok) throw new Error(`Flink ${kind}: ${compiled.problems.map((p) => p.message).join('; ')}`);
      const cpuBefore = processCpuMs(ctx.flinkPids);
      const submitted = Date.now();
      const job = await engine.deploy(compiled.plan, deploy);
      const drain = (async () => { for await (const _ of job.metrics()) { /* keep the stream flowing */ } })();
      const status = await job.done;
      await drain;
      if (status.state !== 'FINISHED') throw new Error(`Flink ${kind} job ended ${status.state}: ${status.error?.message ?? ''}`);
      const cpuAfter = processCpuMs(ctx.flinkPids);
      const cpu = cpuBefore !== null && cpuAfter !== null && ctx.flinkPids.length > 0 ? Math.round(((cpuAfter - cpuBefore) / ctx.records) * 1000 * 100) / 100 : null;
      const { ms, outputRecords } = await timedToLastOutput(ctx, output, status.startedAt, 'Flink');
      ctx.log(`flink ${kind}: submitted ${status.startedAt - submitted} ms before start-time, ${outputRecords} output records, last ${ms} ms after start${cpu !== null ? `, ${cpu} ms CPU (JobManager + TaskManager) per 1000 records` : ''}`);
      return { records: ctx.records, ms, notes: { outputRecords, submitMs: status.startedAt - submitted, ...(cpu !== null ? { jvmCpuMsPer1000Records: cpu } : {}) } };
    },
  };
}

/** Interleaved per kind, embedded then Flink, so both meet the same machine load. */
export const windowWorkloads: Workload[] = (['sliding', 'tumbling', 'session'] as const).flatMap((k) => [embeddedWindow(k), flinkWindow(k)]);
