// `weir run FILE [--engine embedded|flink] [--brokers HOST:PORT] [--pg URL]`: run a pipeline
// on the embedded engine in this process (default) or on Flink, and wait for it; progress on stderr.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { KafkaClientError, parseBrokers, waitForBroker } from '@weir/kafka';
import { validateDocument, type MetricsSnapshot } from '@weir/model';
import { runOnFlink } from '@weir/flink';
import { createEmbeddedEngine, describeLastRun, lastRun, type EmbeddedJob } from '@weir/runtime';
import { formatProblem, readDocument } from './validate';

export const summary = 'Run a pipeline (embedded engine in this process, or Flink) and wait for it';

const USAGE = [
  'Usage: weir run FILE [--engine embedded|flink] [--brokers HOST:PORT] [--pg URL]',
  '',
  'Runs a pipeline document until it ends: a bounded pipeline exits 0 once all its input',
  'is read and every window has fired; an unbounded one runs until Ctrl-C, which stops it',
  'cleanly (offsets of what the sinks acknowledged are committed). Progress goes to stderr.',
  'Exit status: 0 finished, 1 invalid document or failed job, 2 bad arguments, 130 stopped by Ctrl-C.',
  '',
  'Options:',
  '  --engine NAME     embedded (default) or flink',
  '  --brokers LIST    Kafka bootstrap servers (default: $KAFKA_BROKERS)',
  '  --pg URL          PostgreSQL connection of postgres-sink nodes (postgres://user@host:5432/db)',
].join('\n');

/** How long `weir run` waits for a broker before it gives up. */
export const BROKER_TIMEOUT_MS = 5_000;

function out(line: string): void {
  process.stderr.write(`${line}\n`);
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d`;
}

/** Time left for a bounded job at `progress` (0..1) after `elapsedMs`, at the rate so far; null when unknown. */
export function estimateRemainingMs(progress: number, elapsedMs: number): number | null {
  if (!(progress > 0) || progress >= 1 || elapsedMs <= 0) return progress >= 1 ? 0 : null;
  return (elapsedMs * (1 - progress)) / progress;
}

/** One progress line from a snapshot: records in and out (per second and total), lag, percent done and ETA. */
export function progressLine(s: MetricsSnapshot, sources: readonly string[], sinks: readonly string[], elapsedMs: number): string {
  const sum = (ids: readonly string[], f: (id: string) => number) => ids.reduce((n, id) => n + f(id), 0);
  const inRate = sum(sources, (id) => s.nodes[id]?.recordsOutPerSecond ?? 0);
  const inTotal = sum(sources, (id) => s.nodes[id]?.recordsOutTotal ?? 0);
  const outRate = sum(sinks, (id) => s.nodes[id]?.recordsInPerSecond ?? 0);
  const outTotal = sum(sinks, (id) => s.nodes[id]?.recordsInTotal ?? 0);
  const lag = s.partitions.reduce((n, p) => n + p.lag, 0);
  const lagMs = s.partitions.reduce((n, p) => Math.max(n, p.lagMs ?? 0), 0);
  // A job its restart strategy is bringing back says why it went down.
  const cause = s.state === 'RESTARTING' && s.error ? ` (${s.error.code}: ${s.error.message})` : '';
  const parts = [
    `[${formatDuration(elapsedMs)}] ${s.state}${cause}`,
    `in ${formatCount(inRate)}/s (${formatCount(inTotal)})`,
    `out ${formatCount(outRate)}/s (${formatCount(outTotal)})`,
    `lag ${formatCount(lag)} records${lagMs > 0 ? `, ${formatDuration(lagMs)}` : ''}`,
  ];
  const busiest = Object.entries(s.nodes).find(([, n]) => n.backpressure === 'HIGH');
  if (busiest) parts.push(`backpressure HIGH at ${busiest[0]}`);
  if (s.progress !== null && s.progress !== undefined) {
    const eta = estimateRemainingMs(s.progress, elapsedMs);
    parts.push(`${Math.floor(s.progress * 100)}% done${eta !== null ? `, ETA ${formatDuration(eta)}` : ''}`);
  }
  return parts.join(' · ');
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args, allowPositionals: true, strict: true,
      options: { engine: { type: 'string' }, brokers: { type: 'string' }, pg: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    out(`weir run: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    out(`weir run: ${positionals.length === 0 ? 'missing FILE' : `expected one FILE, got ${positionals.length}`}\n${USAGE}`);
    return 2;
  }
  const engine = values.engine ?? 'embedded';
  if (engine !== 'embedded' && engine !== 'flink') {
    out(`weir run: --engine must be embedded or flink, got '${engine}'`);
    return 2;
  }
  const file = positionals[0] as string;
  const read = readDocument(file);
  if (!read.ok) {
    out(`weir run: ${read.message}`);
    return 1;
  }
  const validation = validateDocument(read.document, { engine });
  if (!validation.ok) {
    out(`weir run: ${file} is not a valid pipeline (${validation.problems.length} problem${validation.problems.length === 1 ? '' : 's'}):`);
    for (const p of validation.problems) out(`  ${formatProblem(p)}`);
    return 1;
  }
  const document = validation.document;
  const brokersText = values.brokers ?? process.env.KAFKA_BROKERS;
  if (!brokersText) {
    out('weir run: no Kafka brokers: pass --brokers HOST:PORT or set KAFKA_BROKERS');
    return 2;
  }
  let brokers: string;
  try {
    brokers = parseBrokers(brokersText).join(',');
  } catch (err) {
    out(`weir run: ${(err as Error).message}`);
    return 2;
  }
  const pgNodes = document.nodes.filter((n) => n.kind === 'postgres-sink').map((n) => n.id);
  if (pgNodes.length > 0 && values.pg === undefined) {
    out(`weir run: node${pgNodes.length === 1 ? '' : 's'} ${pgNodes.join(', ')} write${pgNodes.length === 1 ? 's' : ''} to PostgreSQL: pass --pg postgres://user@host:5432/db`);
    return 2;
  }
  try {
    await waitForBroker(brokers, { timeoutMs: BROKER_TIMEOUT_MS });
  } catch (err) {
    const detail = err instanceof KafkaClientError ? err.message : String(err);
    out(`weir run: cannot reach Kafka: ${detail}`);
    return 1;
  }
  if (engine === 'flink') {
    // On Flink (FLINK_REST_URL/FLINK_SQL_GATEWAY_URL, else a local cluster started for this run).
    return runOnFlink({ document, brokers, ...(values.pg !== undefined ? { pg: values.pg } : {}), dataDir: process.env.WEIR_DATA_DIR ?? '.weir', out, formatProblem, progressLine });
  }
  return runJob(document, brokers, values.pg);
}

