// A small seeded PRNG (mulberry32) plus the draws the generators need. Every record gets its
// own generator seeded from (seed, stream, index), so record i never depends on records
// before it: the same seed gives byte-identical records in any order or batch size.

const TWO_POW_32 = 0x1_0000_0000;

/** A 32-bit avalanche mix (the finalizer of MurmurHash3), so nearby inputs give unrelated seeds. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Combines a seed, a stream number (which generator, or which derived table) and a record
 * index of up to 2^53 into one 32-bit state.
 */
export function mixSeed(seed: number, stream: number, index: number): number {
  const lo = index % TWO_POW_32;
  const hi = Math.floor(index / TWO_POW_32);
  let h = fmix32((seed % TWO_POW_32) ^ 0x9e3779b9);
  h = fmix32(h ^ Math.floor(seed / TWO_POW_32));
  h = fmix32(h ^ Math.imul(stream + 1, 0x27d4eb2f));
  h = fmix32(h ^ lo);
  return fmix32(h ^ Math.imul(hi + 1, 0x165667b1));
}

export class Rng {
  private state: number;

  constructor(state: number) {
    this.state = state >>> 0;
  }

  static forRecord(seed: number, stream: number, index: number): Rng {
    return new Rng(mixSeed(seed, stream, index));
  }

  /** An unsigned 32-bit integer (mulberry32). */
  u32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A double in [0, 1) with 53 random bits. */
  float(): number {
    const hi = this.u32() >>> 5; // 27 bits
    const lo = this.u32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** An integer in [0, n) for 0 < n ≤ 2^32, like Java's Random.nextInt(n). */
  int(n: number): number {
    return Math.floor((this.u32() / TWO_POW_32) * n);
  }

  /** An integer in [0, n) for 0 < n ≤ 2^53, like Nexmark's nextLong(random, n). */
  long(n: number): number {
    return n <= TWO_POW_32 ? this.int(n) : Math.floor(this.float() * n);
  }

  bool(): boolean {
    return (this.u32() & 1) === 1;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** Picks by relative weights; `weights` must be positive and as long as `items`. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.float() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i] as number;
      if (r < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  }

  /** A standard normal draw (Box–Muller), for log-normal amounts and latencies. */
  normal(): number {
    const u = 1 - this.float();
    const v = this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
