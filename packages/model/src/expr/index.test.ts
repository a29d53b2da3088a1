import { describe, expect, it } from 'vitest';
import type { RecordSchema } from '../field';
import { analyzeExpression, checkExpression, exprToFlinkSql, parseExpression, referencedFields } from './index';

const schema: RecordSchema = [
  { name: 'amount', type: 'double' },
  { name: 'category', type: 'string' },
  { name: 'ts', type: 'timestamp' },
];

describe('analyzeExpression', () => {
  it('parses, checks and compiles in one call', () => {
    const r = analyzeExpression("amount >= 10 AND category <> 'test'", schema, { expect: 'boolean' });
    expect(r.ok).toBe(true);
    expect(r.type).toBe('boolean');
    expect(r.problems).toEqual([]);
    expect(r.ast?.kind).toBe('binary');
    expect(r.evaluate?.({ amount: 12, category: 'books' })).toBe(true);
    expect(r.evaluate?.({ amount: 12, category: 'test' })).toBe(false);
    expect(r.evaluate?.({ category: 'books' })).toBe(null);
  });

  it('reports a syntax error as the single problem, without a tree', () => {
    const r = analyzeExpression('amount >', schema);
    expect(r).toEqual({
      ok: false,
      type: null,
      problems: [{ code: 'EXPR_SYNTAX', message: 'line 1, column 9: expected an expression but found end of input', line: 1, column: 9 }],
    });
  });

  it('reports every type problem, with the tree but no evaluator', () => {
    const r = analyzeExpression("amout > 1 OR category + 1 = 2", schema);
    expect(r.ok).toBe(false);
    expect(r.evaluate).toBeUndefined();
    expect(r.ast).toBeDefined();
    expect(r.problems.map((p) => p.code)).toEqual(['UNKNOWN_FIELD', 'TYPE_MISMATCH']);
  });

  it('checks the expected result type', () => {
    const r = analyzeExpression('amount * 2', schema, { expect: 'boolean' });
    expect(r.ok).toBe(false);
    expect(r.type).toBe('double');
    expect(r.problems).toEqual([
      { code: 'TYPE_MISMATCH', message: 'line 1, column 1: expected a boolean expression but this one is of type double', line: 1, column: 1 },
    ]);
    expect(analyzeExpression('NULL', schema, { expect: 'boolean' }).problems[0]?.message).toMatch(/is NULL, whose type is unknown/);
    expect(analyzeExpression('NULL', schema)).toMatchObject({ ok: true, type: null, problems: [] });
  });
});

describe('the smaller entry points', () => {
  it('lists referenced fields once each, in order', () => {
    const r = parseExpression('b + a > a AND COALESCE(c, b) IS NULL');
    if (!r.ok) throw new Error(r.problem.message);
    expect(referencedFields(r.ast)).toEqual(['b', 'a', 'c']);
  });

  it('checks without compiling, and prints Flink SQL', () => {
    const r = parseExpression("ts > '2024-01-01' AND amount / 2 > 1");
    if (!r.ok) throw new Error(r.problem.message);
    expect(checkExpression(r.ast, schema)).toEqual({ type: 'boolean', problems: [] });
    expect(exprToFlinkSql(r.ast, schema)).toBe("(`ts` > TIMESTAMP '2024-01-01 00:00:00.000') AND ((`amount` / 2) > 1)");
  });
});
