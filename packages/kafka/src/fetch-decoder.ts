import { gunzipSync } from 'node:zlib';
import type { RawRecord } from './raw-cluster';

/**
 * A Fetch v11 response decoder for the console's reads. kafkajs' own decoder builds a Long
 * and a string for every offset and timestamp and spreads header objects; reading the bytes
 * directly allocates one object and two buffer views per record, which is what lets a search
 * keep pace with (and outrun) a plain kafkajs consumer.
 */
export interface DecodedPartition {
  partition: number;
  errorCode: number;
  highWatermark: number;
  lastStableOffset: number;
  logStartOffset: number;
  /** Visible records (control records and aborted transactions removed), in offset order. */
  records: RawRecord[];
  /** Offset after the last record of the last complete batch, or -1 when there was none. */
  lastOffset: number;
}

/** A batch compressed with a codec Weir has no decoder for. */
export class UnsupportedCompressionError extends Error {
  override readonly name = 'UnsupportedCompressionError';
  /** Kafka's own name for the condition, as kafkajs errors carry it. */
  readonly type = 'UNSUPPORTED_COMPRESSION_TYPE';
}

const CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];
const NO_HEADERS: Readonly<Record<string, Buffer>> = Object.freeze({});

class Reader {
  constructor(readonly buf: Buffer, public pos = 0) {}

  int8(): number {
    return this.buf.readInt8(this.pos++);
  }
  int16(): number {
    const v = this.buf.readInt16BE(this.pos);
    this.pos += 2;
    return v;
  }
  int32(): number {
    const v = this.buf.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }
  /** Offsets and timestamps fit a double exactly below 2^53. */
  int64(): number {
    const hi = this.buf.readInt32BE(this.pos);
    const lo = this.buf.readUInt32BE(this.pos + 4);
    this.pos += 8;
    return hi * 4294967296 + lo;
  }
  string(): string {
    const len = this.int16();
    const s = this.buf.toString('utf8', this.pos, this.pos + len);
    this.pos += len;
    return s;
  }
  /** Zig-zag varint (records use them for lengths and deltas). */
  varint(): number {
    const buf = this.buf;
    let result = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = buf[this.pos++]!;
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result % 2 === 0 ? result / 2 : -(result + 1) / 2;
  }
}

interface Batch {
  baseOffset: number;
  lastOffset: number;
  attributes: number;
  producerId: number;
  isControl: boolean;
  isTransactional: boolean;
  records: RawRecord[];
  /** For control batches: whether the marker is an abort (control key type 0). */
  abortMarker: boolean;
}

function readRecords(r: Reader, end: number, count: number, baseOffset: number, baseTimestamp: number, logAppendTime: number | null, out: RawRecord[]): boolean {
  const buf = r.buf;
  let abort = false;
  for (let n = 0; n < count && r.pos < end; n++) {
    const length = r.varint();
    const recordEnd = r.pos + length;
    r.pos++; // attributes
    const timestampDelta = r.varint();
    const offsetDelta = r.varint();
    const keyLength = r.varint();
    const key = keyLength < 0 ? null : buf.subarray(r.pos, r.pos + keyLength);
    if (keyLength > 0) r.pos += keyLength;
    const valueLength = r.varint();
    const value = valueLength < 0 ? null : buf.subarray(r.pos, r.pos + valueLength);
    if (valueLength > 0) r.pos += valueLength;
    const headerCount = r.varint();
    let headers: Record<string, Buffer | Buffer[] | undefined> = NO_HEADERS;
    if (headerCount > 0) {
      // No prototype: a header named __proto__ is a header like any other.
      headers = Object.create(null) as Record<string, Buffer | Buffer[] | undefined>;
      for (let h = 0; h < headerCount; h++) {
        const kl = r.varint();
        const name = buf.toString('utf8', r.pos, r.pos + kl);
        r.pos += kl;
        const vl = r.varint();
        const hv = vl < 0 ? Buffer.alloc(0) : buf.subarray(r.pos, r.pos + vl);
        if (vl > 0) r.pos += vl;
        const existing = headers[name];
        headers[name] = existing === undefined ? hv : Array.isArray(existing) ? [...existing, hv] : [existing, hv];
      }
    }
    r.pos = recordEnd;
    // A control record's key: version int16, type int16 (0 abort, 1 commit).
    if (key !== null && key.length >= 4 && key.readInt16BE(2) === 0) abort = true;
    out.push({ offset: baseOffset + offsetDelta, timestamp: logAppendTime ?? baseTimestamp + timestampDelta, key, value, headers });
  }
  return abort;
}

