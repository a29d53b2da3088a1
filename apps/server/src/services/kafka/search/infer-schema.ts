import type { FieldType, RecordSchema } from '@weir/model';

// ISO-8601 dates and date-times as JSON carries them (what the runtime reads as timestamps).
const ISO = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;

// Whole numbers in this range (2000–2100 in epoch ms) under a time-like name are read as timestamps.
const EPOCH_MS_MIN = 946_684_800_000;
const EPOCH_MS_MAX = 4_102_444_800_000;
const TIME_NAME = /(time|date|^ts$|_ts$|At$|_at$)/i;

type Seen = 'string' | 'timestamp' | 'integer' | 'epoch' | 'double' | 'boolean';

function kindOf(v: unknown, name: string): Seen | null {
  if (typeof v === 'string') return ISO.test(v) ? 'timestamp' : 'string';
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return 'double';
    return v >= EPOCH_MS_MIN && v <= EPOCH_MS_MAX && TIME_NAME.test(name) ? 'epoch' : 'integer';
  }
  if (typeof v === 'boolean') return 'boolean';
  // null says nothing about the type; nested objects and arrays cannot be named in an expression.
  return null;
}

function typeOf(kinds: ReadonlySet<Seen>): FieldType {
  if (kinds.size === 1) {
    const [k] = kinds;
    if (k === 'integer') return 'bigint';
    if (k === 'epoch') return 'timestamp';
    return k as FieldType;
  }
  if ([...kinds].every((k) => k === 'integer' || k === 'epoch')) return 'bigint';
  if ([...kinds].every((k) => k === 'integer' || k === 'epoch' || k === 'double')) return 'double';
  if ([...kinds].every((k) => k === 'string' || k === 'timestamp')) return 'string';
  // Mixed kinds compare as text (numbers and booleans read as strings).
  return 'string';
}

export interface InferredSchema {
  schema: RecordSchema;
  sampled: number;
  /** Sampled values that were not JSON objects. */
  notJson: number;
}

/**
 * The value fields of a sample of JSON messages, in first-seen order: whole numbers are
 * bigint (timestamp when the name looks like a time and every value is epoch milliseconds
 * between 2000 and 2100), fractions (or a mix) double, ISO-8601 text timestamp, true/false
 * boolean, other text string; a field seen with unrelated kinds is a string. Nested objects are left out.
 */
export function inferSchema(values: ReadonlyArray<Buffer | null>): InferredSchema {
  const kinds = new Map<string, Set<Seen>>();
  let notJson = 0;
  for (const buf of values) {
    let obj: unknown;
    try {
      obj = buf === null ? null : JSON.parse(buf.toString('utf8'));
    } catch {
      obj = null;
    }
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
      notJson++;
      continue;
    }
    for (const [name, v] of Object.entries(obj)) {
      let set = kinds.get(name);
      if (!set) {
        set = new Set();
        kinds.set(name, set);
      }
      const k = kindOf(v, name);
      if (k) set.add(k);
    }
  }
  const schema: RecordSchema = [];
  for (const [name, set] of kinds) if (set.size > 0) schema.push({ name, type: typeOf(set) });
  return { schema, sampled: values.length, notJson };
}
