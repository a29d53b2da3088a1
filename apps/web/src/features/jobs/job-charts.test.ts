import { describe, expect, it } from 'vitest';
import type { JobHistoryPoint } from '@weir/protocol/live-jobs';
import { backpressureSeries, checkpointHistory, lagSeries, throughputSeries } from './job-charts';

function point(time: number, over: Partial<JobHistoryPoint> = {}): JobHistoryPoint {
  return {
    time, state: 'RUNNING', recordsIn: 0, recordsOut: 0, lag: 0, lagMs: null, maxBackPressuredMs: 0, nodes: {}, partitions: {},
    checkpoint: null, checkpointsFailed: 0, ...over,
  };
}

describe('job charts', () => {
  const points = [
    point(1, { recordsIn: 10, recordsOut: 5, partitions: { 's/t/0': 4 }, nodes: { a: [1, 1, 0], b: [1, 1, 300] }, maxBackPressuredMs: 300 }),
    point(2, { recordsIn: 12, recordsOut: 6, partitions: { 's/t/0': 6, 's/t/1': 1 }, nodes: { a: [1, 1, 800], b: [1, 1, 0] }, maxBackPressuredMs: 800, checkpoint: { id: 1, durationMs: 20, sizeBytes: 100 } }),
    point(3, { checkpoint: { id: 1, durationMs: 20, sizeBytes: 100 } }),
    point(4, { checkpoint: { id: 2, durationMs: 30, sizeBytes: 120 } }),
  ];

  it('maps throughput in and out', () => {
    expect(throughputSeries(points).map((s) => s.values)).toEqual([[10, 12, 0, 0], [5, 6, 0, 0]]);
  });

  it('has a lag series per partition with gaps where it was absent', () => {
    expect(lagSeries(points).map((s) => [s.name, s.values])).toEqual([
      ['s/t/0', [4, 6, null, null]],
      ['s/t/1', [null, 1, null, null]],
    ]);
  });

  it('charts backpressure in percent: the worst node, then the nodes ranked by their worst second', () => {
    const s = backpressureSeries(points);
    expect(s.map((x) => x.name)).toEqual(['worst', 'a', 'b']);
    expect(s[0]!.values).toEqual([30, 80, 0, 0]);
    expect(s[1]!.values).toEqual([0, 80, null, null]);
  });

  it('lists each completed checkpoint once', () => {
    expect(checkpointHistory(points)).toEqual([
      { id: 1, durationMs: 20, sizeBytes: 100, seenAt: 2 },
      { id: 2, durationMs: 30, sizeBytes: 120, seenAt: 4 },
    ]);
  });
});
