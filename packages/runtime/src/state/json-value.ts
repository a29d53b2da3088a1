/**
 * Snapshot encoding of run-time values. Snapshots are JSON, and JSON has no NaN or
 * ±Infinity (a double sum can overflow, a watermark starts at −∞), so non-finite
 * numbers travel as `{ "$n": "NaN" | "Infinity" | "-Infinity" }`. Record values are
 * primitives, so a tagged object can never be confused with a real value.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function encodeNumber(n: number): Json {
  return Number.isFinite(n) ? n : { $n: String(n) };
}

export function decodeNumber(json: unknown): number {
  if (typeof json === 'number') return json;
  if (typeof json === 'object' && json !== null && typeof (json as { $n?: unknown }).$n === 'string') {
    return Number((json as { $n: string }).$n);
  }
  throw new SnapshotError(`expected a number, got ${JSON.stringify(json)}`);
}

/** A record value: string | number | boolean | null (undefined, a missing field, is null). */
export function encodeValue(v: unknown): Json {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return encodeNumber(v);
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  throw new SnapshotError(`cannot snapshot a value of type ${typeof v}`);
}

export function decodeValue(json: unknown): unknown {
  if (typeof json === 'object' && json !== null) return decodeNumber(json);
  return json;
}

export function encodeValues(values: readonly unknown[]): Json[] {
  const out = new Array<Json>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = encodeValue(values[i]);
  return out;
}

export function decodeValues(json: unknown): unknown[] {
  return asArray(json).map(decodeValue);
}

export function asArray(json: unknown): unknown[] {
  if (!Array.isArray(json)) throw new SnapshotError(`expected an array, got ${JSON.stringify(json)}`);
  return json;
}

/** A snapshot that does not have the shape its operator writes. */
export class SnapshotError extends Error {
  readonly code = 'BAD_SNAPSHOT';
  constructor(message: string) {
    super(`BAD_SNAPSHOT: ${message}`);
    this.name = 'SnapshotError';
  }
}
