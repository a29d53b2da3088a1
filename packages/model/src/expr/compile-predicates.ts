import type { Expr } from './ast';
import type { CompileContext, Evaluator } from './compile';
import { likeToRegExp, PatternCache, PatternError } from './patterns';

/** IN, LIKE and CASE: the compiled forms that choose among several values. */

export function negate(f: Evaluator, negated: boolean): Evaluator {
  if (!negated) return f;
  return (row) => {
    const v = f(row);
    return v === null ? null : !v;
  };
}

export function compileIn(ctx: CompileContext, node: Extract<Expr, { kind: 'in' }>): Evaluator {
  const x = ctx.build(node.operand);
  const items = node.list.map((n) => ctx.build(n));
  const constants = node.list.every((n) => n.kind === 'literal');
  let f: Evaluator;
  if (constants) {
    // Literal lists (the common case) become a Set lookup; equal numbers are equal whatever their type.
    const values = node.list.map((n, i) => (items[i] as Evaluator)({}));
    const set = new Set(values.filter((v) => v !== null));
    const hasNull = values.includes(null);
    f = (row) => {
      const v = x(row);
      if (v === null) return null;
      if (set.has(v) && !(typeof v === 'number' && Number.isNaN(v))) return true;
      return hasNull ? null : false;
    };
  } else {
    f = (row) => {
      const v = x(row);
      const vs = items.map((g) => g(row));
      if (v === null) return null;
      let sawNull = false;
      for (const w of vs) {
        if (w === null) sawNull = true;
        else if (w === v) return true;
      }
      return sawNull ? null : false;
    };
  }
  return negate(f, node.negated);
}

export function compileLike(ctx: CompileContext, node: Extract<Expr, { kind: 'like' }>): Evaluator {
  const s = ctx.build(node.operand);
  const fixed = ctx.info.patterns.get(node);
  if (fixed) {
    return negate((row) => {
      const v = s(row);
      return v === null ? null : fixed.test(v as string);
    }, node.negated);
  }
  const p = ctx.build(node.pattern);
  const e = node.escape ? ctx.build(node.escape) : () => '';
  const cache = new PatternCache((key) => {
    const cut = key.indexOf('\u0000');
    return likeToRegExp(key.slice(cut + 1), cut === 0 ? null : key.slice(0, cut));
  });
  const hasEscape = node.escape !== null;
  return negate((row) => {
    const v = s(row);
    const pattern = p(row);
    const escape = e(row);
    if (v === null || pattern === null || escape === null) return null;
    const re = cache.get(`${hasEscape ? (escape as string) : ''}\u0000${pattern as string}`);
    if (re instanceof PatternError) throw ctx.fail(node, re.message);
    return re.test(v as string);
  }, node.negated);
}

export function compileCase(ctx: CompileContext, node: Extract<Expr, { kind: 'case' }>): Evaluator {
  const whens = node.whens.map((w) => [ctx.build(w.when), ctx.build(w.then)] as const);
  const otherwise = node.otherwise ? ctx.build(node.otherwise) : () => null;
  if (!node.subject) {
    return (row) => {
      for (const [cond, then] of whens) if (cond(row) === true) return then(row);
      return otherwise(row);
    };
  }
  const subject = ctx.build(node.subject);
  return (row) => {
    const s = subject(row);
    for (const [value, then] of whens) {
      const v = value(row);
      if (s !== null && v !== null && s === v) return then(row);
    }
    return otherwise(row);
  };
}