async function runJob(document: { name: string; nodes: { id: string; kind: string }[] }, brokers: string, pg: string | undefined): Promise<number> {
  const engine = createEmbeddedEngine({ mode: 'in-thread' });
  const deploy = {
    // Named after the pipeline, with a data directory of its own: a second run of the same
    // pipeline resumes from its latest checkpoint (state and source positions).
    jobId: document.name,
    kafkaClusters: { default: { brokers } },
    ...(pg !== undefined ? { postgresConnections: { default: { url: pg } } } : {}),
    dataDir: join(process.env.WEIR_DATA_DIR ?? '.weir', 'runs', document.name),
  };
  const compiled = engine.compile(document, deploy);
  if (!compiled.ok) {
    for (const p of compiled.problems) out(`weir run: ${formatProblem(p)}`);
    return 1;
  }
  for (const w of compiled.warnings) out(`weir run: warning: ${formatProblem(w)}`);
  const sources = document.nodes.filter((n) => n.kind === 'kafka-source').map((n) => n.id);
  const sinks = document.nodes.filter((n) => n.kind.endsWith('-sink')).map((n) => n.id);
  const started = Date.now();
  out(`weir run: ${document.name}: starting on the embedded engine (Kafka ${brokers})`);
  // Resumed or new: a finished bounded run is not resumed (its state would drop every later record as late).
  const previous = describeLastRun(document.name, await lastRun(deploy.dataDir, deploy.jobId).catch(() => null));
  if (previous !== null) out(`weir run: ${previous}`);
  const job: EmbeddedJob = await engine.deploy(compiled.plan, deploy);
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) {
      out('weir run: interrupted again, exiting without waiting');
      process.exit(130);
    }
    interrupted = true;
    out('weir run: stopping (committing what the sinks acknowledged; Ctrl-C again to quit at once)…');
    void job.stop().catch(() => {});
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    for await (const snapshot of job.metrics()) out(progressLine(snapshot, sources, sinks, Date.now() - started));
    const status = await job.done;
    // A Kafka client of a job that failed on a lost broker can keep reconnecting after the
    // job ended; it must not keep the finished run alive (the worker engine terminates its thread).
    setTimeout(() => process.exit(), 5_000).unref();
    const final = job.latestMetrics();
    if (status.state === 'FAILED') {
      const e = status.error;
      out(`weir run: ${document.name} failed${e ? `: [${e.code}] ${e.message}` : ''}`);
      return 1;
    }
    const total = (ids: string[], f: 'recordsOutTotal' | 'recordsInTotal') => ids.reduce((n, id) => n + (final?.nodes[id]?.[f] ?? 0), 0);
    out(`weir run: ${document.name} ${status.state === 'FINISHED' ? 'finished' : 'stopped'} after ${formatDuration(Date.now() - started)}: ` +
      `${formatCount(total(sources, 'recordsOutTotal'))} records read, ${formatCount(total(sinks, 'recordsInTotal'))} written`);
    return status.state === 'FINISHED' ? 0 : interrupted ? 130 : 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
