import { describe, expect, it } from 'vitest';
import { canonicalRows, canonicalText, canonicalValue } from './canonical';

describe('canonical rows', () => {
  it('writes timestamps as UTC ISO-8601 with milliseconds, whatever their spelling', () => {
    expect(canonicalValue('2026-01-01T02:00:10+02:00')).toBe('2026-01-01T00:00:10.000Z');
    expect(canonicalValue('2026-01-01 00:00:10.5')).toBe('2026-01-01T00:00:10.500Z');
    expect(canonicalValue('not a time')).toBe('not a time');
  });

  it('compares doubles to 12 significant digits and keeps integers', () => {
    expect(canonicalValue(0.1 + 0.2)).toBe(0.3);
    expect(canonicalValue(74.99000000000001)).toBe(74.99);
    expect(canonicalValue(9007199254740991)).toBe(9007199254740991);
  });

  it('sorts object keys and rows, so sets of rows compare as sets', () => {
    expect(canonicalText('{"b":1,"a":{"d":2,"c":null}}')).toBe('{"a":{"c":null,"d":2},"b":1}');
    expect(canonicalRows([{ x: 2 }, { x: 1 }])).toEqual(canonicalRows([{ x: 1 }, { x: 2 }]));
    expect(canonicalRows([{ x: 1 }, { x: 1 }])).not.toEqual(canonicalRows([{ x: 1 }]));
  });
});
