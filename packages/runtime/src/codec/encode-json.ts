import type { RecordSchema, Row } from '@weir/model/field';

/**
 * Writes a row as the JSON object sinks produce (pipeline-format.md, Values): the
 * schema's fields in order, timestamps as ISO-8601 UTC with milliseconds. The text is
 * assembled from precomputed pieces rather than through an intermediate object, since
 * it runs once per output record. Non-finite doubles, which JSON cannot carry, are null.
 */
export type RowEncoder = (row: Row) => string;

const DAY_MS = 86_400_000;
let cachedDay = NaN;
let cachedPrefix = '';

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/**
 * `new Date(ms).toISOString()`, faster for the common case of many timestamps on one day
 * (one output record often carries two): the date part is formatted once per day.
 * Years outside 0000–9999 take the general path.
 */
export function isoTimestamp(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  if (day !== cachedDay) {
    const iso = new Date(ms).toISOString();
    if (iso.length !== 24) return iso;
    cachedDay = day;
    cachedPrefix = iso.slice(0, 11);
  }
  let rest = ms - day * DAY_MS;
  const milli = rest % 1000;
  rest = (rest - milli) / 1000;
  const sec = rest % 60;
  rest = (rest - sec) / 60;
  const min = rest % 60;
  const hour = (rest - min) / 60;
  return `${cachedPrefix}${pad2(hour)}:${pad2(min)}:${pad2(sec)}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
}

export function jsonValue(value: unknown, isTimestamp: boolean): string {
  if (value === null || value === undefined) return 'null';
  if (isTimestamp && typeof value === 'number') return Number.isFinite(value) ? `"${isoTimestamp(value)}"` : 'null';
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return JSON.stringify(value) ?? 'null';
  }
}

export function createRowEncoder(schema: RecordSchema): RowEncoder {
  const names = schema.map((f) => f.name);
  const prefixes = schema.map((f, i) => `${i === 0 ? '{' : ','}${JSON.stringify(f.name)}:`);
  const timestamps = schema.map((f) => f.type === 'timestamp');
  const n = names.length;
  if (n === 0) return () => '{}';
  return (row) => {
    let s = '';
    for (let i = 0; i < n; i++) s += prefixes[i]! + jsonValue(row[names[i]!], timestamps[i]!);
    return s + '}';
  };
}

/**
 * A row as plain JSON data (the preview sink's rows, PostgreSQL parameters): timestamps
 * become ISO-8601 strings, everything else stays as it is.
 */
export function createRowToJson(schema: RecordSchema): (row: Row) => Record<string, unknown> {
  const fields = schema.map((f) => ({ name: f.name, ts: f.type === 'timestamp' }));
  return (row) => {
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      const v = row[f.name] ?? null;
      out[f.name] = f.ts && typeof v === 'number' && Number.isFinite(v) ? isoTimestamp(v) : v;
    }
    return out;
  };
}
