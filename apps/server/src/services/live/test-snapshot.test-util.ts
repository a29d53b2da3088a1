import type { MetricsSnapshot, NodeMetrics } from '@weir/model';

/** A node's metrics with every field set; tests override what they look at. */
export function nodeMetrics(over: Partial<NodeMetrics> = {}): NodeMetrics {
  return {
    recordsInPerSecond: 0, recordsOutPerSecond: 0, recordsInTotal: 0, recordsOutTotal: 0,
    busyTimeMsPerSecond: 0, backPressuredTimeMsPerSecond: 0, idleTimeMsPerSecond: 1000, backpressure: 'OK',
    currentWatermark: null, lateRecords: 0, errors: 0, ...over,
  };
}

export function snapshotOf(over: Partial<MetricsSnapshot> = {}): MetricsSnapshot {
  return {
    jobId: 'j1', time: 1_000_000, state: 'RUNNING', nodes: {}, partitions: [],
    checkpoints: { lastCompleted: null, inProgress: null, completed: 0, failed: 0 }, ...over,
  };
}
