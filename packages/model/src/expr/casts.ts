import type { FieldType } from '../field';
import {
  doubleToBigint, doubleToInt, javaDoubleToString, parseBoolean, parseDouble, parseIntegral,
} from './numbers';
import { formatTimestamp, parseTimestamp } from './timestamps';

/**
 * CAST between the six field types, following Flink 2.x: a value that cannot be converted
 * is a failure (the caller raises EVAL_ERROR, or returns NULL for TRY_CAST).
 */
/** Marks a failed conversion; distinct from null, which is a successful NULL. */
export const CAST_FAILED: unique symbol = Symbol('cast failed');

const NUMERIC = new Set<FieldType>(['int', 'bigint', 'double']);

/** Whether Flink SQL allows CAST from one type to the other. */
export function castAllowed(from: FieldType, to: FieldType): boolean {
  if (from === to || to === 'string' || from === 'string') return true;
  if (NUMERIC.has(from) && NUMERIC.has(to)) return true;
  // BOOLEAN to a number is 1/0; a number to BOOLEAN is "non-zero" (NaN too).
  if (from === 'boolean' && NUMERIC.has(to)) return true;
  if (to === 'boolean' && NUMERIC.has(from)) return true;
  return false;
}

function toStringValue(from: FieldType, v: unknown): string {
  switch (from) {
    case 'double':
      return javaDoubleToString(v as number);
    case 'boolean':
      return v ? 'TRUE' : 'FALSE';
    case 'timestamp':
      return formatTimestamp(v as number);
    default:
      return String(v);
  }
}

function fromString(to: FieldType, s: string): unknown {
  let out: unknown;
  switch (to) {
    case 'int':
      out = parseIntegral(s, 32);
      break;
    case 'bigint':
      out = parseIntegral(s, 64);
      break;
    case 'double':
      out = parseDouble(s);
      break;
    case 'boolean':
      out = parseBoolean(s);
      break;
    case 'timestamp':
      out = parseTimestamp(s);
      break;
    default:
      out = s;
  }
  return out === undefined ? CAST_FAILED : out;
}

/**
 * The conversion of one non-null value; returns CAST_FAILED when the value has no
 * representation in the target type. Assumes castAllowed(from, to).
 */
export function converter(from: FieldType, to: FieldType): (v: unknown) => unknown {
  if (from === to) return (v) => v;
  if (to === 'string') return (v) => toStringValue(from, v);
  if (from === 'string') return (v) => fromString(to, v as string);
  if (from === 'boolean') return (v) => (v ? 1 : 0);
  if (to === 'boolean') return (v) => v !== 0;
  if (to === 'double') return (v) => v;
  if (to === 'int') {
    if (from === 'double') return (v) => doubleToInt(v as number);
    // Java's (int) of a long keeps the low 32 bits.
    return (v) => (v as number) | 0;
  }
  // to bigint
  if (from === 'double') return (v) => doubleToBigint(v as number);
  return (v) => v;
}

/** Flink's SQL name of a field type, as CAST and the generated SQL spell it. */
export function flinkTypeName(t: FieldType): string {
  switch (t) {
    case 'string':
      return 'STRING';
    case 'int':
      return 'INT';
    case 'bigint':
      return 'BIGINT';
    case 'double':
      return 'DOUBLE';
    case 'boolean':
      return 'BOOLEAN';
    case 'timestamp':
      return 'TIMESTAMP(3)';
  }
}
