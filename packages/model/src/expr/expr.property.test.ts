import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expr } from './ast';
import { exprArb, rowArb, schemaArb, typeArb } from './expr-arbitraries.test-util';
import { analyzeExpression, checkExpression, childrenOf, compileExpression, ExprEvalError, exprToFlinkSql, parseExpression } from './index';
import { RefError, refEval } from './expr-reference.test-util';
import type { V } from './expr-reference-scalars.test-util';

type Outcome = { value: V } | { error: true };

function outcome(f: () => V, errorType: new (...args: never[]) => Error): Outcome {
  try {
    return { value: f() };
  } catch (e) {
    if (e instanceof errorType) return { error: true };
    throw e;
  }
}

function same(a: Outcome, b: Outcome): boolean {
  if ('error' in a || 'error' in b) return 'error' in a && 'error' in b;
  return Object.is(a.value, b.value) || (a.value === 0 && b.value === 0);
}

/** The tree without positions, with `a % b` as MOD(a, b) (how the Flink printer writes it). */
function normalize(ast: Expr): string {
  return JSON.stringify(ast, (key, v: unknown) => {
    if (key === 'span' || key === 'typeName') return undefined;
    const n = v as { kind?: string; op?: string; left?: Expr; right?: Expr; target?: string; safe?: boolean; operand?: Expr };
    if (n && n.kind === 'binary' && n.op === '%') return { kind: 'call', name: 'MOD', args: [n.left, n.right] };
    // The printer writes a string literal with characters beyond the BMP as CAST('…' AS STRING).
    if (n && n.kind === 'cast' && n.target === 'string' && !n.safe && n.operand?.kind === 'literal' && n.operand.type === 'string') {
      return n.operand;
    }
    return v;
  });
}

/** EXPR_PROPERTY_RUNS raises the count for a longer hunt; the default keeps the suite quick. */
const RUNS = Number(process.env.EXPR_PROPERTY_RUNS ?? 400);
const TIMEOUT = Math.max(10_000, RUNS * 30);

const caseArb = schemaArb.chain((schema) =>
  fc.record({
    schema: fc.constant(schema),
    text: typeArb.chain((t) => exprArb(schema, t, 4)),
    rows: fc.array(rowArb(schema), { minLength: 1, maxLength: 4 }),
  }),
);

function subtrees(ast: Expr): Expr[] {
  const out: Expr[] = [];
  const stack = [ast];
  while (stack.length > 0) {
    const n = stack.pop() as Expr;
    out.push(n);
    stack.push(...childrenOf(n));
  }
  return out;
}

describe('compiled expressions agree with a reference interpreter', () => {
  it('on random well-typed expressions (and each of their subexpressions) over random schemas and rows with NULLs', () => {
    fc.assert(
      fc.property(caseArb, ({ schema, text, rows }) => {
        const analyzed = analyzeExpression(text, schema);
        expect(analyzed.problems, text).toEqual([]);
        const types = new Map(schema.map((f) => [f.name, f.type]));
        // Every subexpression is an expression too: comparing each one finds a wrong
        // intermediate value even when the whole expression happens to mask it.
        for (const node of subtrees(analyzed.ast as Expr)) {
          if (checkExpression(node, schema).problems.length > 0) continue;
          const evaluate = compileExpression(node, schema);
          for (const row of rows) {
            const actual = outcome(() => evaluate(row), ExprEvalError);
            const expected = outcome(() => refEval(node, row, types), RefError);
            if (!same(actual, expected)) {
              const where = exprToFlinkSql(node);
              throw new Error(`${where}\nrow ${JSON.stringify(row)}\ncompiled ${JSON.stringify(actual)} reference ${JSON.stringify(expected)}`);
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});

describe('printing and parsing round-trip', () => {
  it('parse(exprToFlinkSql(ast)) is the same tree, and printing is stable', () => {
    fc.assert(
      fc.property(caseArb, ({ schema, text, rows }) => {
        const first = parseExpression(text);
        if (!first.ok) throw new Error(`${text}: ${first.problem.message}`);
        const printed = exprToFlinkSql(first.ast);
        expect(printed).not.toContain('--');
        const again = parseExpression(printed);
        if (!again.ok) throw new Error(`${printed}: ${again.problem.message}`);
        expect(normalize(again.ast)).toBe(normalize(first.ast));
        expect(exprToFlinkSql(again.ast)).toBe(printed);
        // The printed form evaluates the same, including its failures.
        const a = analyzeExpression(text, schema);
        const b = analyzeExpression(printed, schema);
        for (const row of rows) {
          expect(same(outcome(() => a.evaluate?.(row), ExprEvalError), outcome(() => b.evaluate?.(row), ExprEvalError))).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
