import type { FieldType, Row } from '../field';
import { ExprEvalError, quoteSnippet } from './errors';

type Evaluator = (row: Row) => unknown;

const hasOwn = Object.prototype.hasOwnProperty;

function describeValue(v: unknown): string {
  if (typeof v === 'string') return `the string '${quoteSnippet(v)}'`;
  if (typeof v === 'object') return Array.isArray(v) ? 'an array' : 'an object';
  return `the ${typeof v} ${String(v)}`;
}

/**
 * Reads a field: own properties only (a field named `__proto__` or `constructor` never
 * reaches Object.prototype), missing or undefined as NULL, and a value of the wrong kind
 * (a string in an int field, as raw JSON can hold) as an EVAL_ERROR rather than a wrong answer.
 */
export function compileField(name: string, type: FieldType): Evaluator {
  const wrong = (v: unknown) =>
    new ExprEvalError(`field ${quoteSnippet(`\`${name}\``)} should hold a ${type} but holds ${describeValue(v)}`);
  const read = (row: Row): unknown => {
    if (!hasOwn.call(row, name)) return null;
    const v = row[name];
    return v === undefined ? null : v;
  };
  switch (type) {
    case 'string':
      return (row) => {
        const v = read(row);
        if (v === null || typeof v === 'string') return v;
        throw wrong(v);
      };
    case 'boolean':
      return (row) => {
        const v = read(row);
        if (v === null || typeof v === 'boolean') return v;
        throw wrong(v);
      };
    case 'timestamp':
      return (row) => {
        const v = read(row);
        if (v === null || typeof v === 'number') return v;
        // pipeline-format.md: an input timestamp may also be an ISO-8601 string.
        if (typeof v === 'string') {
          const ms = Date.parse(v);
          if (!Number.isNaN(ms)) return ms;
        }
        if (v instanceof Date && !Number.isNaN(v.getTime())) return v.getTime();
        throw wrong(v);
      };
    default:
      return (row) => {
        const v = read(row);
        if (v === null || typeof v === 'number') return v;
        if (typeof v === 'bigint') return Number(v);
        throw wrong(v);
      };
  }
}
