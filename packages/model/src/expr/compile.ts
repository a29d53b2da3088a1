import type { FieldType, RecordSchema, Row } from '../field';
import type { ArithmeticOp, BinaryExpr, Expr } from './ast';
import { CAST_FAILED, converter, flinkTypeName } from './casts';
import { compileCall } from './compile-calls';
import { ExprEvalError, quoteSnippet } from './errors';
import { compileCase, compileIn, compileLike, negate } from './compile-predicates';
import { compileField } from './read-field';
import type { ExprType } from './expr-types';
import { bigintAdd, bigintDiv, bigintMul, bigintSub, intDiv, integerRem } from './numbers';
import { trimSql } from './strings';
import { comparator } from './comparison';
import { civilFromMillis } from './timestamps';
import { exprToFlinkSql } from './to-flink-sql';
import { type TypeInfo, typeCheck } from './type-checker';

export type Evaluator = (row: Row) => unknown;

/** Everything a node's compiler needs: the types from checking, and how to compile children. */
export interface CompileContext {
  info: TypeInfo;
  build: (node: Expr) => Evaluator;
  typeOf: (node: Expr) => ExprType;
  /** An EVAL_ERROR naming the failing part of the expression. */
  fail: (node: Expr, message: string) => ExprEvalError;
}

function describe(node: Expr): string {
  return quoteSnippet(exprToFlinkSql(node), 80);
}

type Num2 = (a: number, b: number) => number;

function arithmetic(ctx: CompileContext, node: BinaryExpr, op: ArithmeticOp, type: ExprType): Evaluator {
  const l = ctx.build(node.left);
  const r = ctx.build(node.right);
  let f: Num2;
  let zeroCheck = false;
  if (type === 'double') {
    const ops: Record<string, Num2> = { '+': (a, b) => a + b, '-': (a, b) => a - b, '*': (a, b) => a * b, '/': (a, b) => a / b };
    f = ops[op] as Num2;
  } else if (type === 'int' && op !== '%') {
    const ops: Record<string, Num2> = { '+': (a, b) => (a + b) | 0, '-': (a, b) => (a - b) | 0, '*': Math.imul, '/': intDiv };
    f = ops[op] as Num2;
    zeroCheck = op === '/';
  } else {
    const ops: Record<string, Num2> = { '+': bigintAdd, '-': bigintSub, '*': bigintMul, '/': bigintDiv, '%': integerRem };
    f = ops[op] as Num2;
    zeroCheck = op === '/' || op === '%';
  }
  if (!zeroCheck) {
    return (row) => {
      const a = l(row);
      const b = r(row);
      return a === null || b === null ? null : f(a as number, b as number);
    };
  }
  return (row) => {
    const a = l(row);
    const b = r(row);
    if (a === null || b === null) return null;
    if (b === 0) throw ctx.fail(node, op === '%' ? 'remainder of division by zero' : 'integer division by zero');
    return f(a as number, b as number);
  };
}

/** The type two compared operands are compared as (a NULL side takes the other's). */
function comparisonType(ctx: CompileContext, a: Expr, b: Expr): ExprType {
  const ta = ctx.typeOf(a);
  const tb = ctx.typeOf(b);
  if (ta === 'string' || tb === 'string') return ta === 'timestamp' || tb === 'timestamp' ? 'timestamp' : 'string';
  return ta === 'null' ? tb : ta;
}

function and3(a: unknown, b: () => unknown): unknown {
  if (a === false) return false;
  const y = b();
  if (y === false) return false;
  return a === null || y === null ? null : true;
}

function compileBinary(ctx: CompileContext, node: BinaryExpr): Evaluator {
  const op = node.op;
  const type = ctx.typeOf(node);
  if (op === '+' || op === '-' || op === '*' || op === '/' || op === '%') return arithmetic(ctx, node, op, type);
  const l = ctx.build(node.left);
  const r = ctx.build(node.right);
  if (op === 'AND') return (row) => and3(l(row), () => r(row));
  if (op === 'OR') {
    return (row) => {
      const a = l(row);
      if (a === true) return true;
      const b = r(row);
      if (b === true) return true;
      return a === null || b === null ? null : false;
    };
  }
  if (op === '||') {
    return (row) => {
      const a = l(row);
      const b = r(row);
      return a === null || b === null ? null : (a as string) + (b as string);
    };
  }
  const cmp = comparator(op, comparisonType(ctx, node.left, node.right));
  return (row) => {
    const a = l(row);
    const b = r(row);
    return a === null || b === null ? null : cmp(a, b);
  };
}

