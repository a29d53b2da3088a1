import { describe, expect, it } from 'vitest';
import { appendBounded, localInputToIso } from './bounded-window';

describe('appendBounded', () => {
  it('keeps the newest items only, however many arrive', () => {
    expect(appendBounded([1, 2, 3], [4, 5], 4)).toEqual([2, 3, 4, 5]);
    expect(appendBounded([1, 2], [3], 10)).toEqual([1, 2, 3]);
    expect(appendBounded([1], [2, 3, 4, 5, 6], 3)).toEqual([4, 5, 6]);
    let window: number[] = [];
    for (let i = 0; i < 10_000; i++) window = appendBounded(window, [i], 500);
    expect(window).toHaveLength(500);
    expect(window[499]).toBe(9999);
  });
});

describe('localInputToIso', () => {
  it('reads a datetime-local value in the local zone', () => {
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('nonsense')).toBeNull();
    expect(localInputToIso('2026-01-01T10:00')).toBe(new Date(2026, 0, 1, 10, 0).toISOString());
  });
});
