import { describe, expect, it } from 'vitest';
import { Rng, mixSeed } from './prng';

function draws(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => rng.u32());
}

describe('Rng', () => {
  it('repeats its sequence for the same state and differs for another', () => {
    expect(draws(new Rng(7), 20)).toEqual(draws(new Rng(7), 20));
    expect(draws(new Rng(7), 20)).not.toEqual(draws(new Rng(8), 20));
  });

  it('keeps every draw in range', () => {
    const rng = new Rng(123);
    for (let i = 0; i < 10_000; i++) {
      const f = rng.float();
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
      const k = rng.int(7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
      const l = rng.long(2 ** 40);
      expect(Number.isInteger(l) && l >= 0 && l < 2 ** 40).toBe(true);
    }
  });

  it('spreads int(n) evenly', () => {
    const rng = new Rng(99);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) counts[rng.int(10)]! += 1;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it('picks by weight', () => {
    const rng = new Rng(5);
    let a = 0;
    for (let i = 0; i < 20_000; i++) if (rng.weighted(['a', 'b'], [3, 1]) === 'a') a++;
    expect(a / 20_000).toBeGreaterThan(0.72);
    expect(a / 20_000).toBeLessThan(0.78);
  });
});

describe('mixSeed', () => {
  it('gives distinct states for neighbouring seeds, streams and indexes, including past 2^32', () => {
    const states = new Set<number>();
    for (let seed = 0; seed < 4; seed++) {
      for (let stream = 0; stream < 4; stream++) {
        for (const index of [0, 1, 2, 2 ** 32, 2 ** 32 + 1, 2 ** 40]) states.add(mixSeed(seed, stream, index));
      }
    }
    expect(states.size).toBe(4 * 4 * 6);
  });
});
