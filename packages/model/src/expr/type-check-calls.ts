import type { FieldType } from '../field';
import type { CallExpr, Expr } from './ast';
import { compileRegex, PatternError } from './patterns';
import { type ExprType, type Inferred, isIntegral, isNumeric } from './expr-types';
import type { Checker } from './type-checker';

const isString = (t: FieldType) => t === 'string';
const isNumber = (t: FieldType) => isNumeric(t);
const isInteger = (t: FieldType) => isIntegral(t);

type Param = [ok: (t: FieldType) => boolean, what: string];
const STRING: Param = [isString, 'a string'];
const INTEGER: Param = [isInteger, 'an integer (int or bigint)'];
const NUMBER: Param = [isNumber, 'a number'];

/** Fixed-type parameters per function; the result type, or a rule for it, comes after. */
const SIGNATURES: Partial<Record<CallExpr['name'], { params: Param[]; rest?: Param; result: FieldType }>> = {
  UPPER: { params: [STRING], result: 'string' },
  LOWER: { params: [STRING], result: 'string' },
  CHAR_LENGTH: { params: [STRING], result: 'int' },
  SUBSTRING: { params: [STRING, INTEGER, INTEGER], result: 'string' },
  CONCAT: { params: [], rest: STRING, result: 'string' },
  REPLACE: { params: [STRING, STRING, STRING], result: 'string' },
  POSITION: { params: [STRING, STRING], result: 'int' },
  REGEXP: { params: [STRING, STRING], result: 'boolean' },
  REGEXP_EXTRACT: { params: [STRING, STRING, INTEGER], result: 'string' },
  POWER: { params: [NUMBER, NUMBER], result: 'double' },
  SQRT: { params: [NUMBER], result: 'double' },
};

function argLabel(name: string, i: number, count: number): string {
  return count === 1 ? name : `argument ${i + 1} of ${name}`;
}

/** Compiles a literal REGEXP pattern now, so a bad one is reported before the pipeline runs. */
function checkPattern(c: Checker, node: CallExpr): boolean {
  const p = node.args[1] as Expr;
  if (p.kind !== 'literal' || p.type !== 'string') return true;
  try {
    c.info.patterns.set(node, compileRegex(p.value));
    return true;
  } catch (e) {
    if (e instanceof PatternError) {
      c.syntax(p, `${e.message} (in ${node.name})`);
      return false;
    }
    throw e;
  }
}

export function checkCall(c: Checker, node: CallExpr): Inferred {
  const ts = c.inferAll(node.args);
  if (ts.includes(undefined)) return undefined;
  const types = ts as ExprType[];
  const name = node.name;
  const sig = SIGNATURES[name];
  if (sig) {
    let ok = true;
    node.args.forEach((arg, i) => {
      const param = sig.params[i] ?? sig.rest;
      if (param) ok = c.expect(arg, types[i], param[0], param[1], argLabel(name, i, node.args.length)) && ok;
    });
    if (ok && (name === 'REGEXP' || name === 'REGEXP_EXTRACT')) ok = checkPattern(c, node);
    return ok ? sig.result : undefined;
  }
  switch (name) {
    case 'ABS':
    case 'FLOOR':
    case 'CEIL':
    case 'ROUND': {
      const t = types[0] as ExprType;
      if (t === 'null') return c.untypedNull(node.args[0] as Expr, name);
      if (!c.expect(node.args[0] as Expr, t, isNumber, 'a number', argLabel(name, 0, node.args.length))) return undefined;
      if (node.args.length === 2 && !c.expect(node.args[1] as Expr, types[1], isInteger, INTEGER[1], argLabel(name, 1, 2))) {
        return undefined;
      }
      return t;
    }
    case 'MOD': {
      const [a, b] = types as [ExprType, ExprType];
      const okA = c.expect(node.args[0] as Expr, a, isInteger, INTEGER[1], argLabel(name, 0, 2));
      const okB = c.expect(node.args[1] as Expr, b, isInteger, INTEGER[1], argLabel(name, 1, 2));
      if (!okA || !okB) return undefined;
      // Flink SQL (SQL:2003): the result has the type of the divisor.
      return b;
    }
    case 'COALESCE':
    case 'GREATEST':
    case 'LEAST': {
      // Flink cannot generate code for a bare NULL among GREATEST's or LEAST's arguments.
      const bare = name === 'COALESCE' ? -1 : types.indexOf('null');
      if (bare >= 0) return c.untypedNull(node.args[bare] as Expr, name);
      const t = c.common(name, node.args.map((n, i) => ({ node: n, type: types[i] as ExprType })));
      if (t === 'null') return c.untypedNull(node.args[0] as Expr, name);
      return t;
    }
    case 'NULLIF': {
      const [a, b] = types as [ExprType, ExprType];
      if (!c.comparable('NULLIF', node.args[0] as Expr, a, node.args[1] as Expr, b)) return undefined;
      return a === 'null' ? b : a;
    }
    default:
      return undefined;
  }
}
