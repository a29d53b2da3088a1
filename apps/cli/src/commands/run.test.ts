import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { MetricsSnapshot, NodeMetrics } from '@weir/model';
import { estimateRemainingMs, formatDuration, progressLine } from './run';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

function weir(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'apps/cli/src/bin.ts', ...args], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, KAFKA_BROKERS: '', ...env }, timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(doc: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'weir-run-')), 'p.json');
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

const VALID = {
  version: 1, name: 'run-test',
  nodes: [
    { id: 'src', kind: 'kafka-source', config: { topic: 't', schema: [{ name: 'a', type: 'int' }], bounded: 'latest' } },
    { id: 'out', kind: 'preview-sink', config: {} },
  ],
  edges: [{ from: 'src', to: 'out' }],
};

const node = (m: Partial<NodeMetrics>): NodeMetrics => ({
  recordsInPerSecond: 0, recordsOutPerSecond: 0, recordsInTotal: 0, recordsOutTotal: 0, busyTimeMsPerSecond: 0,
  backPressuredTimeMsPerSecond: 0, idleTimeMsPerSecond: 1000, backpressure: 'OK', currentWatermark: null, lateRecords: 0, errors: 0, ...m,
});

describe('progress', () => {
  it('estimates the time left from the rate so far', () => {
    expect(estimateRemainingMs(0.25, 3000)).toBe(9000);
    expect(estimateRemainingMs(0, 3000)).toBeNull();
    expect(estimateRemainingMs(1, 3000)).toBe(0);
  });

  it('formats durations for people', () => {
    expect(formatDuration(4_400)).toBe('4s');
    expect(formatDuration(125_000)).toBe('2m05s');
    expect(formatDuration(3_700_000)).toBe('1h01m');
    expect(formatDuration(5 * 86_400_000)).toBe('5d');
  });

  it('shows records in and out, lag, backpressure, percent done and ETA', () => {
    const s: MetricsSnapshot = {
      jobId: 'j', time: 0, state: 'RUNNING',
      nodes: { src: node({ recordsOutPerSecond: 1200, recordsOutTotal: 5000 }), out: node({ recordsInPerSecond: 1100, recordsInTotal: 4900, backpressure: 'HIGH' }) },
      partitions: [
        { node: 'src', topic: 't', partition: 0, offset: 5, endOffset: 10, lag: 5, lagMs: 2000 },
        { node: 'src', topic: 't', partition: 1, offset: 1, endOffset: 3, lag: 2, lagMs: null },
      ],
      checkpoints: { lastCompleted: null, inProgress: null, completed: 0, failed: 0 },
      progress: 0.5,
    };
    expect(progressLine(s, ['src'], ['out'], 4000)).toBe(
      '[4s] RUNNING · in 1,200/s (5,000) · out 1,100/s (4,900) · lag 7 records, 2s · backpressure HIGH at out · 50% done, ETA 4s',
    );
    const restarting: MetricsSnapshot = { ...s, state: 'RESTARTING', error: { code: 'SINK_FAILED', message: 'the broker went away', node: 'out', time: 0 }, progress: null };
    expect(progressLine(restarting, ['src'], ['out'], 4000)).toMatch(/^\[4s\] RESTARTING \(SINK_FAILED: the broker went away\) · in 1,200\/s/);
  });
});

describe('weir run', { timeout: 60_000 }, () => {
  it('lists the problems of an invalid document and exits 1', () => {
    const r = weir(['run', file({ ...VALID, edges: [] }), '--brokers', '127.0.0.1:1']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('is not a valid pipeline');
    expect(r.stderr).toMatch(/NO_SINK|UNREACHABLE|MISSING_INPUT/);
  });

  it('validates for the engine it runs on: a preview-sink cannot run on Flink (exit 1)', () => {
    const r = weir(['run', file(VALID), '--engine', 'flink', '--brokers', '127.0.0.1:1']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('UNSUPPORTED_ON_ENGINE');
  });

  it('refuses an unknown engine (exit 2)', () => {
    const r = weir(['run', file(VALID), '--engine', 'spark']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--engine must be embedded or flink');
  });

  it('needs brokers', () => {
    const r = weir(['run', file(VALID)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('pass --brokers');
  });

  it('fails within its timeout naming an unreachable broker', () => {
    const r = weir(['run', file(VALID), '--brokers', '127.0.0.1:1']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('cannot reach Kafka');
    expect(r.stderr).toContain('127.0.0.1:1');
  });

  it('asks for --pg when the pipeline writes to PostgreSQL', () => {
    const doc = {
      ...VALID,
      nodes: [VALID.nodes[0], { id: 'db', kind: 'postgres-sink', config: { table: 't', mode: 'append' } }],
      edges: [{ from: 'src', to: 'db' }],
    };
    const r = weir(['run', file(doc), '--brokers', '127.0.0.1:1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('node db writes to PostgreSQL: pass --pg');
  });
});
