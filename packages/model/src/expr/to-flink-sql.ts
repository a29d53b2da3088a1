import type { RecordSchema } from '../field';
import type { Expr } from './ast';
import { flinkTypeName } from './casts';
import { formatTimestamp } from './timestamps';
import { typeCheck } from './type-checker';

/**
 * Prints a syntax tree as canonical Flink SQL with the same meaning on Flink as on Weir's
 * runtime: identifiers back-quoted, strings re-escaped, every compound operand in
 * parentheses (so precedence never depends on the reader), DOUBLE literals in exponent
 * form (1.5E0 — a plain 1.5 would be a DECIMAL in Flink), `%` as MOD(a, b) (the `%`
 * operator depends on Flink's SQL conformance level) and `/` left as is: Flink divides
 * INT by INT as integers, exactly as Weir does.
 *
 * Given the input schema, a string literal compared with a timestamp is printed as the
 * TIMESTAMP literal Weir read it as, instead of relying on Flink's implicit cast.
 */
export function exprToFlinkSql(ast: Expr, schema?: RecordSchema): string {
  const timestamps = schema ? typeCheck(ast, schema).info.timestamps : undefined;
  return printer(timestamps)(ast);
}

const SUPPLEMENTARY = /[\uD800-\uDFFF]/;

export function quoteIdentifier(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}

export function quoteString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function printNumber(type: 'int' | 'bigint' | 'double', value: number): string {
  if (type !== 'double') return String(value);
  if (Object.is(value, -0)) return '-0E0';
  const [mantissa, exponent] = value.toExponential().split('e') as [string, string];
  return `${mantissa}E${Number(exponent)}`;
}

/** Operands that need no parentheses wherever they appear. */
function isAtomic(e: Expr): boolean {
  switch (e.kind) {
    case 'literal':
      return !(typeof e.value === 'number' && (e.value < 0 || Object.is(e.value, -0)));
    case 'field':
    case 'call':
    case 'cast':
    case 'extract':
    case 'trim':
    case 'case':
      return true;
    case 'binary':
      // Printed as MOD(a, b).
      return e.op === '%';
    default:
      return false;
  }
}

function printer(timestamps: Map<Expr, number> | undefined): (e: Expr) => string {
  const wrap = (e: Expr): string => (isAtomic(e) ? print(e) : `(${print(e)})`);
  function print(e: Expr): string {
    switch (e.kind) {
      case 'literal':
        switch (e.type) {
          case 'string': {
            const ms = timestamps?.get(e);
            if (ms !== undefined) return `TIMESTAMP '${formatTimestamp(ms)}'`;
            // Flink types '😀' as CHAR(2) (UTF-16 units) but pads by characters, so it can come
            // out as '😀 '; as a STRING it is never padded.
            return SUPPLEMENTARY.test(e.value) ? `CAST(${quoteString(e.value)} AS STRING)` : quoteString(e.value);
          }
          case 'boolean':
            return e.value ? 'TRUE' : 'FALSE';
          case 'null':
            return 'NULL';
          default:
            return printNumber(e.type, e.value);
        }
      case 'field':
        return quoteIdentifier(e.name);
      case 'unary':
        if (e.op === 'NOT') return `NOT ${wrap(e.operand)}`;
        // -(5), not -5: a minus written before a number would be read back as a negative literal.
        return e.operand.kind === 'literal' ? `-(${print(e.operand)})` : `-${wrap(e.operand)}`;
      case 'binary':
        if (e.op === '%') return `MOD(${print(e.left)}, ${print(e.right)})`;
        return `${wrap(e.left)} ${e.op} ${wrap(e.right)}`;
      case 'is':
        return `${wrap(e.operand)} IS ${e.negated ? 'NOT ' : ''}${e.test}`;
      case 'in':
        return `${wrap(e.operand)} ${e.negated ? 'NOT ' : ''}IN (${e.list.map(print).join(', ')})`;
      case 'between':
        return `${wrap(e.operand)} ${e.negated ? 'NOT ' : ''}BETWEEN ${wrap(e.low)} AND ${wrap(e.high)}`;
      case 'like': {
        const escape = e.escape ? ` ESCAPE ${wrap(e.escape)}` : '';
        return `${wrap(e.operand)} ${e.negated ? 'NOT ' : ''}LIKE ${wrap(e.pattern)}${escape}`;
      }
      case 'case': {
        const parts = ['CASE'];
        if (e.subject) parts.push(print(e.subject));
        for (const w of e.whens) parts.push(`WHEN ${print(w.when)} THEN ${print(w.then)}`);
        if (e.otherwise) parts.push(`ELSE ${print(e.otherwise)}`);
        parts.push('END');
        return parts.join(' ');
      }
      case 'cast':
        // CAST('…' AS STRING) is how a literal is printed when it needs it; printing it once keeps output stable.
        if (e.target === 'string' && !e.safe && e.operand.kind === 'literal' && e.operand.type === 'string') return print(e.operand);
        return `${e.safe ? 'TRY_CAST' : 'CAST'}(${print(e.operand)} AS ${flinkTypeName(e.target)})`;
      case 'extract':
        return `EXTRACT(${e.unit} FROM ${print(e.operand)})`;
      case 'trim':
        return `TRIM(${e.mode} ${e.chars ? `${print(e.chars)} ` : ''}FROM ${print(e.operand)})`;
      case 'call':
        if (e.name === 'POSITION') return `POSITION(${wrap(e.args[0] as Expr)} IN ${print(e.args[1] as Expr)})`;
        return `${e.name}(${e.args.map(print).join(', ')})`;
    }
  }

  return print;
}
