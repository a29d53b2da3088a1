import { describe, expect, it } from 'vitest';
import { escapeLabel, formatPrometheus } from './prometheus';
import { nodeMetrics, snapshotOf } from './test-snapshot.test-util';

/** Parses sample lines back: name{labels} value. */
function samples(text: string): { name: string; labels: string; value: string }[] {
  return text.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => {
    const m = /^([a-z_]+)(\{.*\})? (\S+)$/.exec(l);
    if (!m) throw new Error(`not a sample line: ${l}`);
    return { name: m[1]!, labels: m[2] ?? '', value: m[3]! };
  });
}

describe('formatPrometheus', () => {
  const snapshot = snapshotOf({
    nodes: {
      src: nodeMetrics({ recordsOutPerSecond: 120, recordsOutTotal: 5000, backPressuredTimeMsPerSecond: 600, backpressure: 'HIGH' }),
      win: nodeMetrics({ recordsInTotal: 4000, currentWatermark: 1_700_000_000_000, lateRecords: 3, errors: 2 }),
    },
    partitions: [{ node: 'src', topic: 'orders', partition: 1, offset: 90, endOffset: 100, lag: 10, lagMs: 1500 }],
    checkpoints: { lastCompleted: { id: 7, time: 2_000_000, durationMs: 250, sizeBytes: 4096 }, inProgress: { id: 8, startedAt: 1 }, completed: 7, failed: 1 },
  });
  const text = formatPrometheus([
    { id: 'j1', pipeline: 'rev "eu"\nline', engine: 'embedded', state: 'RUNNING', startedAt: 940_000, snapshot },
    { id: 'j0', pipeline: 'old', engine: 'flink', state: 'FINISHED', startedAt: 1, snapshot: null },
  ], 1_000_000);

  it('declares each family once, before its samples, with every sample line parseable', () => {
    const types = text.split('\n').filter((l) => l.startsWith('# TYPE '));
    expect(new Set(types).size).toBe(types.length);
    const names = samples(text).map((s) => s.name);
    // Samples of one family are contiguous.
    const seen = new Set<string>();
    names.forEach((n, i) => {
      if (i > 0 && names[i - 1] !== n) {
        expect(seen.has(n)).toBe(false);
        seen.add(names[i - 1]!);
      }
    });
    expect(text.endsWith('\n')).toBe(true);
  });

  it('reports job states, uptime, node rates and totals, backpressure, watermark, lag and checkpoints', () => {
    const all = samples(text);
    const value = (name: string, labelPart = '') => all.find((s) => s.name === name && s.labels.includes(labelPart))?.value;
    expect(value('weir_jobs', 'state="RUNNING"')).toBe('1');
    expect(value('weir_jobs', 'state="FINISHED"')).toBe('1');
    expect(value('weir_jobs', 'state="FAILED"')).toBe('0');
    expect(value('weir_job_state', 'job="j0"')).toBe('1');
    expect(value('weir_job_uptime_seconds', 'job="j1"')).toBe('60');
    expect(value('weir_node_records_out_total', 'node="src"')).toBe('5000');
    expect(value('weir_node_records_out_per_second', 'node="src"')).toBe('120');
    expect(value('weir_node_backpressure_level', 'node="src"')).toBe('2');
    expect(value('weir_node_watermark_timestamp_seconds', 'node="win"')).toBe('1700000000');
    expect(value('weir_node_late_records_total', 'node="win"')).toBe('3');
    expect(value('weir_node_errors_total', 'node="win"')).toBe('2');
    expect(value('weir_partition_lag_records', 'partition="1"')).toBe('10');
    expect(value('weir_partition_lag_seconds', 'topic="orders"')).toBe('1.5');
    expect(value('weir_checkpoint_last_duration_seconds')).toBe('0.25');
    expect(value('weir_checkpoint_last_size_bytes')).toBe('4096');
    expect(value('weir_checkpoint_in_progress')).toBe('1');
    expect(value('weir_checkpoints_failed_total')).toBe('1');
    // Nothing of a job without a snapshot beyond its state.
    expect(all.filter((s) => s.labels.includes('job="j0"')).map((s) => s.name)).toEqual(['weir_job_state']);
  });

  it('escapes label values', () => {
    expect(escapeLabel('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
    expect(text).toContain('pipeline="rev \\"eu\\"\\nline"');
  });
});
