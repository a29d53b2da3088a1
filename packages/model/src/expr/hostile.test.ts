import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordSchema } from '../field';
import { analyzeExpression, ExprEvalError, MAX_EXPRESSION_LENGTH, MAX_NESTING, MAX_TREE_HEIGHT, parseExpression } from './index';

const schema: RecordSchema = [
  { name: 'a', type: 'int' },
  { name: 's', type: 'string' },
];

/** Analysis must end in problems with the given code, never in an exception. */
function rejects(text: string, code: 'EXPR_SYNTAX' | 'UNKNOWN_FIELD' | 'TYPE_MISMATCH') {
  const r = analyzeExpression(text, schema);
  expect(r.ok).toBe(false);
  expect(r.evaluate).toBeUndefined();
  expect(r.problems.length).toBeGreaterThan(0);
  const p = r.problems[0];
  expect(p?.code).toBe(code);
  expect(typeof p?.line).toBe('number');
  expect(typeof p?.column).toBe('number');
  return p?.message ?? '';
}

describe('hostile input ends in a clear problem', () => {
  it('does not run JavaScript', () => {
    expect(rejects("constructor.constructor('return process')()", 'EXPR_SYNTAX')).toMatch(
      /line 1, column 12: unexpected character '\.'/,
    );
    expect(rejects("s.constructor('x')", 'EXPR_SYNTAX')).toMatch(/unexpected character '\.'/);
    expect(rejects('this', 'UNKNOWN_FIELD')).toMatch(/unknown field `this`/);
    expect(rejects('process', 'UNKNOWN_FIELD')).toMatch(/unknown field `process`/);
    expect(rejects('globalThis(1)', 'EXPR_SYNTAX')).toMatch(/unknown function globalThis/);
  });

  it('resolves no Object.prototype member as a field', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__']) {
      expect(rejects(name, 'UNKNOWN_FIELD')).toMatch(new RegExp(`unknown field \`${name}\``));
      expect(rejects(`\`${name}\` = 1`, 'UNKNOWN_FIELD')).toMatch(/unknown field/);
    }
  });

  it('rejects statements and SQL injection', () => {
    expect(rejects('; DROP TABLE x', 'EXPR_SYNTAX')).toMatch(/line 1, column 1: unexpected character ';'; an expression is a single value/);
    expect(rejects('1; DROP TABLE t', 'EXPR_SYNTAX')).toMatch(/line 1, column 2: unexpected character ';'/);
    // Classic injection text is just a (harmless) boolean expression here.
    const r = analyzeExpression("s = 'x' OR 1=1 --'; DROP TABLE t", schema);
    expect(r.ok).toBe(true);
    expect(r.evaluate?.({ s: 'y' })).toBe(true);
    expect(rejects("'x' OR 1=1", 'TYPE_MISMATCH')).toMatch(/OR needs boolean operands but got string/);
    expect(rejects("s = '' UNION SELECT * FROM users", 'EXPR_SYNTAX')).toMatch(/expected an operator or end of input but found 'UNION'/);
  });

  it('rejects unterminated quotes and comments', () => {
    expect(rejects("s = 'abc", 'EXPR_SYNTAX')).toMatch(/line 1, column 5: unterminated string literal/);
    expect(rejects('`abc = 1', 'EXPR_SYNTAX')).toMatch(/unterminated quoted identifier/);
    expect(rejects("'", 'EXPR_SYNTAX')).toMatch(/unterminated string literal/);
    expect(rejects('a /* x', 'EXPR_SYNTAX')).toMatch(/unterminated comment/);
  });

  it('rejects a 1 MB string before reading it', () => {
    const text = `'${'x'.repeat(1024 * 1024)}'`;
    expect(rejects(text, 'EXPR_SYNTAX')).toMatch(/expression is too long \(1048578 characters; the limit is 65536\)/);
    expect(rejects('a + '.repeat(300_000) + 'a', 'EXPR_SYNTAX')).toMatch(/too long/);
  });

  it('accepts a long string literal under the limit in linear time', () => {
    const r = analyzeExpression(`s = '${"it''s ".repeat(8000)}'`, schema);
    expect(r.problems).toEqual([]);
    expect(r.evaluate?.({ s: "it's ".repeat(8000) })).toBe(true);
  });

  it('rejects 100 000 nested parentheses', () => {
    expect(rejects(`${'('.repeat(100_000)}a${')'.repeat(100_000)}`, 'EXPR_SYNTAX')).toMatch(/too long/);
    // Under the length limit the nesting limit answers.
    const deep = `${'('.repeat(30_000)}a${')'.repeat(30_000)}`;
    expect(deep.length).toBeLessThan(MAX_EXPRESSION_LENGTH);
    expect(rejects(deep, 'EXPR_SYNTAX')).toMatch(new RegExp(`expression nested too deeply \\(more than ${MAX_NESTING} levels\\)`));
  });

  it('rejects deep unary chains', () => {
    expect(rejects('- '.repeat(20_000) + 'a', 'EXPR_SYNTAX')).toMatch(/nested too deeply/);
    expect(rejects('NOT '.repeat(10_000) + 'TRUE', 'EXPR_SYNTAX')).toMatch(/nested too deeply/);
  });

  it('rejects 100 000 chained additions, and long chains under the length limit', () => {
    expect(rejects(`a${' + a'.repeat(100_000)}`, 'EXPR_SYNTAX')).toMatch(/too long/);
    const chain = `a${'+a'.repeat(20_000)}`;
    expect(chain.length).toBeLessThan(MAX_EXPRESSION_LENGTH);
    expect(rejects(chain, 'EXPR_SYNTAX')).toMatch(new RegExp(`nested too deeply \\(more than ${MAX_TREE_HEIGHT} levels\\)`));
    expect(rejects(`a = 1${' OR a = 1'.repeat(300)}`, 'EXPR_SYNTAX')).toMatch(/use IN \(…\) instead of long OR chains/);
  });

  it('evaluates the longest accepted chain without exhausting the stack', () => {
    const text = `a${' + a'.repeat(MAX_TREE_HEIGHT - 1)}`;
    const r = analyzeExpression(text, schema);
    expect(r.problems).toEqual([]);
    expect(r.evaluate?.({ a: 1 })).toBe(MAX_TREE_HEIGHT);
    const nested = `${'('.repeat(MAX_NESTING - 1)}a${')'.repeat(MAX_NESTING - 1)}`;
    expect(parseExpression(nested).ok).toBe(true);
  });

  it('handles a long IN list (wide, not deep)', () => {
    const list = Array.from({ length: 5000 }, (_, i) => String(i)).join(', ');
    const r = analyzeExpression(`a IN (${list})`, schema);
    expect(r.problems).toEqual([]);
    expect(r.evaluate?.({ a: 4999 })).toBe(true);
  });

  it('names no control characters or emoji wrongly', () => {
    expect(rejects('a \u0000 b', 'EXPR_SYNTAX')).toMatch(/unexpected character/);
    expect(rejects('😀', 'EXPR_SYNTAX')).toMatch(/unexpected character '😀'/);
    expect(rejects('a\u2028+', 'EXPR_SYNTAX')).toMatch(/unexpected character/);
  });

  it('survives a hostile LIKE pattern and regular expression syntax', () => {
    const r = analyzeExpression("s LIKE '%(?=x)[^]\\\\u{1F600}$'", schema);
    expect(r.ok).toBe(true);
    expect(r.evaluate?.({ s: 'abc(?=x)[^]\\\\u{1F600}$' })).toBe(true);
    expect(r.evaluate?.({ s: 'x' })).toBe(false);
    expect(rejects("REGEXP(s, '(?<')", 'EXPR_SYNTAX')).toMatch(/invalid regular expression/);
  });
});