function compileCast(ctx: CompileContext, node: Extract<Expr, { kind: 'cast' }>): Evaluator {
  const from = ctx.typeOf(node.operand);
  const x = ctx.build(node.operand);
  if (from === 'null') return x;
  const convert = converter(from, node.target);
  const fn = node.safe ? 'TRY_CAST' : 'CAST';
  return (row) => {
    const v = x(row);
    if (v === null) return null;
    const out = convert(v);
    if (out !== CAST_FAILED) return out;
    if (node.safe) return null;
    const shown = typeof v === 'string' ? `'${quoteSnippet(v)}'` : String(v);
    throw ctx.fail(node, `${fn} cannot convert ${shown} to ${flinkTypeName(node.target)}`);
  };
}

function build(ctx: CompileContext, node: Expr): Evaluator {
  switch (node.kind) {
    case 'literal': {
      const ts = ctx.info.timestamps.get(node);
      const v = ts ?? node.value;
      return () => v;
    }
    case 'field':
      return compileField(node.name, ctx.typeOf(node) as FieldType);
    case 'unary': {
      const x = ctx.build(node.operand);
      if (node.op === 'NOT') return negate(x, true);
      const t = ctx.typeOf(node);
      const neg = t === 'int' ? (a: number) => -a | 0 : t === 'bigint' ? (a: number) => bigintSub(0, a) : (a: number) => -a;
      return (row) => {
        const v = x(row);
        return v === null ? null : neg(v as number);
      };
    }
    case 'binary':
      return compileBinary(ctx, node);
    case 'is': {
      const x = ctx.build(node.operand);
      const want = node.test === 'NULL' ? null : node.test === 'TRUE';
      return node.negated ? (row) => x(row) !== want : (row) => x(row) === want;
    }
    case 'in':
      return compileIn(ctx, node);
    case 'between': {
      const [x, lo, hi] = [node.operand, node.low, node.high].map((n) => ctx.build(n)) as [Evaluator, Evaluator, Evaluator];
      const ge = comparator('>=', comparisonType(ctx, node.operand, node.low));
      const le = comparator('<=', comparisonType(ctx, node.operand, node.high));
      return negate((row) => {
        const v = x(row);
        const a = lo(row);
        const b = hi(row);
        const first = v === null || a === null ? null : ge(v, a);
        return and3(first, () => (v === null || b === null ? null : le(v, b)));
      }, node.negated);
    }
    case 'like':
      return compileLike(ctx, node);
    case 'case':
      return compileCase(ctx, node);
    case 'cast':
      return compileCast(ctx, node);
    case 'extract': {
      const x = ctx.build(node.operand);
      const unit = node.unit.toLowerCase() as 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';
      return (row) => {
        const v = x(row);
        if (v === null) return null;
        if (!Number.isFinite(v)) throw ctx.fail(node, `${String(v)} is not a timestamp`);
        return civilFromMillis(v as number)[unit];
      };
    }
    case 'trim': {
      const x = ctx.build(node.operand);
      const chars = node.chars ? ctx.build(node.chars) : () => ' ';
      return (row) => {
        const c = chars(row);
        const v = x(row);
        return v === null || c === null ? null : trimSql(v as string, node.mode, c as string);
      };
    }
    case 'call':
      return compileCall(ctx, node);
  }
}

/**
 * Compiles a checked syntax tree into a closure, built once: each node becomes a small
 * function calling its children's, so evaluation never walks the tree or re-checks types.
 * Throws when the expression has problems; run checkExpression first.
 */
export function compileExpression(ast: Expr, schema: RecordSchema): Evaluator {
  const checked = typeCheck(ast, schema);
  if (checked.problems.length > 0) {
    throw new Error(`cannot compile an expression with problems: ${checked.problems.map((p) => p.message).join('; ')}`);
  }
  const ctx: CompileContext = {
    info: checked.info,
    build: (node) => build(ctx, node),
    typeOf: (node) => checked.info.types.get(node) ?? 'null',
    fail: (node, message) => new ExprEvalError(`${message} in ${describe(node)}`),
  };
  return ctx.build(ast);
}
