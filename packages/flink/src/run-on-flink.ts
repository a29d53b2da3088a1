import type { MetricsSnapshot, Problem } from '@weir/model';
import { createFlinkEngine, type FlinkEngineOptions } from './flink-engine';
import { isFlinkError } from './flink-error';

export interface RunOnFlinkOptions {
  document: { name: string; nodes: Array<{ id: string; kind: string }> };
  brokers: string;
  /** PostgreSQL connection of postgres-sink nodes. */
  pg?: string;
  /** Weir's data directory; a local Flink lives in `<dataDir>/flink`. */
  dataDir: string;
  out: (line: string) => void;
  formatProblem: (p: Problem) => string;
  progressLine: (s: MetricsSnapshot, sources: readonly string[], sinks: readonly string[], elapsedMs: number) => string;
  engine?: Partial<FlinkEngineOptions>;
}

/**
 * `weir run FILE --engine flink`: deploys the pipeline to Flink (FLINK_REST_URL and
 * FLINK_SQL_GATEWAY_URL, else a local cluster started for the run and stopped after it),
 * prints progress each second and waits for the job; Ctrl-C cancels it. The exit code:
 * 0 finished, 1 failed or could not start, 130 stopped by Ctrl-C.
 */
export async function runOnFlink(o: RunOnFlinkOptions): Promise<number> {
  const { document, out } = o;
  const engine = createFlinkEngine({
    dataDir: o.dataDir,
    ...(process.env.FLINK_REST_URL && process.env.FLINK_SQL_GATEWAY_URL ? { restUrl: process.env.FLINK_REST_URL, gatewayUrl: process.env.FLINK_SQL_GATEWAY_URL } : {}),
    onProgress: (m) => out(`weir run: ${m}`),
    ...o.engine,
  });
  const deploy = {
    jobId: document.name,
    kafkaClusters: { default: { brokers: o.brokers } },
    ...(o.pg !== undefined ? { postgresConnections: { default: { url: o.pg } } } : {}),
    dataDir: o.dataDir,
  };
  try {
    const compiled = engine.compile(document, deploy);
    if (!compiled.ok) {
      for (const p of compiled.problems) out(`weir run: ${o.formatProblem(p)}`);
      return 1;
    }
    for (const w of compiled.warnings) out(`weir run: warning: ${o.formatProblem(w)}`);
    const sources = document.nodes.filter((n) => n.kind === 'kafka-source').map((n) => n.id);
    const sinks = document.nodes.filter((n) => n.kind.endsWith('-sink')).map((n) => n.id);
    out(`weir run: ${document.name}: starting on Apache Flink (Kafka ${o.brokers})`);
    const started = Date.now();
    const job = await engine.deploy(compiled.plan, deploy);
    out(`weir run: Flink job ${job.flinkJobId}${job.status().externalUrl ? ` (${job.status().externalUrl})` : ''}`);
    let interrupted = false;
    const onSignal = () => {
      if (interrupted) {
        out('weir run: interrupted again, exiting without waiting (the Flink job may still be cancelling)');
        process.exit(130);
      }
      interrupted = true;
      out('weir run: cancelling the Flink job (Ctrl-C again to quit at once)…');
      void job.stop().catch(() => {});
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      for await (const snapshot of job.metrics()) out(o.progressLine(snapshot, sources, sinks, Date.now() - started));
      const status = await job.done;
      if (status.state === 'FAILED') {
        out(`weir run: ${document.name} failed on Flink${status.error ? `: [${status.error.code}] ${status.error.message}` : ''}`);
        return 1;
      }
      const final = job.latestMetrics();
      const total = (ids: string[], f: 'recordsOutTotal' | 'recordsInTotal') => ids.reduce((n, id) => n + (final?.nodes[id]?.[f] ?? 0), 0);
      out(`weir run: ${document.name} ${status.state === 'FINISHED' ? 'finished' : 'stopped'} on Flink: ` +
        `${total(sources, 'recordsOutTotal')} records read, ${total(sinks, 'recordsInTotal')} written`);
      return status.state === 'FINISHED' ? 0 : interrupted ? 130 : 1;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  } catch (err) {
    out(`weir run: ${isFlinkError(err) ? `${err.code}: ` : ''}${(err as Error).message}`);
    return 1;
  } finally {
    await engine.close();
  }
}
