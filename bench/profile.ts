// Profiles one embedded workload with `node --cpu-prof`: starts (or reuses) the benchmark's
// broker, writes nexmark bids once, runs the job alone in a child process with the profiler on
// (its worker thread writes its own profile), and prints the functions with the most self time.
//   node --import tsx bench/profile.ts [--workload pipe|sliding|tumbling|session] [--records 300000] [--input TOPIC]
// Profiles land in .weir-bench/profiles/ (open them in Chrome DevTools or speedscope).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runDatagen } from '@weir/cli/datagen/index';
import { startKafka } from '@weir/stack';
import { documentName, pipeDocument, windowDocument, type WindowKind } from './lib/documents';
import { createOutputTopic, createTopic } from './lib/topics';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number }

/** Self time per function (name, file, line) of one .cpuprofile, largest first. */
function topFunctions(file: string, count: number): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; startTime: number; endTime: number };
  const total = profile.nodes.reduce((n, node) => n + node.hitCount, 0);
  const byFrame = new Map<string, number>();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const where = f.url ? `${f.url.replace(/^.*\/(node_modules|packages)\//, '$1/')}:${f.lineNumber + 1}` : '';
    const key = `${f.functionName || '(anonymous)'} ${where}`;
    byFrame.set(key, (byFrame.get(key) ?? 0) + node.hitCount);
  }
  return [...byFrame].sort((a, b) => b[1] - a[1]).slice(0, count)
    .map(([key, hits]) => `${((hits / total) * 100).toFixed(1).padStart(5)} %  ${key}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { workload: { type: 'string', default: 'pipe' }, records: { type: 'string', default: '300000' }, input: { type: 'string' } } });
  const records = Number(values.records);
  const kafka = await startKafka({ dataDir: join(ROOT, '.weir-bench', 'kafka'), port: 49092, timeoutMs: 150_000 });
  try {
    const brokers = kafka.brokers;
    const stamp = Date.now().toString(36);
    const input = values.input ?? `profile-bids-${stamp}`;
    if (values.input === undefined) {
      await createTopic(brokers, input, 3, { 'retention.ms': -1 });
      await runDatagen({ generator: 'nexmark-bids', topic: input, brokers, count: records, partitions: 3, seed: 42 });
      process.stderr.write(`[profile] ${records} bids in ${input}\n`);
    }
    const name = documentName(`profile-${values.workload}-${stamp}`);
    const output = `${name}-out`;
    await createOutputTopic(brokers, output, 3);
    const document = values.workload === 'pipe' ? pipeDocument(name, input, output, true) : windowDocument(values.workload as WindowKind, name, input, output);
    const dir = join(ROOT, '.weir-bench', 'profiles', name);
    mkdirSync(dir, { recursive: true });
    const child = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx', join(ROOT, 'bench', 'workloads', 'embedded-job-child.ts'), JSON.stringify({ document, brokers, jobId: name })], { cwd: ROOT, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`job process exited ${child.status}: ${child.stderr}`);
    const result = JSON.parse(child.stdout.trim().split('\n').pop()!) as { startedAt: number; endedAt: number; recordsIn: number };
    process.stdout.write(`${values.workload}: ${result.recordsIn} records in ${result.endedAt - result.startedAt} ms (profiling slows it)\n`);
    // The largest profile is the job's worker thread.
    const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(dir, f)).sort((a, b) => statSync(b).size - statSync(a).size);
    process.stdout.write(`${files[0]}\n${topFunctions(files[0]!, 40).join('\n')}\n`);
  } finally {
    await kafka.stop();
  }
}

main().then(() => process.exit(0), (err: unknown) => {
  process.stderr.write(`[profile] failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
