import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMetricsHistory, Ring } from './metrics-history';

describe('Ring', () => {
  it('keeps the newest `capacity` items, oldest first', () => {
    const r = new Ring<number>(3);
    expect(r.toArray()).toEqual([]);
    expect(r.last()).toBeUndefined();
    for (let i = 1; i <= 5; i++) r.push(i);
    expect(r.size).toBe(3);
    expect(r.toArray()).toEqual([3, 4, 5]);
    expect(r.toArray(2)).toEqual([4, 5]);
    expect(r.toArray(10)).toEqual([3, 4, 5]);
    expect(r.last()).toBe(5);
  });

  it('matches the tail of the pushed sequence for any capacity and length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.array(fc.integer(), { maxLength: 200 }), fc.nat(60), (cap, xs, n) => {
        const r = new Ring<number>(cap);
        for (const x of xs) r.push(x);
        const tail = xs.slice(Math.max(0, xs.length - cap));
        expect(r.toArray()).toEqual(tail);
        expect(r.toArray(n)).toEqual(tail.slice(Math.max(0, tail.length - n)));
      }),
    );
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new Ring(0)).toThrow(/positive integer/);
    expect(() => new Ring(1.5)).toThrow(/positive integer/);
  });
});

describe('createMetricsHistory', () => {
  it('keeps 15 minutes at 1 s by default and no more than its capacity', () => {
    const h = createMetricsHistory<number>();
    for (let i = 0; i < 2000; i++) h.append('a', i);
    const points = h.points('a');
    expect(points.length).toBeGreaterThanOrEqual(900);
    expect(points.length).toBe(1800);
    expect(points.at(-1)).toBe(1999);
    expect(h.latest('a')).toBe(1999);
  });

  it('forgets the least recently updated job beyond maxJobs', () => {
    const h = createMetricsHistory<number>({ capacity: 4, maxJobs: 2 });
    h.append('a', 1);
    h.append('b', 1);
    h.append('a', 2);
    h.append('c', 1);
    expect(h.jobs().sort()).toEqual(['a', 'c']);
    expect(h.points('b')).toEqual([]);
    h.forget('a');
    expect(h.jobs()).toEqual(['c']);
  });
});
