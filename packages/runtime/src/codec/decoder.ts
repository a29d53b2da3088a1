import type { RecordSchema, Row } from '@weir/model/field';
import { COERCE, DecodeError, type Coerce } from './coerce';
import { CsvError, parseCsvRecord } from './csv-parser';

export type SourceFormat = 'json' | 'csv' | 'text';

/**
 * Decodes one Kafka message value into a row of the source's schema: every declared
 * field, in order, and nothing else. Returns null for a message without a value (a
 * tombstone), which carries no row; throws a DecodeError otherwise.
 */
export type Decoder = (value: Buffer | null) => Row | null;

export function createDecoder(format: SourceFormat, schema: RecordSchema): Decoder {
  switch (format) {
    case 'json':
      return jsonDecoder(schema);
    case 'csv':
      return csvDecoder(schema);
    case 'text':
      return textDecoder(schema);
  }
}

function jsonDecoder(schema: RecordSchema): Decoder {
  const names = schema.map((f) => f.name);
  const coerce: Coerce[] = schema.map((f) => COERCE[f.type]);
  const n = names.length;
  return (value) => {
    if (value === null) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value.toString('utf8'));
    } catch (err) {
      throw new DecodeError(`not JSON: ${(err as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new DecodeError(`expected a JSON object, got ${Array.isArray(parsed) ? 'an array' : parsed === null ? 'null' : typeof parsed}`);
    }
    const src = parsed as Record<string, unknown>;
    const row: Row = {};
    for (let i = 0; i < n; i++) {
      const name = names[i]!;
      row[name] = coerce[i]!(src[name], name);
    }
    return row;
  };
}

/** CSV columns are positional: column i is the schema's field i; missing columns are NULL, extra ones ignored. */
function csvDecoder(schema: RecordSchema): Decoder {
  const names = schema.map((f) => f.name);
  const coerce: Coerce[] = schema.map((f) => COERCE[f.type]);
  const n = names.length;
  return (value) => {
    if (value === null) return null;
    let cells: (string | null)[];
    try {
      cells = parseCsvRecord(value.toString('utf8'));
    } catch (err) {
      if (err instanceof CsvError) throw new DecodeError(`not CSV: ${err.message}`);
      throw err;
    }
    const row: Row = {};
    for (let i = 0; i < n; i++) {
      const name = names[i]!;
      row[name] = coerce[i]!(cells[i] ?? null, name);
    }
    return row;
  };
}

/** One string field (`line`, or whatever single field the schema declares) holding the whole value. */
function textDecoder(schema: RecordSchema): Decoder {
  const field = schema[0]?.name ?? 'line';
  return (value) => {
    if (value === null) return null;
    return { [field]: value.toString('utf8') };
  };
}
