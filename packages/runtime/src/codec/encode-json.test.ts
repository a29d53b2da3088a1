import { describe, expect, it } from 'vitest';
import type { RecordSchema } from '@weir/model/field';
import { createRowEncoder, createRowToJson } from './encode-json';
import { createKeyEncoder } from './kafka-key';

const SCHEMA: RecordSchema = [
  { name: 'name', type: 'string' },
  { name: 'n', type: 'bigint' },
  { name: 'avg', type: 'double' },
  { name: 'ok', type: 'boolean' },
  { name: 'window_end', type: 'timestamp' },
];
const ROW = { avg: 2.5, name: 'a "q"', n: 3, ok: true, window_end: Date.UTC(2026, 0, 1, 0, 0, 10), extra: 1 };

describe('createRowEncoder', () => {
  it('writes the schema fields in order with ISO-8601 UTC timestamps', () => {
    const text = createRowEncoder(SCHEMA)(ROW);
    expect(text).toBe('{"name":"a \\"q\\"","n":3,"avg":2.5,"ok":true,"window_end":"2026-01-01T00:00:10.000Z"}');
    expect(JSON.parse(text)).toEqual({ name: 'a "q"', n: 3, avg: 2.5, ok: true, window_end: '2026-01-01T00:00:10.000Z' });
  });

  it('writes NULLs, missing fields and non-finite doubles as null', () => {
    expect(createRowEncoder(SCHEMA)({ name: null, avg: NaN })).toBe('{"name":null,"n":null,"avg":null,"ok":null,"window_end":null}');
  });

  it('gives plain JSON data for previews', () => {
    expect(createRowToJson(SCHEMA)(ROW)).toEqual({ name: 'a "q"', n: 3, avg: 2.5, ok: true, window_end: '2026-01-01T00:00:10.000Z' });
  });
});

describe('createKeyEncoder', () => {
  it('has no key without key fields', () => {
    expect(createKeyEncoder(null, SCHEMA)(ROW)).toBeNull();
    expect(createKeyEncoder([], SCHEMA)(ROW)).toBeNull();
  });

  it('writes one field as its text', () => {
    expect(createKeyEncoder(['name'], SCHEMA)(ROW)).toBe('a "q"');
    expect(createKeyEncoder(['n'], SCHEMA)(ROW)).toBe('3');
    expect(createKeyEncoder(['ok'], SCHEMA)(ROW)).toBe('true');
    expect(createKeyEncoder(['window_end'], SCHEMA)(ROW)).toBe('2026-01-01T00:00:10.000Z');
    expect(createKeyEncoder(['name'], SCHEMA)({ name: null })).toBeNull();
  });

  it('writes several fields as a JSON object in key order', () => {
    const key = createKeyEncoder(['window_end', 'name'], SCHEMA)(ROW);
    expect(key).toBe('{"window_end":"2026-01-01T00:00:10.000Z","name":"a \\"q\\""}');
    expect(createKeyEncoder(['n', 'name'], SCHEMA)({ n: null, name: 'x' })).toBe('{"n":null,"name":"x"}');
  });
});

describe('isoTimestamp', () => {
  it('writes exactly what Date.prototype.toISOString writes', async () => {
    const { isoTimestamp } = await import('./encode-json');
    const samples = [0, 1, 999, 1000, 59_999, 86_399_999, 86_400_000, -1, -86_400_001, Date.UTC(2026, 0, 1, 23, 59, 59, 7),
      Date.UTC(1969, 11, 31, 12, 0, 0, 50), 253402300799999, 253402300800000, -62167219200001];
    for (let i = 0; i < 2000; i++) samples.push(Math.floor((Math.sin(i) * 0.5 + 0.5) * 4e12) - 1e12);
    for (const ms of samples) expect(isoTimestamp(ms)).toBe(new Date(ms).toISOString());
  });
});
