import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFetchV11, UnsupportedCompressionError } from './fetch-decoder';

// kafkajs' own record batch encoder (what its producer sends) makes the bytes to decode.
const require = createRequire(import.meta.url);
const root = join(dirname(require.resolve('kafkajs/package.json')), 'src', 'protocol');
const { RecordBatch } = require(join(root, 'recordBatch/v0')) as { RecordBatch: (args: Record<string, unknown>) => Promise<{ buffer: Buffer }> };
const Record = require(join(root, 'recordBatch/record/v0')) as (args: Record<string, unknown>) => unknown;

interface Rec {
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  gap: number;
  dt: number;
}

async function batchBytes(baseOffset: number, baseTime: number, recs: Rec[], compression: 0 | 1): Promise<Buffer> {
  let delta = 0;
  const records = recs.map((r) => {
    const rec = Record({ offsetDelta: delta, timestampDelta: r.dt, key: r.key === null ? null : Buffer.from(r.key), value: r.value, headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, Buffer.from(v)])) });
    delta += 1 + r.gap;
    return rec;
  });
  const lastOffsetDelta = recs.length === 0 ? 0 : delta - 1 - recs[recs.length - 1]!.gap;
  const enc = await RecordBatch({ compression, firstOffset: String(baseOffset), firstTimestamp: baseTime, maxTimestamp: baseTime, lastOffsetDelta, records });
  return enc.buffer;
}

function fetchResponse(topic: string, partitions: Array<{ partition: number; high: number; records: Buffer }>): Buffer {
  const parts: Buffer[] = [];
  const i16 = (n: number) => { const b = Buffer.alloc(2); b.writeInt16BE(n); return b; };
  const i32 = (n: number) => { const b = Buffer.alloc(4); b.writeInt32BE(n); return b; };
  const i64 = (n: number) => { const b = Buffer.alloc(8); b.writeBigInt64BE(BigInt(n)); return b; };
  parts.push(i32(0), i16(0), i32(0), i32(1), i16(Buffer.byteLength(topic)), Buffer.from(topic), i32(partitions.length));
  for (const p of partitions) parts.push(i32(p.partition), i16(0), i64(p.high), i64(p.high), i64(0), i32(-1), i32(-1), i32(p.records.length), p.records);
  return Buffer.concat(parts);
}

const recArb = fc.record({
  key: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
  value: fc.option(fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)), { nil: null }),
  headers: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 10 }), { maxKeys: 3 }),
  gap: fc.nat(3),
  dt: fc.nat(100_000),
});

describe('decodeFetchV11', () => {
  it('decodes what kafkajs encodes: offsets, timestamps, keys, values and headers, plain or gzip', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(recArb, { minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 4 }), fc.constantFrom<0 | 1>(0, 1), fc.nat(1_000_000), async (batches, compression, base) => {
        const bytes: Buffer[] = [];
        const expected: Array<{ offset: number; timestamp: number; key: string | null; value: Buffer | null; headers: Record<string, string> }> = [];
        let offset = base;
        const t0 = 1_767_225_600_000;
        for (const recs of batches) {
          bytes.push(await batchBytes(offset, t0, recs, compression));
          let o = offset;
          for (const r of recs) {
            expected.push({ offset: o, timestamp: t0 + r.dt, key: r.key, value: r.value, headers: r.headers });
            o += 1 + r.gap;
          }
          offset = o;
        }
        const [p] = decodeFetchV11(fetchResponse('t', [{ partition: 3, high: offset, records: Buffer.concat(bytes) }]), 't');
        expect(p!.partition).toBe(3);
        expect(p!.highWatermark).toBe(offset);
        expect(p!.records.map((r) => ({
          offset: r.offset, timestamp: r.timestamp, key: r.key === null ? null : r.key.toString(), value: r.value === null ? null : Buffer.from(r.value),
          headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, (v as Buffer).toString()])),
        }))).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('stops before a batch the fetch cut short, and reports offsets past 2^32 exactly', async () => {
    const first = await batchBytes(5_000_000_000, 0, [{ key: 'a', value: Buffer.from('1'), headers: {}, gap: 0, dt: 0 }], 0);
    const second = await batchBytes(5_000_000_001, 0, [{ key: 'b', value: Buffer.from('2'), headers: {}, gap: 0, dt: 0 }], 0);
    const cut = Buffer.concat([first, second.subarray(0, second.length - 3)]);
    const [p] = decodeFetchV11(fetchResponse('t', [{ partition: 0, high: 5_000_000_002, records: cut }]), 't');
    expect(p!.records.map((r) => r.offset)).toEqual([5_000_000_000]);
    expect(p!.lastOffset).toBe(5_000_000_000);
  });

  it('refuses codecs it cannot read, naming them', async () => {
    const batch = await batchBytes(0, 0, [{ key: null, value: Buffer.from('x'), headers: {}, gap: 0, dt: 0 }], 0);
    // Mark the batch snappy (attributes are at byte 21 of a batch) without compressing it.
    const snappy = Buffer.from(batch);
    snappy.writeInt16BE(2, 21);
    expect(() => decodeFetchV11(fetchResponse('t', [{ partition: 0, high: 1, records: snappy }]), 't')).toThrow(UnsupportedCompressionError);
    expect(() => decodeFetchV11(fetchResponse('t', [{ partition: 0, high: 1, records: snappy }]), 't')).toThrow(/snappy/);
  });

  it('keeps a header named __proto__ as a header', async () => {
    const batch = await batchBytes(0, 0, [{ key: null, value: null, headers: { ['__proto__']: 'x', other: 'y' }, gap: 0, dt: 0 }], 0);
    const [p] = decodeFetchV11(fetchResponse('t', [{ partition: 0, high: 1, records: batch }]), 't');
    expect(Object.keys(p!.records[0]!.headers).sort()).toEqual(['__proto__', 'other']);
  });

  it('leaves out partitions of other topics', () => {
    expect(decodeFetchV11(fetchResponse('other', [{ partition: 0, high: 0, records: Buffer.alloc(0) }]), 't')).toEqual([]);
  });
});
