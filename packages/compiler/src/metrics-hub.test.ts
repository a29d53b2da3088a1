import { describe, expect, it } from 'vitest';
import type { MetricsSnapshot } from '@weir/model';
import { MetricsHub } from './metrics-hub';

const snap = (time: number): MetricsSnapshot => ({
  jobId: 'j', time, state: 'RUNNING', nodes: {}, partitions: [],
  checkpoints: { lastCompleted: null, inProgress: null, completed: 0, failed: 0 },
});

describe('MetricsHub', () => {
  it('gives every reader each snapshot published after it started, and ends with the job', async () => {
    const hub = new MetricsHub();
    hub.publish(snap(0));
    const a = hub.iterable()[Symbol.asyncIterator]();
    const b = hub.iterable()[Symbol.asyncIterator]();
    const pendingA = a.next();
    hub.publish(snap(1));
    hub.publish(snap(2));
    expect((await pendingA).value?.time).toBe(1);
    expect((await a.next()).value?.time).toBe(2);
    expect((await b.next()).value?.time).toBe(1);
    hub.end();
    expect((await a.next()).done).toBe(true);
    expect((await b.next()).value?.time).toBe(2);
    expect((await b.next()).done).toBe(true);
    expect(hub.latest()?.time).toBe(2);
  });

  it('drops the oldest snapshots of a reader that falls behind', async () => {
    const hub = new MetricsHub();
    const it = hub.iterable()[Symbol.asyncIterator]();
    for (let i = 0; i < 200; i++) hub.publish(snap(i));
    expect((await it.next()).value?.time).toBe(80);
  });

  it('lets a for-await loop leave early', async () => {
    const hub = new MetricsHub();
    setTimeout(() => { hub.publish(snap(5)); hub.publish(snap(6)); }, 1);
    const seen: number[] = [];
    for await (const s of hub.iterable()) {
      seen.push(s.time);
      break;
    }
    expect(seen).toEqual([5]);
  });
});
