import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keyExtractor } from './keys';

describe('keyExtractor', () => {
  it('puts every row in one group when there are no key fields', () => {
    const k = keyExtractor([]);
    expect(k.mapKey({ a: 1 })).toBe(k.mapKey({ a: 2 }));
    expect(k.values({ a: 1 })).toEqual([]);
    expect(k.joinKey({})).toBe(k.mapKey({}));
  });

  it('groups NULL with NULL (and a missing field with NULL), and keeps 1 apart from "1"', () => {
    for (const fields of [['a'], ['a', 'b']]) {
      const k = keyExtractor(fields);
      expect(k.mapKey({ a: null, b: 1 })).toBe(k.mapKey({ b: 1 }));
      expect(k.mapKey({ a: 1, b: 1 })).not.toBe(k.mapKey({ a: '1', b: 1 }));
      expect(new Map([[k.mapKey({ a: 0, b: 1 }), 1]]).has(k.mapKey({ a: -0, b: 1 }))).toBe(true);
      expect(k.joinKey({ a: null, b: 1 })).toBeUndefined();
      expect(k.values({ b: 1 })).toEqual(fields.length === 1 ? [null] : [null, 1]);
    }
  });

  it('never confuses two different multi-field keys, and rebuilds keys from values', () => {
    const k = keyExtractor(['a', 'b', 'c']);
    const value = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(fc.tuple(value, value, value), fc.tuple(value, value, value), (x, y) => {
        const rx = { a: x[0], b: x[1], c: x[2] };
        const ry = { a: y[0], b: y[1], c: y[2] };
        const same = x.every((v, i) => Object.is(v, y[i]) || (v === 0 && y[i] === 0));
        expect(k.mapKey(rx) === k.mapKey(ry)).toBe(same);
        expect(k.mapKeyOfValues(k.values(rx))).toBe(k.mapKey(rx));
      }),
      { numRuns: 500 },
    );
    expect(k.mapKey({ a: 'x,y', b: 'z', c: 1 })).not.toBe(k.mapKey({ a: 'x', b: 'y,z', c: 1 }));
    expect(k.mapKey({ a: '1;', b: 's', c: 1 })).not.toBe(k.mapKey({ a: 1, b: ';s', c: 1 }));
  });
});
