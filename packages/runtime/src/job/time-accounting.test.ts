import { describe, expect, it } from 'vitest';
import { TimeAccounting } from './time-accounting';

function clock() {
  let now = 10_000;
  return { now: () => now, advance: (ms: number) => { now += ms; } };
}

describe('TimeAccounting', () => {
  it('splits each second into busy, backpressured and idle per node', () => {
    const c = clock();
    // nodes: 0 source, 1 map, 2 sink waited on, 3 a sink on another branch
    const t = new TimeAccounting(4, c.now);
    t.busy();
    c.advance(200);
    t.backpressured([0, 1], [2]);
    c.advance(700);
    t.idle();
    c.advance(100);
    const s = t.sample();
    expect(s[0]).toEqual({ busyTimeMsPerSecond: 200, backPressuredTimeMsPerSecond: 700, idleTimeMsPerSecond: 100 });
    expect(s[1]).toEqual(s[0]);
    expect(s[2]).toEqual({ busyTimeMsPerSecond: 900, backPressuredTimeMsPerSecond: 0, idleTimeMsPerSecond: 100 });
    expect(s[3]).toEqual({ busyTimeMsPerSecond: 200, backPressuredTimeMsPerSecond: 0, idleTimeMsPerSecond: 800 });
  });

  it('scales an interval that is not one second and counts an open segment up to the sample', () => {
    const c = clock();
    const t = new TimeAccounting(1, c.now);
    t.busy();
    c.advance(1000);
    t.idle();
    c.advance(1000);
    expect(t.sample()[0]).toEqual({ busyTimeMsPerSecond: 500, backPressuredTimeMsPerSecond: 0, idleTimeMsPerSecond: 500 });
    t.backpressured([0], []);
    c.advance(500);
    expect(t.sample()[0]).toEqual({ busyTimeMsPerSecond: 0, backPressuredTimeMsPerSecond: 1000, idleTimeMsPerSecond: 0 });
    expect(t.current).toBe('backpressured');
  });

  it('reports an empty interval as idle', () => {
    const c = clock();
    const t = new TimeAccounting(2, c.now);
    expect(t.sample()).toEqual([
      { busyTimeMsPerSecond: 0, backPressuredTimeMsPerSecond: 0, idleTimeMsPerSecond: 1000 },
      { busyTimeMsPerSecond: 0, backPressuredTimeMsPerSecond: 0, idleTimeMsPerSecond: 1000 },
    ]);
  });
});
