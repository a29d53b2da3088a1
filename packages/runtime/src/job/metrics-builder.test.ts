import { describe, expect, it } from 'vitest';
import { MetricsSnapshotSchema } from '@weir/model';
import { Filter } from '../operators/filter';
import { GraphNode, type NodeHost } from './graph-node';
import { MetricsBuilder } from './metrics-builder';
import { TimeAccounting } from './time-accounting';

const host: NodeHost = { recordFailed: (_n, err) => { throw err; }, late: () => {} };

describe('MetricsBuilder', () => {
  it('turns counters and the time split into a valid snapshot, per second over the interval', () => {
    let now = 1_000;
    const clock = () => now;
    const src = new GraphNode(0, 'src', 'source', host, null, null, true);
    const keep = new GraphNode(1, 'keep', 'operator', host, new Filter((r) => r.ok === true), null, false);
    src.connect(keep);
    const accounting = new TimeAccounting(2, clock);
    const metrics = new MetricsBuilder('job-1', [src, keep], [], accounting, clock);

    accounting.busy();
    for (let i = 0; i < 10; i++) {
      src.recordsIn++;
      src.emit({ ok: i % 2 === 0 });
    }
    src.advance(0, 5_000, false);
    now += 300;
    accounting.backpressured([0], [1]);
    now += 1_700;
    const s = metrics.build('RUNNING', null);

    expect(MetricsSnapshotSchema.safeParse(s).success).toBe(true);
    expect(s.nodes.src).toMatchObject({
      recordsInPerSecond: 5, recordsOutPerSecond: 5, recordsInTotal: 10, recordsOutTotal: 10,
      busyTimeMsPerSecond: 150, backPressuredTimeMsPerSecond: 850, idleTimeMsPerSecond: 0, backpressure: 'HIGH',
      currentWatermark: 5_000,
    });
    // A processing-time node reports no watermark; the waited-on node counts the wait as busy.
    expect(s.nodes.keep).toMatchObject({ recordsInTotal: 10, recordsOutTotal: 5, currentWatermark: null, busyTimeMsPerSecond: 1000, backpressure: 'OK' });
    expect(s.checkpoints).toEqual({ lastCompleted: null, inProgress: null, completed: 0, failed: 0 });
    expect(s.progress).toBeNull();

    now += 1_000;
    const next = metrics.build('RUNNING', null);
    expect(next.nodes.src).toMatchObject({ recordsInPerSecond: 0, recordsInTotal: 10, backPressuredTimeMsPerSecond: 1000 });
  });
});
