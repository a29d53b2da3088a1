import type { Row } from '../field';
import type { CallExpr, Expr } from './ast';
import type { CompileContext, Evaluator } from './compile';
import { bigintSub, integerRem, roundDouble, roundInteger } from './numbers';
import { compileRegex, PatternCache } from './patterns';
import { charLength, compareStrings, positionSql, replaceSql, substringSql } from './strings';

type Args = unknown[];

/** A call that is NULL when any argument is NULL, as nearly every SQL function is. */
function strict(ctx: CompileContext, node: CallExpr, f: (args: Args) => unknown): Evaluator {
  const args = node.args.map((a) => ctx.build(a));
  if (args.length === 1) {
    const a0 = args[0] as Evaluator;
    return (row) => {
      const v = a0(row);
      return v === null ? null : f([v]);
    };
  }
  return (row: Row) => {
    const vs = args.map((g) => g(row));
    return vs.includes(null) ? null : f(vs);
  };
}

/** Flink passes positions and lengths as INT; larger values behave as the nearest INT bound. */
function clampInt(v: number): number {
  return Math.max(-2147483648, Math.min(2147483647, Math.trunc(v)));
}

/**
 * REGEXP and REGEXP_EXTRACT: a literal pattern was compiled by the type checker; a computed
 * one is compiled per distinct value. As in Flink, a computed pattern that does not compile
 * makes REGEXP FALSE and REGEXP_EXTRACT NULL (Flink logs the error and goes on).
 */
function regexOf(ctx: CompileContext, node: CallExpr): (pattern: string) => RegExp | null {
  const fixed = ctx.info.patterns.get(node);
  if (fixed) return () => fixed;
  const cache = new PatternCache(compileRegex);
  return (pattern) => {
    const re = cache.get(pattern);
    return re instanceof RegExp ? re : null;
  };
}

/**
 * Java's Double.compare, the order Flink's GREATEST and LEAST use (measured on Flink 2.0):
 * NaN above everything, -0.0 below 0.0. Comparison operators keep IEEE semantics.
 */
function totalOrder(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  const aNaN = Number.isNaN(a);
  const bNaN = Number.isNaN(b);
  if (aNaN || bNaN) return aNaN === bNaN ? 0 : aNaN ? 1 : -1;
  return Object.is(a, b) ? 0 : Object.is(a, -0) ? -1 : Object.is(b, -0) ? 1 : 0;
}

function extremum(ctx: CompileContext, node: CallExpr, greatest: boolean): Evaluator {
  const type = ctx.typeOf(node);
  const order =
    type === 'string'
      ? (a: unknown, b: unknown) => compareStrings(a as string, b as string)
      : (a: unknown, b: unknown) => totalOrder(Number(a), Number(b));
  const sign = greatest ? 1 : -1;
  return strict(ctx, node, (vs) => {
    let best = vs[0];
    for (let i = 1; i < vs.length; i++) if (order(vs[i], best) * sign > 0) best = vs[i];
    return best;
  });
}

export function compileCall(ctx: CompileContext, node: CallExpr): Evaluator {
  const argType = (i: number) => ctx.typeOf(node.args[i] as Expr);
  switch (node.name) {
    case 'UPPER':
      return strict(ctx, node, ([s]) => (s as string).toUpperCase());
    case 'LOWER':
      return strict(ctx, node, ([s]) => (s as string).toLowerCase());
    case 'CHAR_LENGTH':
      return strict(ctx, node, ([s]) => charLength(s as string));
    case 'SUBSTRING':
      return strict(ctx, node, ([s, start, len]) =>
        substringSql(s as string, clampInt(start as number), len === undefined ? undefined : clampInt(len as number)),
      );
    case 'CONCAT':
      return strict(ctx, node, (vs) => vs.join(''));
    case 'REPLACE':
      return strict(ctx, node, ([s, a, b]) => replaceSql(s as string, a as string, b as string));
    case 'POSITION':
      return strict(ctx, node, ([needle, s]) => positionSql(needle as string, s as string));
    case 'REGEXP': {
      const re = regexOf(ctx, node);
      return strict(ctx, node, ([s, p]) => {
        if (p === '') return false;
        const r = re(p as string);
        return r === null ? false : r.test(s as string);
      });
    }
    case 'REGEXP_EXTRACT': {
      const re = regexOf(ctx, node);
      return strict(ctx, node, ([s, p, g]) => {
        const r = re(p as string);
        if (r === null) return null;
        const m = r.exec(s as string);
        const group = g === undefined ? 0 : (g as number);
        if (m === null || group < 0 || group >= m.length) return null;
        return m[group] ?? null;
      });
    }
    case 'ABS': {
      const t = argType(0);
      if (t === 'int') return strict(ctx, node, ([x]) => Math.abs(x as number) | 0);
      if (t === 'bigint') return strict(ctx, node, ([x]) => ((x as number) < 0 ? bigintSub(0, x as number) : x));
      return strict(ctx, node, ([x]) => Math.abs(x as number));
    }
    case 'FLOOR':
    case 'CEIL': {
      if (argType(0) !== 'double') return strict(ctx, node, ([x]) => x);
      const f = node.name === 'FLOOR' ? Math.floor : Math.ceil;
      return strict(ctx, node, ([x]) => f(x as number));
    }
    case 'ROUND': {
      const t = argType(0);
      return strict(ctx, node, ([x, d]) => {
        const digits = d === undefined ? 0 : clampInt(d as number);
        if (t === 'int' || t === 'bigint') return roundInteger(x as number, digits, t === 'int' ? 32 : 64);
        const r = roundDouble(x as number, digits);
        if (r === undefined) throw ctx.fail(node, `cannot ROUND ${String(x)}`);
        return r;
      });
    }
    case 'MOD':
      return strict(ctx, node, ([a, b]) => {
        if (b === 0) throw ctx.fail(node, 'remainder of division by zero');
        return integerRem(a as number, b as number);
      });
    case 'POWER':
      return strict(ctx, node, ([a, b]) => Math.pow(a as number, b as number));
    case 'SQRT':
      return strict(ctx, node, ([x]) => Math.sqrt(x as number));
    case 'COALESCE': {
      const args = node.args.map((a) => ctx.build(a));
      return (row) => {
        for (const g of args) {
          const v = g(row);
          if (v !== null) return v;
        }
        return null;
      };
    }
    case 'NULLIF': {
      const [a, b] = node.args.map((x) => ctx.build(x)) as [Evaluator, Evaluator];
      return (row) => {
        const x = a(row);
        const y = b(row);
        return x !== null && y !== null && x === y ? null : x;
      };
    }
    case 'GREATEST':
      return extremum(ctx, node, true);
    case 'LEAST':
      return extremum(ctx, node, false);
  }
}
