import { describe, expect, it } from 'vitest';
import { decodeApiVersionsV3, releaseOfMetadataVersion } from './broker-features';
import { decodeDescribeLogDirsV1, topicSizes } from './describe-log-dirs';

function uvarint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return out;
}
const i16 = (n: number) => { const b = Buffer.alloc(2); b.writeInt16BE(n); return [...b]; };
const i32 = (n: number) => { const b = Buffer.alloc(4); b.writeInt32BE(n); return [...b]; };
const i64 = (n: number) => { const b = Buffer.alloc(8); b.writeBigInt64BE(BigInt(n)); return [...b]; };
const compactString = (s: string) => [...uvarint(Buffer.byteLength(s) + 1), ...Buffer.from(s)];
const str = (s: string) => [...i16(Buffer.byteLength(s)), ...Buffer.from(s)];

describe('ApiVersions v3', () => {
  it('reads the finalized features from tagged field 2 and skips the others', () => {
    const feature = [...compactString('metadata.version'), ...i16(27), ...i16(1), 0];
    const finalized = [...uvarint(2), ...feature];
    const epoch = i64(9);
    const body = Buffer.from([
      ...i16(0),
      ...uvarint(3), ...i16(0), ...i16(0), ...i16(11), 0, ...i16(18), ...i16(0), ...i16(4), 0,
      ...i32(0),
      ...uvarint(2),
      ...uvarint(1), ...uvarint(epoch.length), ...epoch,
      ...uvarint(2), ...uvarint(finalized.length), ...finalized,
    ]);
    expect(decodeApiVersionsV3(body)).toEqual({ finalized: { 'metadata.version': 27 }, apiCount: 2 });
  });
});

describe('metadata.version levels', () => {
  it('name the release as kafka-features version-mapping does', () => {
    expect(releaseOfMetadataVersion(7)).toBe('3.3');
    expect(releaseOfMetadataVersion(11)).toBe('3.5');
    expect(releaseOfMetadataVersion(21)).toBe('3.9');
    expect(releaseOfMetadataVersion(25)).toBe('4.0');
    expect(releaseOfMetadataVersion(27)).toBe('4.1');
    expect(releaseOfMetadataVersion(30)).toBe('newer than 4.1');
    expect(releaseOfMetadataVersion(0)).toBeNull();
  });
});

describe('DescribeLogDirs v1', () => {
  it('reads replica sizes per directory and sums them per topic, leaving future replicas out', () => {
    const partition = (p: number, size: number, future: boolean) => [...i32(p), ...i64(size), ...i64(0), future ? 1 : 0];
    const body = Buffer.from([
      ...i32(0),
      ...i32(1),
      ...i16(0), ...str('/var/kafka'),
      ...i32(1), ...str('orders'), ...i32(3), ...partition(0, 100, false), ...partition(1, 50, false), ...partition(1, 999, true),
    ]);
    const decoded = decodeDescribeLogDirsV1(body);
    expect(decoded.dirs).toEqual([{ path: '/var/kafka', errorCode: 0, partitions: [
      { topic: 'orders', partition: 0, size: 100, isFuture: false },
      { topic: 'orders', partition: 1, size: 50, isFuture: false },
      { topic: 'orders', partition: 1, size: 999, isFuture: true },
    ] }]);
    expect(topicSizes([decoded.dirs, decoded.dirs])).toEqual(new Map([['orders', 300]]));
  });
});
