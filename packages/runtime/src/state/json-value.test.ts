import { describe, expect, it } from 'vitest';
import { decodeNumber, decodeValue, encodeNumber, encodeValue } from './json-value';

describe('snapshot values', () => {
  it('carry non-finite numbers through JSON', () => {
    for (const n of [NaN, Infinity, -Infinity, 0, -1.5, 1e300]) {
      expect(decodeNumber(JSON.parse(JSON.stringify(encodeNumber(n))))).toBe(n);
      expect(decodeValue(JSON.parse(JSON.stringify(encodeValue(n))))).toBe(n);
    }
  });

  it('keep primitives and turn a missing value into NULL', () => {
    for (const v of ['', 'NaN', true, false, null, 42]) expect(decodeValue(JSON.parse(JSON.stringify(encodeValue(v))))).toBe(v);
    expect(encodeValue(undefined)).toBeNull();
  });

  it('refuse what is not a record value or a number', () => {
    expect(() => encodeValue({})).toThrow(/BAD_SNAPSHOT/);
    expect(() => decodeNumber('1')).toThrow(/BAD_SNAPSHOT/);
  });
});