function readBatch(r: Reader, end: number): Batch | null {
  // A fetch may end with part of a batch (maxBytes cut it): that batch is read next time.
  if (end - r.pos < 61) return null;
  const baseOffset = r.int64();
  const batchLength = r.int32();
  const batchEnd = r.pos + batchLength;
  if (batchEnd > end) return null;
  r.pos += 4; // partition leader epoch
  const magic = r.int8();
  if (magic !== 2) throw new Error(`message format v${magic} is not supported (Kafka 0.11+ writes v2)`);
  r.pos += 4; // crc
  const attributes = r.int16();
  const lastOffsetDelta = r.int32();
  const baseTimestamp = r.int64();
  const maxTimestamp = r.int64();
  const producerId = r.int64();
  r.pos += 2 + 4; // producer epoch, base sequence
  const count = r.int32();
  const codec = attributes & 0x07;
  const logAppendTime = attributes & 0x08 ? maxTimestamp : null;
  const records: RawRecord[] = [];
  let abortMarker = false;
  if (codec === 0) {
    abortMarker = readRecords(r, batchEnd, count, baseOffset, baseTimestamp, logAppendTime, records);
  } else if (codec === 1) {
    const inner = new Reader(gunzipSync(r.buf.subarray(r.pos, batchEnd)));
    abortMarker = readRecords(inner, inner.buf.length, count, baseOffset, baseTimestamp, logAppendTime, records);
  } else {
    throw new UnsupportedCompressionError(`a record batch at offset ${baseOffset} is ${CODECS[codec] ?? `codec ${codec}`}-compressed; Weir reads uncompressed and gzip batches only`);
  }
  r.pos = batchEnd;
  return {
    baseOffset,
    lastOffset: baseOffset + lastOffsetDelta,
    attributes,
    producerId,
    isControl: (attributes & 0x20) !== 0,
    isTransactional: (attributes & 0x10) !== 0,
    records,
    abortMarker,
  };
}

/**
 * The visible records of a partition's record batches: control batches dropped, and the
 * batches of aborted transactions (as the fetch's aborted-transactions list names them)
 * dropped, the way Kafka's Java consumer does under read_committed.
 */
function visibleRecords(r: Reader, end: number, aborted: Array<{ producerId: number; firstOffset: number }>): { records: RawRecord[]; lastOffset: number } {
  const out: RawRecord[] = [];
  let lastOffset = -1;
  const pending = [...aborted].sort((a, b) => a.firstOffset - b.firstOffset);
  const abortedProducers = new Set<number>();
  for (;;) {
    const batch = readBatch(r, end);
    if (batch === null) break;
    lastOffset = batch.lastOffset;
    while (pending.length > 0 && pending[0]!.firstOffset <= batch.lastOffset) abortedProducers.add(pending.shift()!.producerId);
    if (batch.isControl) {
      if (batch.abortMarker) abortedProducers.delete(batch.producerId);
      continue;
    }
    if (batch.isTransactional && abortedProducers.has(batch.producerId)) continue;
    for (const rec of batch.records) out.push(rec);
  }
  return { records: out, lastOffset };
}

/** Decodes a Fetch v11 response body (after the correlation id) for one topic's partitions. */
export function decodeFetchV11(raw: Buffer, topic: string): DecodedPartition[] {
  const r = new Reader(raw);
  r.pos += 4; // throttle time
  const errorCode = r.int16();
  if (errorCode !== 0) throw Object.assign(new Error(`Fetch failed with error code ${errorCode}`), { code: errorCode });
  r.pos += 4; // session id
  const out: DecodedPartition[] = [];
  const topics = r.int32();
  for (let t = 0; t < topics; t++) {
    const name = r.string();
    const partitions = r.int32();
    for (let p = 0; p < partitions; p++) {
      const partition = r.int32();
      const code = r.int16();
      const highWatermark = r.int64();
      const lastStableOffset = r.int64();
      const logStartOffset = r.int64();
      const abortedCount = r.int32();
      const aborted: Array<{ producerId: number; firstOffset: number }> = [];
      for (let a = 0; a < abortedCount; a++) aborted.push({ producerId: r.int64(), firstOffset: r.int64() });
      r.pos += 4; // preferred read replica
      const size = r.int32();
      const end = r.pos + Math.max(0, size);
      const read = size > 0 && name === topic ? visibleRecords(r, end, aborted) : { records: [], lastOffset: -1 };
      r.pos = end;
      if (name === topic) out.push({ partition, errorCode: code, highWatermark, lastStableOffset, logStartOffset, records: read.records, lastOffset: read.lastOffset });
    }
  }
  return out;
}
