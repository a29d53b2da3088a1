import { describe, expect, it } from 'vitest';
import type { RawRecord } from '@weir/kafka/raw-cluster';
import { compileSearch, EVAL_ERROR, MATCH, NO_MATCH, searchSchema } from './compile-search';

const schema = [
  { name: 'amount', type: 'double' as const },
  { name: 'category', type: 'string' as const },
  { name: 'ts', type: 'timestamp' as const },
];

function rec(value: unknown, extra: Partial<RawRecord> = {}): RawRecord {
  return {
    offset: 5, timestamp: Date.UTC(2026, 0, 1), key: Buffer.from('k-1'), headers: {},
    value: value === null ? null : Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
    ...extra,
  };
}

function compiled(expression: string, s = schema) {
  const r = compileSearch(expression, s);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.search;
}

describe('compileSearch', () => {
  it('matches only where the expression is TRUE', () => {
    const s = compiled("amount > 100 AND category = 'toys'");
    expect(s.test(rec({ amount: 150, category: 'toys' }), 0)).toBe(MATCH);
    expect(s.test(rec({ amount: 50, category: 'toys' }), 0)).toBe(NO_MATCH);
    expect(s.test(rec({ amount: 150 }), 0)).toBe(NO_MATCH);
    expect(s.test(rec({ amount: '150.5', category: 'toys' }), 0)).toBe(MATCH);
  });

  it('offers key, partition, offset and timestamp', () => {
    const s = compiled("key = 'k-1' AND partition = 2 AND offset >= 5 AND timestamp >= '2026-01-01'");
    expect(s.test(rec({}), 2)).toBe(MATCH);
    expect(s.test(rec({}), 1)).toBe(NO_MATCH);
    expect(s.readsValue).toBe(false);
    expect(s.test(rec({}, { key: null }), 2)).toBe(NO_MATCH);
  });

  it('renames the message fields a value field shadows', () => {
    const { schema: all, metaNames } = searchSchema([{ name: 'key', type: 'string' }, { name: '_key', type: 'string' }]);
    expect(metaNames.key).toBe('__key');
    expect(all.map((f) => f.name)).toEqual(['key', '_key', '__key', 'partition', 'offset', 'timestamp']);
    const s = compiled("key = 'from-value' AND _key = 'k-1'", [{ name: 'key', type: 'string' }]);
    expect(s.test(rec({ key: 'from-value' }), 0)).toBe(MATCH);
    expect(s.test(rec({ key: 'other' }), 0)).toBe(NO_MATCH);
    expect(compiled("__key = 'k-1'", [{ name: 'key', type: 'string' }, { name: '_key', type: 'string' }]).test(rec({}), 0)).toBe(MATCH);
  });

  it('does not match values that are not JSON objects, and says so', () => {
    const s = compiled('amount > 1');
    expect(s.test(rec('not json'), 0)).toBe(NO_MATCH);
    expect(s.lastNotJson()).toBe(true);
    expect(s.test(rec([1, 2]), 0)).toBe(NO_MATCH);
    expect(s.test(rec(null), 0)).toBe(NO_MATCH);
    expect(s.test(rec({ amount: 2 }), 0)).toBe(MATCH);
    expect(s.lastNotJson()).toBe(false);
  });

  it('counts a value of the wrong type as an evaluation error, not a match', () => {
    const s = compiled('amount > 1');
    expect(s.test(rec({ amount: 'lots' }), 0)).toBe(EVAL_ERROR);
    expect(compiled("CAST(category AS INT) > 1").test(rec({ category: 'abc' }), 0)).toBe(EVAL_ERROR);
  });

  it('reads own properties only', () => {
    const s = compiled('constructor IS NULL', [{ name: 'constructor', type: 'string' }]);
    expect(s.test(rec({}), 0)).toBe(MATCH);
  });

  it('matches everything when the expression is empty, and reports problems with positions', () => {
    expect(compiled('  ').test(rec('x'), 0)).toBe(MATCH);
    const bad = compileSearch('amount > ', schema);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatchObject({ code: 'EXPR_SYNTAX', line: 1 });
    const unknown = compileSearch('amout > 1', schema);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.problems[0]!.message).toMatch(/amount/);
    const notBool = compileSearch('amount + 1', schema);
    expect(notBool.ok).toBe(false);
    if (!notBool.ok) expect(notBool.problems[0]!.code).toBe('TYPE_MISMATCH');
  });
});
