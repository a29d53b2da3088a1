import { describe, expect, it } from 'vitest';
import { historyPoint, jobSummary, nodeRoles } from './history-point';
import { nodeMetrics, snapshotOf } from './test-snapshot.test-util';

const doc = {
  nodes: [{ id: 'a' }, { id: 'b' }, { id: 'f' }, { id: 'j' }, { id: 'out' }],
  edges: [{ from: 'a', to: 'j' }, { from: 'b', to: 'f' }, { from: 'f', to: 'j' }, { from: 'j', to: 'out' }],
};

describe('nodeRoles', () => {
  it('takes nodes without incoming edges as sources and without outgoing ones as sinks', () => {
    const r = nodeRoles(doc);
    expect([...r.sources].sort()).toEqual(['a', 'b']);
    expect([...r.sinks]).toEqual(['out']);
  });
});

describe('historyPoint', () => {
  const s = snapshotOf({
    nodes: {
      a: nodeMetrics({ recordsOutPerSecond: 100 }),
      b: nodeMetrics({ recordsOutPerSecond: 50, backPressuredTimeMsPerSecond: 700 }),
      f: nodeMetrics({ recordsInPerSecond: 50, recordsOutPerSecond: 20 }),
      j: nodeMetrics({ recordsInPerSecond: 120, recordsOutPerSecond: 7 }),
      out: nodeMetrics({ recordsInPerSecond: 7 }),
    },
    partitions: [
      { node: 'a', topic: 't', partition: 0, offset: 10, endOffset: 15, lag: 5, lagMs: 2000 },
      { node: 'a', topic: 't', partition: 1, offset: 10, endOffset: 40, lag: 30, lagMs: 9000 },
      { node: 'b', topic: 'u', partition: 0, offset: 0, endOffset: 0, lag: 0, lagMs: null },
    ],
    checkpoints: { lastCompleted: { id: 3, time: 5, durationMs: 40, sizeBytes: 2048 }, inProgress: null, completed: 3, failed: 1 },
  });

  it('sums what sources read and sinks wrote, totals lag, and keeps the worst backpressure', () => {
    const p = historyPoint(s, nodeRoles(doc));
    expect(p).toMatchObject({ recordsIn: 150, recordsOut: 7, lag: 35, lagMs: 9000, maxBackPressuredMs: 700, checkpointsFailed: 1 });
    expect(p.nodes.j).toEqual([120, 7, 0]);
    expect(p.partitions).toEqual({ 'a/t/0': 5, 'a/t/1': 30, 'b/u/0': 0 });
    expect(p.checkpoint).toEqual({ id: 3, durationMs: 40, sizeBytes: 2048 });
    expect(jobSummary('j1', p)).toMatchObject({ recordsIn: 150, lag: 35, backpressure: 'HIGH' });
  });

  it('without the document, counts the partition owners as sources and leaves the output unknown', () => {
    const p = historyPoint(s, null);
    expect(p.recordsIn).toBe(150);
    expect(p.recordsOut).toBe(0);
  });
});
