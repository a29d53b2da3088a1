import { describe, expect, it } from 'vitest';
import { inferSchema } from './infer-schema';

const json = (v: unknown) => Buffer.from(JSON.stringify(v));

describe('inferSchema', () => {
  it('types fields from what the sample holds, in first-seen order', () => {
    const r = inferSchema([
      json({ order_id: 'o-1', amount: 12, category: 'toys', ts: '2026-01-01T00:00:00.000Z', paid: true, meta: { a: 1 } }),
      json({ order_id: 'o-2', amount: 7.5, category: null, ts: '2026-01-01T00:00:01.000Z', paid: false, extra: 3 }),
    ]);
    expect(r.schema).toEqual([
      { name: 'order_id', type: 'string' },
      { name: 'amount', type: 'double' },
      { name: 'category', type: 'string' },
      { name: 'ts', type: 'timestamp' },
      { name: 'paid', type: 'boolean' },
      { name: 'extra', type: 'bigint' },
    ]);
    expect(r.sampled).toBe(2);
    expect(r.notJson).toBe(0);
  });

  it('counts values that are not JSON objects and reads strings mixed with numbers as strings', () => {
    const r = inferSchema([Buffer.from('plain text'), null, json([1, 2]), json({ x: 1 }), json({ x: 'one' })]);
    expect(r.notJson).toBe(3);
    expect(r.schema).toEqual([{ name: 'x', type: 'string' }]);
  });

  it('reads epoch milliseconds under a time-like name as a timestamp, and other whole numbers as bigint', () => {
    const r = inferSchema([json({ dateTime: 1436918400000, created_at: 1767225600000, count: 1436918400000, id: 5 })]);
    expect(r.schema).toEqual([
      { name: 'dateTime', type: 'timestamp' },
      { name: 'created_at', type: 'timestamp' },
      { name: 'count', type: 'bigint' },
      { name: 'id', type: 'bigint' },
    ]);
    expect(inferSchema([json({ ts: 1436918400000 }), json({ ts: 12 })]).schema).toEqual([{ name: 'ts', type: 'bigint' }]);
  });

  it('leaves out fields seen only as null, and keeps __proto__ as a plain field name', () => {
    const r = inferSchema([Buffer.from('{"n": null, "__proto__": 5}')]);
    expect(r.schema).toEqual([{ name: '__proto__', type: 'bigint' }]);
  });
});
