// One embedded job in a process of its own, so that its memory can be told apart from the
// benchmark's: the job runs in a worker thread (as the server deploys it) while this
// process's main thread samples the resident set size of the whole process every 20 ms.
// Reads { document, brokers, jobId } as JSON from argv[2]; prints one JSON line with the
// job's start and end, its record counts and the memory samples' peak.
import { createEmbeddedEngine } from '@weir/runtime';

interface ChildInput {
  document: unknown;
  brokers: string;
  jobId: string;
}

export interface ChildResult {
  state: string;
  error?: string;
  startedAt: number;
  endedAt: number;
  recordsIn: number;
  recordsOut: number;
  /** Resident set size of this process just before the deploy (Node, tsx and the runtime loaded). */
  baseRssMb: number;
  peakRssMb: number;
  /** CPU time of this process (all threads) from the deploy to the job's end, per 1000 records read. */
  cpuMsPer1000Records: number;
}

const MB = 1024 * 1024;

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2] ?? '{}') as ChildInput;
  const engine = createEmbeddedEngine({ mode: 'worker' });
  const deploy = { jobId: input.jobId, kafkaClusters: { default: { brokers: input.brokers } }, dataDir: '/tmp/weir-bench' };
  const compiled = engine.compile(input.document, deploy);
  if (!compiled.ok) throw new Error(`does not compile: ${compiled.problems.map((p) => p.message).join('; ')}`);
  const baseRss = process.memoryUsage.rss();
  let peakRss = baseRss;
  const sampler = setInterval(() => {
    const rss = process.memoryUsage.rss();
    if (rss > peakRss) peakRss = rss;
  }, 20);
  const cpuBefore = process.cpuUsage();
  const job = await engine.deploy(compiled.plan, deploy);
  const status = await job.done;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  const metrics = job.latestMetrics();
  const recordsIn = metrics?.nodes.bids?.recordsOutTotal ?? 0;
  await engine.close();
  const result: ChildResult = {
    state: status.state,
    ...(status.error ? { error: `${status.error.code}: ${status.error.message}` } : {}),
    startedAt: status.startedAt,
    endedAt: status.endedAt ?? Date.now(),
    recordsIn,
    recordsOut: metrics?.nodes.out?.recordsInTotal ?? 0,
    baseRssMb: Math.round(baseRss / MB),
    peakRssMb: Math.round(peakRss / MB),
    cpuMsPer1000Records: recordsIn > 0 ? Math.round(((cpu.user + cpu.system) / recordsIn) * 100) / 100 : 0,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  },
);