const TOKENS = [
  'a', 's', '`a`', '`x`', 'NULL', 'TRUE', 'FALSE', '1', '0', '-1', '2.5', '1e3', "'x'", "''", "'2024-01-01'", "'%'",
  '+', '-', '*', '/', '%', '||', '=', '<>', '!=', '<', '>=', 'AND', 'OR', 'NOT', 'IS', 'IN', 'BETWEEN', 'LIKE', 'ESCAPE',
  'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'CAST', 'TRY_CAST', 'AS', 'INT', 'STRING', 'TIMESTAMP', '(', ')', ',', 'FROM',
  'FOR', 'UPPER', 'SUBSTRING', 'POSITION', 'TRIM', 'EXTRACT', 'YEAR', 'COALESCE', 'REGEXP', "'('", 'MOD', 'ROUND', "'",
  '`', '--', '/*', '*/', ';', '.', '"',
];

describe('arbitrary input never throws', () => {
  it('answers token soup and random text with a result, and evaluation only with EVAL_ERROR', () => {
    const text = fc.oneof(
      fc.array(fc.constantFrom(...TOKENS), { maxLength: 25 }).map((ts) => ts.join(' ')),
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
    );
    const row = fc.record({ a: fc.oneof(fc.integer(), fc.constant(null)), s: fc.oneof(fc.string(), fc.constant(null)) });
    fc.assert(
      fc.property(text, row, (t, r) => {
        const result = analyzeExpression(t, schema);
        expect(result.ok).toBe(result.problems.length === 0);
        for (const p of result.problems) expect(p.message).toMatch(/^line \d+, column \d+: /);
        if (!result.evaluate) return;
        try {
          result.evaluate(r);
        } catch (e) {
          expect(e).toBeInstanceOf(ExprEvalError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
