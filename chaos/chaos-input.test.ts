import { describe, expect, it } from 'vitest';
import { compareLines, expectedLines, isMalformed, outputLine, record } from './chaos-input';

describe('chaos input and oracle', () => {
  it('marks 1 % of records malformed and leaves them out of the expected result', () => {
    const bad = Array.from({ length: 10_000 }, (_, i) => i).filter((i) => isMalformed(i, 0.01));
    expect(bad).toHaveLength(100);
    expect(() => JSON.parse(record(bad[0]!, true).value) as unknown).toThrow();
    expect(expectedLines('stateless', 10_000, 0.01)).toHaveLength(9_900);
  });

  it('computes window results per key and second, and counts missing and duplicate lines', () => {
    const lines = expectedLines('window', 1000, 0);
    // 1000 records over 2 s, 16 keys: 32 windows; counts add up to the input.
    expect(lines).toHaveLength(32);
    expect(lines.reduce((n, l) => n + Number(l.split('|')[2]), 0)).toBe(1000);
    expect(outputLine('window', JSON.stringify({ k: 'k1', window_start: 'a', window_end: 'b', n: 3, s: 9 }))).toBe('k1|a|3|9');
    expect(outputLine('window', JSON.stringify({ k: 'end', window_start: 'a', n: 3, s: -3 }))).toBeNull();
    expect(compareLines(['a', 'b', 'b', 'c'], ['a', 'b', 'b', 'b', 'd'])).toEqual({ missing: 1, duplicates: 1, unexpected: 1 });
  });
});
