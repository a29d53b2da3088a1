// Nexmark's StringsGenerator and PriceGenerator: lower-case strings with an occasional
// separator, `extra` padding that brings a record to an average byte size, and prices
// spread log-uniformly over six decades.
import type { Rng } from '../prng';

const MIN_STRING_LENGTH = 3;
// Appending one-letter strings measured twice as fast as String.fromCharCode over arrays.
const LETTERS = Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i));

/** A string of 3 to maxLength - 1 letters, about one in 13 replaced by `special`, trimmed. */
export function nextString(rng: Rng, maxLength: number, special = ' '): string {
  const len = MIN_STRING_LENGTH + rng.int(maxLength - MIN_STRING_LENGTH);
  let s = '';
  for (let i = 0; i < len; i++) s += rng.int(13) === 0 ? special : LETTERS[rng.int(26)];
  return s.trim();
}

/** Exactly `length` letters, six per random draw as Nexmark does, for cheap padding. */
export function nextExactString(rng: Rng, length: number): string {
  let s = '';
  let rnd = 0;
  let n = 0;
  for (let i = 0; i < length; i++) {
    if (n === 0) {
      rnd = rng.u32();
      n = 6; // 26^6 < 2^32
    }
    s += LETTERS[rnd % 26];
    rnd = Math.floor(rnd / 26);
    n--;
  }
  return s;
}

/** Padding so that records average `desiredAverageSize` bytes (±20 %). */
export function nextExtra(rng: Rng, currentSize: number, desiredAverageSize: number): string {
  if (currentSize > desiredAverageSize) return '';
  const desired = desiredAverageSize - currentSize;
  const delta = Math.round(desired * 0.2);
  const minSize = desired - delta;
  const size = minSize + (delta === 0 ? 0 : rng.int(2 * delta));
  return nextExactString(rng, size);
}

/** A price in cents, log-uniform between $1 and $1,000,000. */
export function nextPrice(rng: Rng): number {
  return Math.round(Math.pow(10, rng.float() * 6) * 100);
}
