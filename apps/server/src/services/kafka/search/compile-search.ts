import { analyzeExpression, ExprEvalError, referencedFields, type FieldType, type Problem, type RecordSchema } from '@weir/model';
import type { RawRecord } from '@weir/kafka/raw-cluster';
import { COERCE, DecodeError, type Coerce } from '@weir/runtime/codec/coerce';
import { createFieldExtractor } from './json-fields';

export const META = [
  { field: 'key', type: 'string' },
  { field: 'partition', type: 'int' },
  { field: 'offset', type: 'bigint' },
  { field: 'timestamp', type: 'timestamp' },
] as const satisfies ReadonlyArray<{ field: string; type: FieldType }>;
export type MetaField = (typeof META)[number]['field'];

/** Outcome of one message: matched, not matched, or the expression could not be evaluated on it. */
export const NO_MATCH = 0;
export const MATCH = 1;
export const EVAL_ERROR = 2;
export type Outcome = typeof NO_MATCH | typeof MATCH | typeof EVAL_ERROR;

/**
 * The fields a search sees: the value's, then the message's key, partition, offset and
 * timestamp — each under its own name, or with a leading `_` (more when needed) where the
 * value has a field of that name already.
 */
export function searchSchema(valueSchema: RecordSchema): { schema: RecordSchema; metaNames: Record<MetaField, string> } {
  const taken = new Set(valueSchema.map((f) => f.name));
  const metaNames = {} as Record<MetaField, string>;
  const schema: RecordSchema = [...valueSchema];
  for (const m of META) {
    let name: string = m.field;
    while (taken.has(name)) name = `_${name}`;
    taken.add(name);
    metaNames[m.field] = name;
    schema.push({ name, type: m.type });
  }
  return { schema, metaNames };
}

export interface CompiledSearch {
  schema: RecordSchema;
  /** True when the test reads the value (and so parses it). */
  readsValue: boolean;
  /** Evaluates one message. `notJson` is set when the value had to be read and was not a JSON object. */
  test(record: RawRecord, partition: number): Outcome;
  /** Whether the last tested value was not a JSON object (only meaningful when readsValue). */
  lastNotJson(): boolean;
}

export type CompileResult = { ok: true; search: CompiledSearch } | { ok: false; problems: Problem[]; schema: RecordSchema };

/**
 * Builds the predicate of a search: the expression type-checked against the value schema and
 * the message fields, compiled once to closures. A message's value is read only when the
 * expression names a value field, and then only the named fields (json-fields.ts).
 */
export function compileSearch(expression: string, valueSchema: RecordSchema): CompileResult {
  const { schema, metaNames } = searchSchema(valueSchema);
  if (expression.trim() === '') {
    return { ok: true, search: { schema, readsValue: false, test: () => MATCH, lastNotJson: () => false } };
  }
  const analyzed = analyzeExpression(expression, schema, { expect: 'boolean' });
  if (!analyzed.ok || !analyzed.evaluate || !analyzed.ast) return { ok: false, problems: analyzed.problems, schema };
  const evaluate = analyzed.evaluate;
  const refs = new Set(referencedFields(analyzed.ast));
  const valueFields: Array<{ name: string; coerce: Coerce }> = valueSchema
    .filter((f) => refs.has(f.name))
    .map((f) => ({ name: f.name, coerce: COERCE[f.type] }));
  const wants = (m: MetaField) => refs.has(metaNames[m]);
  const keyName = wants('key') ? metaNames.key : null;
  const partitionName = wants('partition') ? metaNames.partition : null;
  const offsetName = wants('offset') ? metaNames.offset : null;
  const timestampName = wants('timestamp') ? metaNames.timestamp : null;
  const readsValue = valueFields.length > 0;
  const extract = createFieldExtractor(valueFields.map((f) => f.name));
  // One row object reused for every message: evaluation is synchronous and reads only these fields.
  const row: Record<string, unknown> = {};
  let notJson = false;

  function test(record: RawRecord, partition: number): Outcome {
    if (readsValue) {
      const values = record.value === null ? null : extract(record.value);
      notJson = values === null;
      try {
        for (let i = 0; i < valueFields.length; i++) {
          const f = valueFields[i]!;
          const v = values === null ? undefined : values[i];
          row[f.name] = v === undefined ? null : f.coerce(v, f.name);
        }
      } catch (err) {
        if (err instanceof DecodeError) return EVAL_ERROR;
        throw err;
      }
    }
    if (keyName !== null) row[keyName] = record.key === null ? null : record.key.toString('utf8');
    if (partitionName !== null) row[partitionName] = partition;
    if (offsetName !== null) row[offsetName] = record.offset;
    if (timestampName !== null) row[timestampName] = record.timestamp;
    try {
      return evaluate(row) === true ? MATCH : NO_MATCH;
    } catch (err) {
      if (err instanceof ExprEvalError) return EVAL_ERROR;
      throw err;
    }
  }

  return { ok: true, search: { schema, readsValue, test, lastNotJson: () => notJson } };
}
