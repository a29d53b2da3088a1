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
  const job = await engine.deploy(compiled.plan, deploy);
  const status = await job.done;
  clearInterval(sampler);
  const metrics = job.latestMetrics();
  await engine.close();
  const result: ChildResult = {
    state: status.state,
    ...(status.error ? { error: `${status.error.code}: ${status.error.message}` } : {}),
    startedAt: status.startedAt,
    endedAt: status.endedAt ?? Date.now(),
    recordsIn: metrics?.nodes.bids?.recordsOutTotal ?? 0,
    recordsOut: metrics?.nodes.out?.recordsInTotal ?? 0,
    baseRssMb: Math.round(baseRss / MB),
    peakRssMb: Math.round(peakRss / MB),
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
