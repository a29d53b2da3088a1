import { describe, expect, it } from 'vitest';
import { backpressureLevel, MetricsSnapshotSchema } from './metrics';

describe('backpressureLevel', () => {
  it('grades as Flink does: OK up to 10 %, LOW up to 50 %, HIGH above', () => {
    expect(backpressureLevel(0)).toBe('OK');
    expect(backpressureLevel(100)).toBe('OK');
    expect(backpressureLevel(101)).toBe('LOW');
    expect(backpressureLevel(500)).toBe('LOW');
    expect(backpressureLevel(501)).toBe('HIGH');
    expect(backpressureLevel(1000)).toBe('HIGH');
  });
});

describe('MetricsSnapshotSchema', () => {
  it('accepts a complete snapshot and rejects a node without its rates', () => {
    const node = {
      recordsInPerSecond: 10, recordsOutPerSecond: 9, recordsInTotal: 100, recordsOutTotal: 90,
      busyTimeMsPerSecond: 200, backPressuredTimeMsPerSecond: 0, idleTimeMsPerSecond: 800,
      backpressure: 'OK', currentWatermark: null, lateRecords: 0, errors: 0,
    };
    const snapshot = {
      jobId: 'j1', time: 1, state: 'RUNNING', nodes: { src: node },
      partitions: [{ node: 'src', topic: 't', partition: 0, offset: 5, endOffset: 7, lag: 2, lagMs: 30 }],
      checkpoints: { lastCompleted: null, inProgress: null, completed: 0, failed: 0 },
    };
    expect(MetricsSnapshotSchema.safeParse(snapshot).success).toBe(true);
    const { recordsInPerSecond: _dropped, ...broken } = node;
    expect(MetricsSnapshotSchema.safeParse({ ...snapshot, nodes: { src: broken } }).success).toBe(false);
  });
});
