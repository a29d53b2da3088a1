import type { Field, FieldType, RecordSchema } from '../field';
import type { Problem, ProblemCode } from '../problem';
import { didYouMean } from '../suggest';

/** Helpers the node kinds share to check field references against an input schema. */

export function problem(code: ProblemCode, field: string | undefined, message: string): Problem {
  return field === undefined ? { code, message } : { code, field, message };
}

export function findField(schema: RecordSchema, name: string): Field | undefined {
  return schema.find((f) => f.name === name);
}

export function fieldNames(schema: RecordSchema): string[] {
  return schema.map((f) => f.name);
}

/**
 * UNKNOWN_FIELD for every name in `names` that the input lacks, e.g.
 * "keyBy field 'categry' is not in the input; did you mean 'category'?".
 */
export function requireFields(
  names: readonly string[],
  input: RecordSchema,
  fieldPath: string,
  what: string,
  inputName = 'the input',
): Problem[] {
  const problems: Problem[] = [];
  names.forEach((name, i) => {
    if (!findField(input, name)) {
      problems.push(problem('UNKNOWN_FIELD', `${fieldPath}.${i}`, `${what} '${name}' is not in ${inputName}${hintFor(name, input)}`));
    }
  });
  return problems;
}

/** DUPLICATE_FIELD for each name that occurs more than once in `names`. */
export function requireDistinct(names: readonly string[], fieldPath: (i: number) => string, what: string): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  names.forEach((name, i) => {
    if (seen.has(name)) problems.push(problem('DUPLICATE_FIELD', fieldPath(i), `${what} '${name}' appears more than once`));
    seen.add(name);
  });
  return problems;
}

export function hintFor(name: string, input: RecordSchema): string {
  const hint = didYouMean(name, fieldNames(input));
  if (hint) return hint;
  return input.length > 0 && input.length <= 8 ? ` (it has ${input.map((f) => f.name).join(', ')})` : '';
}

export const NUMERIC_TYPES: readonly FieldType[] = ['int', 'bigint', 'double'];

export function isNumeric(type: FieldType): boolean {
  return NUMERIC_TYPES.includes(type);
}

/** Two fields can be compared for equality (join keys): the same type, or both numeric (SQL casts implicitly). */
export function comparable(a: FieldType, b: FieldType): boolean {
  if (a === b) return true;
  return isNumeric(a) && isNumeric(b);
}
