import { describe, expect, it } from 'vitest';
import { RingHistory } from './ring-history';

describe('RingHistory', () => {
  it('keeps points within the age limit, oldest first', () => {
    const h = new RingHistory<{ at: number; v: number }>(1000);
    for (let at = 0; at <= 3000; at += 500) h.push({ at, v: at / 500 });
    expect(h.all().map((p) => p.at)).toEqual([2000, 2500, 3000]);
    expect(h.size).toBe(3);
  });

  it('keeps an hour of 5 s samples: 721 points', () => {
    const h = new RingHistory<{ at: number }>(3_600_000);
    for (let i = 0; i < 2000; i++) h.push({ at: i * 5000 });
    expect(h.size).toBe(721);
    expect(h.all()[0]!.at).toBe((2000 - 721) * 5000);
  });
});
