import type { FieldType } from '@weir/model/field';

/**
 * Turns a decoded JSON or CSV value into a value of a declared field type
 * (pipeline-format.md, Values), as Flink's JSON and CSV formats are lenient about it:
 * numbers may arrive as numeric text, booleans as 'true'/'false', timestamps as epoch
 * milliseconds or ISO-8601 text (read as UTC when it carries no zone). null and a missing
 * field are NULL. Anything else is a DecodeError naming the field.
 */
export type Coerce = (value: unknown, field: string) => unknown;

export class DecodeError extends Error {
  override readonly name = 'DecodeError';
  constructor(message: string) {
    super(message);
  }
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const INTEGER_TEXT = /^\s*[+-]?\d+\s*$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function fail(field: string, type: string, value: unknown): never {
  throw new DecodeError(`field ${field}: ${show(value)} is not a ${type}`);
}

function integerOf(value: unknown, field: string, type: string): number {
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return value;
    return fail(field, type, value);
  }
  if (typeof value === 'string' && INTEGER_TEXT.test(value)) return Number(value);
  return fail(field, type, value);
}

const toInt: Coerce = (value, field) => {
  if (value === null || value === undefined) return null;
  const n = integerOf(value, field, 'int');
  if (n < INT_MIN || n > INT_MAX) throw new DecodeError(`field ${field}: ${show(value)} is out of the int range`);
  return n;
};

/** bigint: JavaScript numbers hold integers exactly up to 2^53; larger ones lose precision (docs/runtime.md). */
const toBigint: Coerce = (value, field) => {
  if (value === null || value === undefined) return null;
  return integerOf(value, field, 'bigint');
};

const toDouble: Coerce = (value, field) => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === 'NaN') return NaN;
    if (text === 'Infinity' || text === '+Infinity') return Infinity;
    if (text === '-Infinity') return -Infinity;
    const n = text === '' ? NaN : Number(text);
    if (Number.isFinite(n)) return n;
  }
  return fail(field, 'double', value);
};

const toBoolean: Coerce = (value, field) => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 'true') return true;
    if (text === 'false') return false;
  }
  return fail(field, 'boolean', value);
};

const toString: Coerce = (value) => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

/** Epoch milliseconds of a timestamp given as a number or as text. */
export function timestampOf(value: unknown, field: string): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return Math.trunc(value);
    return fail(field, 'timestamp', value);
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (INTEGER_TEXT.test(text)) return Number(text);
    const m = ISO_DATE_TIME.exec(text);
    if (m) {
      // A zone-less date-time is UTC here: the machine's zone must not change the data.
      let iso = text.replace(' ', 'T');
      if (m[1] === undefined && iso.length > 10) iso += 'Z';
      const ms = Date.parse(iso);
      if (Number.isFinite(ms)) return ms;
    }
  }
  return fail(field, 'timestamp (epoch milliseconds or ISO-8601)', value);
}

const toTimestamp: Coerce = timestampOf;

export const COERCE: Record<FieldType, Coerce> = {
  string: toString,
  int: toInt,
  bigint: toBigint,
  double: toDouble,
  boolean: toBoolean,
  timestamp: toTimestamp,
};
