import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Row } from '@weir/model/field';
import { AggregateSet, type Acc } from './aggregates';
import { aggregateResultType, type AggregateSpec } from '../operators/params';
import { ALL_AGGREGATES, bruteAggregate, rowArb, type Seen } from '../operators/test-support';

const results = (set: AggregateSet, acc: Acc): Row => {
  const out: Row = {};
  set.writeResults(acc, out);
  return out;
};

const expected = (specs: readonly AggregateSpec[], recs: readonly Seen[]): Row =>
  Object.fromEntries(specs.map((s) => [s.as, bruteAggregate(s, recs)]));

const recordsArb = fc
  .array(rowArb({ span: 50, ooo: 0, lateFactor: 1, nullTimes: false }), { maxLength: 60 })
  .map((rows) => rows.map(({ row }, seq): Seen => ({ row, t: row.ts as number, seq })));

describe('AggregateSet', { timeout: 120_000 }, () => {
  it('matches the SQL definition of every function on random data with nulls', () => {
    const set = new AggregateSet(ALL_AGGREGATES);
    fc.assert(
      fc.property(recordsArb, (recs) => {
        const acc = set.create();
        for (const r of recs) set.add(acc, r.row, r.t, r.seq);
        expect(results(set, acc)).toEqual(expected(ALL_AGGREGATES, recs));
      }),
      { numRuns: 300 },
    );
  });

  it('merges partial accumulators, in any order, to the one-pass result', () => {
    const set = new AggregateSet(ALL_AGGREGATES);
    fc.assert(
      fc.property(recordsArb, fc.array(fc.nat(4), { minLength: 60, maxLength: 60 }), fc.boolean(), (recs, part, reverse) => {
        const parts = [0, 1, 2, 3, 4].map(() => set.create());
        recs.forEach((r, i) => set.add(parts[part[i]!]!, r.row, r.t, r.seq));
        const merged = set.create();
        for (const p of reverse ? [...parts].reverse() : parts) set.merge(merged, p);
        expect(results(set, merged)).toEqual(expected(ALL_AGGREGATES, recs));
      }),
      { numRuns: 200 },
    );
  });

  it('gives 0 for counts and NULL for everything else over nothing, or over NULLs only', () => {
    const set = new AggregateSet(ALL_AGGREGATES);
    const empty = results(set, set.create());
    const acc = set.create();
    set.add(acc, { i: null, d: null, s: null, b: null, ts: null }, 5, 0);
    const allNull = results(set, acc);
    for (const spec of ALL_AGGREGATES) {
      const zero = spec.fn === 'count' || spec.fn === 'count_distinct' ? 0 : null;
      expect(empty[spec.as]).toBe(zero);
      expect(allNull[spec.as]).toBe(spec.fn === 'count' && spec.field === undefined ? 1 : zero);
    }
  });

  it('orders first/last by time, ties by arrival, ignoring NULL values', () => {
    const set = new AggregateSet([
      { fn: 'first', field: 'v', as: 'f', inputType: 'string' },
      { fn: 'last', field: 'v', as: 'l', inputType: 'string' },
      { fn: 'first', field: 'n', as: 'fn', inputType: 'double' },
      { fn: 'last', field: 'n', as: 'ln', inputType: 'double' },
    ]);
    const acc = set.create();
    set.add(acc, { v: 'late-arriving-but-earliest', n: 1.5 }, 10, 3);
    set.add(acc, { v: null, n: null }, 1, 4);
    set.add(acc, { v: 'tie-second', n: 7.5 }, 30, 6);
    const other = set.create();
    set.add(other, { v: 'tie-first', n: 2.5 }, 30, 5);
    set.add(other, { v: 'middle', n: 3.5 }, 20, 1);
    set.merge(acc, other);
    expect(results(set, acc)).toEqual({ f: 'late-arriving-but-earliest', l: 'tie-second', fn: 1.5, ln: 7.5 });
  });

  it('orders strings by code point (UTF-8 bytes), as Flink does, not by UTF-16 unit', () => {
    const set = new AggregateSet([
      { fn: 'min', field: 's', as: 'lo', inputType: 'string' },
      { fn: 'max', field: 's', as: 'hi', inputType: 'string' },
    ]);
    const acc = set.create();
    // U+1F600 is a surrogate pair (D83D DE00): below U+FFFD as UTF-16 units, above it as code points.
    for (const s of ['😀', '\uFFFD', 'z']) set.add(acc, { s }, 0, 0);
    expect(results(set, acc)).toEqual({ lo: 'z', hi: '😀' });
  });

  it('survives JSON with non-finite sums and distinct sets', () => {
    const set = new AggregateSet(ALL_AGGREGATES);
    fc.assert(
      fc.property(recordsArb, (recs) => {
        const acc = set.create();
        for (const r of recs) set.add(acc, r.row, r.t, r.seq);
        const back = set.decode(JSON.parse(JSON.stringify(set.encode(acc))));
        expect(results(set, back)).toEqual(results(set, acc));
        // Restored accumulators keep accumulating like the original.
        const extra = { k: 'a', g: 1, i: 7, d: 0.25, s: 'q', b: true, ts: 1 };
        set.add(acc, extra, 1, 999);
        set.add(back, extra, 1, 999);
        expect(results(set, back)).toEqual(results(set, acc));
      }),
      { numRuns: 100 },
    );
    const sums = new AggregateSet([{ fn: 'sum', field: 'd', as: 's', inputType: 'double' }, { fn: 'max', field: 'd', as: 'm', inputType: 'double' }]);
    const acc = sums.create();
    sums.add(acc, { d: Number.MAX_VALUE }, 0, 0);
    sums.add(acc, { d: Number.MAX_VALUE }, 0, 1);
    const back = sums.decode(JSON.parse(JSON.stringify(sums.encode(acc))));
    expect(results(sums, back)).toEqual({ s: Infinity, m: Number.MAX_VALUE });
  });

  it('is invertible only with counts and integer sums or averages, and subtracts exactly', () => {
    const ints = new AggregateSet([{ fn: 'count', as: 'n' }, { fn: 'avg', field: 'i', as: 'a', inputType: 'bigint' }]);
    expect(ints.invertible).toBe(true);
    expect(new AggregateSet([{ fn: 'sum', field: 'd', as: 's', inputType: 'double' }]).invertible).toBe(false);
    expect(new AggregateSet([{ fn: 'count', as: 'n' }, { fn: 'max', field: 'i', as: 'm', inputType: 'int' }]).invertible).toBe(false);
    const [whole, part] = [ints.create(), ints.create()];
    for (const i of [3, null, 5]) ints.add(whole, { i }, 0, 0);
    ints.add(part, { i: 5 }, 0, 0);
    ints.subtract(whole, part);
    expect(results(ints, whole)).toEqual({ n: 2, a: 3 });
    ints.add(part, { i: null }, 0, 0);
    ints.subtract(whole, part);
    expect(results(ints, whole)).toEqual({ n: 0, a: null });
  });

  it('rejects an accumulator of another layout', () => {
    const a = new AggregateSet([{ fn: 'count', as: 'n' }]);
    const b = new AggregateSet([{ fn: 'avg', field: 'x', as: 'a', inputType: 'int' }]);
    expect(() => b.decode(a.encode(a.create()))).toThrow(/BAD_SNAPSHOT/);
  });
});

describe('aggregateResultType', () => {
  it('follows pipeline-format.md', () => {
    expect(aggregateResultType('count', undefined)).toBe('bigint');
    expect(aggregateResultType('count_distinct', 'string')).toBe('bigint');
    expect(aggregateResultType('sum', 'int')).toBe('bigint');
    expect(aggregateResultType('sum', 'bigint')).toBe('bigint');
    expect(aggregateResultType('sum', 'double')).toBe('double');
    expect(aggregateResultType('avg', 'int')).toBe('double');
    for (const t of ['int', 'double', 'string', 'boolean', 'timestamp'] as const) {
      expect(aggregateResultType('min', t)).toBe(t);
      expect(aggregateResultType('max', t)).toBe(t);
      expect(aggregateResultType('first', t)).toBe(t);
      expect(aggregateResultType('last', t)).toBe(t);
    }
  });
});
