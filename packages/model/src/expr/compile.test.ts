import { describe, expect, it } from 'vitest';
import type { RecordSchema, Row } from '../field';
import { analyzeExpression, compileExpression, ExprEvalError, parseExpression } from './index';

const schema: RecordSchema = [
  { name: 'i', type: 'int' },
  { name: 'j', type: 'int' },
  { name: 'b', type: 'bigint' },
  { name: 'c', type: 'bigint' },
  { name: 'd', type: 'double' },
  { name: 'e', type: 'double' },
  { name: 's', type: 'string' },
  { name: 't', type: 'string' },
  { name: 'p', type: 'boolean' },
  { name: 'q', type: 'boolean' },
  { name: 'ts', type: 'timestamp' },
];

function run(text: string, row: Row = {}): unknown {
  const r = analyzeExpression(text, schema);
  if (!r.ok || !r.evaluate) throw new Error(`problems in ${text}: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.evaluate(row);
}

function failure(text: string, row: Row = {}): ExprEvalError {
  try {
    run(text, row);
  } catch (e) {
    if (e instanceof ExprEvalError) return e;
    throw e;
  }
  throw new Error(`${text} did not fail`);
}

const T = true;
const F = false;
const N = null;
const bools = [T, F, N];

describe('three-valued logic', () => {
  it('AND, OR and NOT follow SQL truth tables', () => {
    const and = (a: boolean | null, b: boolean | null) => (a === F || b === F ? F : a === N || b === N ? N : T);
    const or = (a: boolean | null, b: boolean | null) => (a === T || b === T ? T : a === N || b === N ? N : F);
    for (const p of bools) {
      expect(run('NOT p', { p })).toBe(p === N ? N : !p);
      for (const q of bools) {
        expect(run('p AND q', { p, q }), `${p} AND ${q}`).toBe(and(p, q));
        expect(run('p OR q', { p, q }), `${p} OR ${q}`).toBe(or(p, q));
      }
    }
  });

  it('IS [NOT] NULL / TRUE / FALSE never return NULL', () => {
    for (const p of bools) {
      expect(run('p IS NULL', { p })).toBe(p === N);
      expect(run('p IS NOT NULL', { p })).toBe(p !== N);
      expect(run('p IS TRUE', { p })).toBe(p === T);
      expect(run('p IS NOT TRUE', { p })).toBe(p !== T);
      expect(run('p IS FALSE', { p })).toBe(p === F);
      expect(run('p IS NOT FALSE', { p })).toBe(p !== F);
    }
  });

  it('short-circuits AND on FALSE and OR on TRUE, so the other side cannot fail', () => {
    expect(run('j <> 0 AND i / j > 1', { i: 5, j: 0 })).toBe(false);
    expect(run('j = 0 OR i / j > 1', { i: 5, j: 0 })).toBe(true);
    expect(failure('j = 1 OR i / j > 1', { i: 5, j: 0 }).message).toMatch(/integer division by zero in `i` \/ `j`/);
  });

  it('makes comparisons with NULL NULL, and a missing field NULL', () => {
    for (const op of ['=', '<>', '<', '<=', '>', '>=']) {
      expect(run(`i ${op} j`, { i: 1 })).toBe(null);
      expect(run(`i ${op} NULL`, { i: 1 })).toBe(null);
    }
    expect(run('i = 1', { i: undefined })).toBe(null);
  });
});

describe('comparison', () => {
  it('compares numbers across int, bigint and double', () => {
    expect(run('i < d', { i: 1, d: 1.5 })).toBe(true);
    expect(run('b = i', { b: 7, i: 7 })).toBe(true);
    expect(run('d <> e', { d: NaN, e: NaN })).toBe(true);
    expect(run('d = e', { d: NaN, e: NaN })).toBe(false);
    expect(run('d = e', { d: -0, e: 0 })).toBe(true);
  });

  it('orders strings by UTF-16 code unit, as Flink\'s comparison operators do', () => {
    expect(run("s < t", { s: 'apple', t: 'banana' })).toBe(true);
    expect(run("s < t", { s: 'Z', t: 'a' })).toBe(true);
    expect(run("s < t", { s: 'Z', t: '😀' })).toBe(true);
    // Measured on Flink 2.0: U+FF5E compares greater than U+1F600 (whose first UTF-16 unit is 0xD83D).
    expect(run('s < t', { s: '\uFF5E', t: '😀' })).toBe(false);
    expect(run('GREATEST(s, t)', { s: '\uFF5E', t: '😀' })).toBe('\uFF5E');
    expect(run("s >= t", { s: 'ab', t: 'a' })).toBe(true);
  });

  it('orders booleans FALSE < TRUE and timestamps by time', () => {
    expect(run('p < q', { p: false, q: true })).toBe(true);
    expect(run("ts >= '2024-01-01 00:00:00'", { ts: Date.UTC(2024, 0, 1) })).toBe(true);
    expect(run("ts < '2024-01-01 00:00:00.001'", { ts: Date.UTC(2024, 0, 1) })).toBe(true);
  });
});

describe('arithmetic', () => {
  it('wraps INT at 32 bits like Java', () => {
    expect(run('i + 1', { i: 2147483647 })).toBe(-2147483648);
    expect(run('i - 1', { i: -2147483648 })).toBe(2147483647);
    expect(run('i * j', { i: 65536, j: 65536 })).toBe(0);
    expect(run('-i', { i: -2147483648 })).toBe(-2147483648);
    expect(run('i / j', { i: -2147483648, j: -1 })).toBe(-2147483648);
  });

  it('divides integers toward zero and keeps the remainder sign of the dividend', () => {
    expect(run('i / j', { i: 7, j: 2 })).toBe(3);
    expect(run('i / j', { i: -7, j: 2 })).toBe(-3);
    expect(run('i % j', { i: -7, j: 2 })).toBe(-1);
    expect(run('i % j', { i: 7, j: -2 })).toBe(1);
    expect(Object.is(run('i % j', { i: -4, j: 2 }), 0)).toBe(true);
    expect(run('MOD(b, 7)', { b: 5000000000 })).toBe(5000000000 % 7);
  });

  it('fails on integer division by zero, naming the expression', () => {
    const e = failure('i / (j - 1)', { i: 1, j: 1 });
    expect(e.code).toBe('EVAL_ERROR');
    expect(e.message).toBe('integer division by zero in `i` / (`j` - 1)');
    expect(failure('i % j', { i: 1, j: 0 }).message).toMatch(/remainder of division by zero/);
    expect(failure('MOD(b, c)', { b: 1, c: 0 }).message).toMatch(/remainder of division by zero in MOD\(`b`, `c`\)/);
    expect(failure('b / c', { b: 1, c: 0 }).code).toBe('EVAL_ERROR');
  });

  it('follows IEEE for DOUBLE division by zero, as Java does', () => {
    expect(run('d / e', { d: 1, e: 0 })).toBe(Infinity);
    expect(run('d / e', { d: -1, e: 0 })).toBe(-Infinity);
    expect(run('d / e', { d: 0, e: 0 })).toBeNaN();
    expect(run('i / 0.0', { i: 1 })).toBe(Infinity);
  });

  it('computes BIGINT exactly up to 2^53 and wraps at 64 bits beyond', () => {
    expect(run('b + c', { b: 2 ** 52, c: 2 ** 52 - 1 })).toBe(2 ** 53 - 1);
    expect(run('b * c', { b: 3037000499, c: 3037000499 })).toBe(Number(3037000499n * 3037000499n));
    expect(run('b * c', { b: 2 ** 62, c: 4 })).toBe(0);
    expect(run('b / c', { b: 9007199254740991, c: 2 })).toBe(4503599627370495);
    expect(run('b / c', { b: -9, c: 4 })).toBe(-2);
  });

  it('promotes to DOUBLE when either side is one', () => {
    expect(run('i / d', { i: 7, d: 2 })).toBe(3.5);
    expect(run('i + 0.5', { i: 1 })).toBe(1.5);
  });

  it('propagates NULL through every operator', () => {
    for (const op of ['+', '-', '*', '/', '%']) expect(run(`i ${op} j`, { i: 1 })).toBe(null);
    expect(run('s || t', { s: 'a' })).toBe(null);
    expect(run('-d', {})).toBe(null);
  });
});

describe('IN, BETWEEN, LIKE', () => {
  it('returns NULL from IN when nothing matches and the list has NULL', () => {
    expect(run('i IN (1, 2, NULL)', { i: 2 })).toBe(true);
    expect(run('i IN (1, 2, NULL)', { i: 3 })).toBe(null);
    expect(run('i NOT IN (1, 2, NULL)', { i: 3 })).toBe(null);
    expect(run('i NOT IN (1, 2)', { i: 3 })).toBe(true);
    expect(run('i IN (1, 2)', {})).toBe(null);
    expect(run('i IN (j, j + 1)', { i: 3, j: 2 })).toBe(true);
    expect(run('i IN (j, 1.5)', { i: 3 })).toBe(null);
    expect(run("ts IN ('2024-01-01', '2024-01-02')", { ts: Date.UTC(2024, 0, 2) })).toBe(true);
  });

  it('evaluates BETWEEN as low <= x AND x <= high', () => {
    expect(run('i BETWEEN 1 AND 3', { i: 3 })).toBe(true);
    expect(run('i BETWEEN 3 AND 1', { i: 2 })).toBe(false);
    expect(run('i NOT BETWEEN 1 AND 3', { i: 4 })).toBe(true);
    expect(run('i BETWEEN j AND 3', { i: 5 })).toBe(false);
    expect(run('i BETWEEN j AND 3', { i: 2 })).toBe(null);
    expect(run("s BETWEEN 'a' AND 'c'", { s: 'b' })).toBe(true);
  });

  it('matches LIKE with % and _ over whole strings, including newlines', () => {
    expect(run("s LIKE 'a%'", { s: 'abc' })).toBe(true);
    expect(run("s LIKE 'a_c'", { s: 'abc' })).toBe(true);
    expect(run("s LIKE 'a_c'", { s: 'abbc' })).toBe(false);
    expect(run("s LIKE '%b%'", { s: 'x\nb\ny' })).toBe(true);
    expect(run("s LIKE 'a_c'", { s: 'a\nc' })).toBe(false);
    expect(run("s LIKE '_'", { s: '😀' })).toBe(true);
    expect(run("s NOT LIKE 'a%'", { s: 'abc' })).toBe(false);
    expect(run("s LIKE 'a%'", {})).toBe(null);
  });

  it('treats regular-expression characters in LIKE patterns literally', () => {
    expect(run("s LIKE 'a.c'", { s: 'abc' })).toBe(false);
    expect(run("s LIKE 'a.c'", { s: 'a.c' })).toBe(true);
    expect(run("s LIKE '(x|y)*[z]+$^\\\\'", { s: '(x|y)*[z]+$^\\\\' })).toBe(true);
    expect(run("s LIKE '.*'", { s: 'anything' })).toBe(false);
    expect(run("s LIKE 'a\\%'", { s: 'a\\xyz' })).toBe(true);
  });

  it('honours ESCAPE, and compiles computed patterns per value', () => {
    expect(run("s LIKE '100!%' ESCAPE '!'", { s: '100%' })).toBe(true);
    expect(run("s LIKE '100!%' ESCAPE '!'", { s: '1000' })).toBe(false);
    expect(run("s LIKE 'a!_b' ESCAPE '!'", { s: 'a_b' })).toBe(true);
    expect(run("s LIKE '!!%' ESCAPE '!'", { s: '!x' })).toBe(true);
    expect(run('s LIKE t', { s: 'hello', t: 'h%o' })).toBe(true);
    expect(run('s LIKE t', { s: 'hello' })).toBe(null);
    expect(failure("s LIKE t ESCAPE '!'", { s: 'x', t: 'a!b' }).message).toMatch(/invalid escape in LIKE pattern/);
  });
});

describe('CASE, COALESCE, NULLIF, GREATEST, LEAST', () => {
  it('picks the first TRUE branch and ignores NULL conditions', () => {
    const text = "CASE WHEN i > 10 THEN 'big' WHEN i > 5 THEN 'mid' ELSE 'small' END";
    expect(run(text, { i: 11 })).toBe('big');
    expect(run(text, { i: 6 })).toBe('mid');
    expect(run(text, { i: 1 })).toBe('small');
    expect(run(text, {})).toBe('small');
    expect(run('CASE WHEN p THEN 1 END', { p: false })).toBe(null);
  });

  it('compares the subject of a simple CASE with =, never matching NULL', () => {
    const text = "CASE i WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'other' END";
    expect(run(text, { i: 2 })).toBe('two');
    expect(run(text, {})).toBe('other');
    expect(run('CASE i WHEN NULL THEN 1 ELSE 0 END', {})).toBe(0);
  });

  it('evaluates CASE branches lazily', () => {
    expect(run('CASE WHEN j = 0 THEN 0 ELSE i / j END', { i: 1, j: 0 })).toBe(0);
  });

  it('returns the first non-NULL of COALESCE, lazily', () => {
    expect(run('COALESCE(i, j, 3)', { j: 2 })).toBe(2);
    expect(run('COALESCE(i, j)', {})).toBe(null);
    expect(run('COALESCE(i, i / j)', { i: 1, j: 0 })).toBe(1);
  });

  it('NULLIF returns NULL when equal', () => {
    expect(run('NULLIF(i, 0)', { i: 0 })).toBe(null);
    expect(run('NULLIF(i, 0)', { i: 5 })).toBe(5);
    expect(run('NULLIF(i, j)', { i: 5 })).toBe(5);
  });

  it('GREATEST and LEAST are NULL when any argument is', () => {
    expect(run('GREATEST(i, j, 3)', { i: 1, j: 7 })).toBe(7);
    expect(run('LEAST(i, d)', { i: 1, d: 0.5 })).toBe(0.5);
    expect(run("GREATEST(s, t)", { s: 'a', t: 'b' })).toBe('b');
    expect(run('GREATEST(i, j)', { i: 1 })).toBe(null);
    // As Java's Double.compare (measured on Flink 2.0): NaN is the greatest, -0.0 below 0.0.
    expect(run('GREATEST(d, e)', { d: NaN, e: 1 })).toBeNaN();
    expect(run('LEAST(d, e)', { d: NaN, e: 1 })).toBe(1);
    expect(Object.is(run('LEAST(d, e)', { d: 0, e: -0 }), -0)).toBe(true);
    expect(Object.is(run('GREATEST(d, e)', { d: -0, e: 0 }), 0)).toBe(true);
  });
});

describe('string functions', () => {
  it('UPPER, LOWER, CHAR_LENGTH, CONCAT', () => {
    expect(run('UPPER(s)', { s: 'straße' })).toBe('STRASSE');
    expect(run('LOWER(s)', { s: 'ÄB' })).toBe('äb');
    expect(run('CHAR_LENGTH(s)', { s: 'a😀b' })).toBe(3);
    expect(run('CONCAT(s, t, s)', { s: 'a', t: 'b' })).toBe('aba');
    expect(run('CONCAT(s, t)', { s: 'a' })).toBe(null);
    expect(run('UPPER(s)', {})).toBe(null);
  });

  it('TRIM removes spaces only, or the given characters', () => {
    expect(run('TRIM(s)', { s: ' \t a \t ' })).toBe('\t a \t');
    expect(run('TRIM(LEADING FROM s)', { s: '  a  ' })).toBe('a  ');
    expect(run('TRIM(TRAILING FROM s)', { s: '  a  ' })).toBe('  a');
    expect(run("TRIM(BOTH 'xy' FROM s)", { s: 'xyaxyx' })).toBe('a');
    expect(run('TRIM(t FROM s)', { s: 'xax' })).toBe(null);
  });

  it('SUBSTRING is 1-based, counts negative starts from the end, NULL for negative lengths', () => {
    expect(run('SUBSTRING(s, 2)', { s: 'hello' })).toBe('ello');
    expect(run('SUBSTRING(s, 2, 3)', { s: 'hello' })).toBe('ell');
    expect(run('SUBSTRING(s FROM 0 FOR 2)', { s: 'hello' })).toBe('he');
    expect(run('SUBSTRING(s, -3)', { s: 'hello' })).toBe('llo');
    expect(run('SUBSTRING(s, -10)', { s: 'hello' })).toBe('');
    expect(run('SUBSTRING(s, 9)', { s: 'hello' })).toBe('');
    expect(run('SUBSTRING(s, 1, -1)', { s: 'hello' })).toBe(null);
    expect(run('SUBSTRING(s, 2, 1)', { s: '😀x' })).toBe('x');
    expect(run('SUBSTRING(s, i)', { s: 'hello' })).toBe(null);
  });

  it('REPLACE is literal and POSITION counts characters', () => {
    expect(run("REPLACE(s, '.', '$&')", { s: 'a.b.c' })).toBe('a$&b$&c');
    expect(run("REPLACE(s, '', '-')", { s: 'ab' })).toBe('-a-b-');
    expect(run("POSITION('lo' IN s)", { s: 'hello' })).toBe(4);
    expect(run("POSITION('z' IN s)", { s: 'hello' })).toBe(0);
    expect(run("POSITION('' IN s)", { s: 'hello' })).toBe(1);
    expect(run("POSITION('x' IN s)", { s: '😀x' })).toBe(2);
  });

  it('REGEXP finds anywhere; REGEXP_EXTRACT returns a group or NULL', () => {
    expect(run("REGEXP(s, 'l+o')", { s: 'hello' })).toBe(true);
    expect(run("REGEXP(s, '^l')", { s: 'hello' })).toBe(false);
    expect(run("REGEXP(s, '')", { s: 'hello' })).toBe(false);
    expect(run("REGEXP(s, '(?i)HELLO')", { s: 'hello' })).toBe(true);
    expect(run("REGEXP_EXTRACT(s, '(\\d+)-(\\d+)', 2)", { s: 'x 12-34 y' })).toBe('34');
    expect(run("REGEXP_EXTRACT(s, '\\d+')", { s: 'x 12-34 y' })).toBe('12');
    expect(run("REGEXP_EXTRACT(s, '(\\d+)', 5)", { s: 'x 12' })).toBe(null);
    expect(run("REGEXP_EXTRACT(s, '(a)|(b)', 1)", { s: 'b' })).toBe(null);
    expect(run("REGEXP_EXTRACT(s, 'z')", { s: 'abc' })).toBe(null);
  });

  it('treats a computed pattern that does not compile as no match, as Flink does', () => {
    expect(run('REGEXP(s, t)', { s: 'abc', t: 'b+' })).toBe(true);
    expect(run('REGEXP(s, t)', { s: 'abc', t: '(' })).toBe(false);
    expect(run('REGEXP_EXTRACT(s, t)', { s: 'abc', t: '[' })).toBe(null);
  });
});

describe('numeric functions', () => {
  it('ABS keeps the type, wrapping INT_MIN like Java', () => {
    expect(run('ABS(i)', { i: -5 })).toBe(5);
    expect(run('ABS(i)', { i: -2147483648 })).toBe(-2147483648);
    expect(run('ABS(d)', { d: -1.5 })).toBe(1.5);
    expect(run('ABS(b)', { b: -5000000000 })).toBe(5000000000);
  });

  it('ROUND rounds half away from zero on the decimal value', () => {
    expect(run('ROUND(d, 2)', { d: 2.675 })).toBe(2.68);
    expect(run('ROUND(d)', { d: -2.5 })).toBe(-3);
    expect(run('ROUND(d)', { d: 2.4 })).toBe(2);
    expect(run('ROUND(d, -2)', { d: 1250 })).toBe(1300);
    expect(run('ROUND(d, 1)', { d: 0.05 })).toBe(0.1);
    expect(run('ROUND(i, -1)', { i: 15 })).toBe(20);
    expect(run('ROUND(i, -1)', { i: -15 })).toBe(-20);
    expect(run('ROUND(i, 2)', { i: 15 })).toBe(15);
    expect(run('ROUND(i, -1)', { i: 2147483647 })).toBe(-2147483646);
    expect(failure('ROUND(d)', { d: NaN }).message).toMatch(/cannot ROUND NaN/);
  });

  it('FLOOR, CEIL, POWER, SQRT, MOD', () => {
    expect(run('FLOOR(d)', { d: -1.5 })).toBe(-2);
    expect(run('CEIL(d)', { d: -1.5 })).toBe(-1);
    expect(run('FLOOR(i)', { i: 3 })).toBe(3);
    expect(run('POWER(i, 2)', { i: 3 })).toBe(9);
    expect(run('SQRT(d)', { d: 2.25 })).toBe(1.5);
    expect(run('SQRT(d)', { d: -1 })).toBeNaN();
    expect(run('MOD(i, j)', { i: -7, j: 3 })).toBe(-1);
  });
});

describe('CAST', () => {
  it('formats numbers, booleans and timestamps as Flink does', () => {
    expect(run('CAST(d AS STRING)', { d: 1 })).toBe('1.0');
    expect(run('CAST(d AS STRING)', { d: 12345678.9 })).toBe('1.23456789E7');
    expect(run('CAST(d AS STRING)', { d: 0.0001 })).toBe('1.0E-4');
    expect(run('CAST(d AS STRING)', { d: 0.001 })).toBe('0.001');
    expect(run('CAST(d AS STRING)', { d: -0 })).toBe('-0.0');
    expect(run('CAST(d AS STRING)', { d: NaN })).toBe('NaN');
    expect(run('CAST(i AS STRING)', { i: -42 })).toBe('-42');
    expect(run('CAST(p AS STRING)', { p: true })).toBe('TRUE');
    expect(run('CAST(ts AS STRING)', { ts: Date.UTC(2024, 1, 29, 23, 59, 59, 7) })).toBe('2024-02-29 23:59:59.007');
    expect(run('CAST(ts AS VARCHAR)', { ts: -1 })).toBe('1969-12-31 23:59:59.999');
  });

  it('parses strings as Flink does, and fails on bad ones', () => {
    expect(run('CAST(s AS INT)', { s: ' 42 ' })).toBe(42);
    expect(run('CAST(s AS INT)', { s: '-12.9' })).toBe(-12);
    expect(run('CAST(s AS BIGINT)', { s: '5000000000' })).toBe(5000000000);
    expect(run('CAST(s AS DOUBLE)', { s: ' 1e3 ' })).toBe(1000);
    expect(run('CAST(s AS DOUBLE)', { s: '-Infinity' })).toBe(-Infinity);
    expect(run('CAST(s AS BOOLEAN)', { s: 'Yes' })).toBe(true);
    expect(run('CAST(s AS BOOLEAN)', { s: '0' })).toBe(false);
    expect(run('CAST(s AS TIMESTAMP(3))', { s: '2024-3-5 1:02:03.4567' })).toBe(Date.UTC(2024, 2, 5, 1, 2, 3, 456));
    expect(run('CAST(s AS TIMESTAMP)', { s: '2023-02-31' })).toBe(Date.UTC(2023, 1, 28));
    const e = failure('CAST(s AS INT)', { s: '2147483648' });
    expect(e.message).toBe("CAST cannot convert '2147483648' to INT in CAST(`s` AS INT)");
    expect(failure('CAST(s AS INT)', { s: '1e3' }).code).toBe('EVAL_ERROR');
    expect(failure('CAST(s AS BOOLEAN)', { s: ' true' }).code).toBe('EVAL_ERROR');
    expect(failure('CAST(s AS TIMESTAMP)', { s: '2024-01-01T00:00:00Z' }).code).toBe('EVAL_ERROR');
  });

  it('returns NULL from TRY_CAST where CAST would fail', () => {
    expect(run('TRY_CAST(s AS INT)', { s: 'abc' })).toBe(null);
    expect(run('TRY_CAST(s AS INT)', { s: '7' })).toBe(7);
  });

  it('converts between numbers like Java casts', () => {
    expect(run('CAST(d AS INT)', { d: -2.9 })).toBe(-2);
    expect(run('CAST(d AS INT)', { d: 1e20 })).toBe(2147483647);
    expect(run('CAST(d AS INT)', { d: NaN })).toBe(0);
    expect(run('CAST(b AS INT)', { b: 4294967297 })).toBe(1);
    expect(run('CAST(i AS DOUBLE)', { i: 3 })).toBe(3);
    expect(run('CAST(p AS BIGINT)', { p: true })).toBe(1);
    expect(run('CAST(i AS BOOLEAN)', { i: -3 })).toBe(true);
    expect(run('CAST(NULL AS INT)')).toBe(null);
  });
});

describe('EXTRACT', () => {
  it('reads calendar fields in UTC', () => {
    const ts = Date.UTC(2024, 11, 31, 23, 5, 59, 999);
    expect(run('EXTRACT(YEAR FROM ts)', { ts })).toBe(2024);
    expect(run('EXTRACT(MONTH FROM ts)', { ts })).toBe(12);
    expect(run('EXTRACT(DAY FROM ts)', { ts })).toBe(31);
    expect(run('EXTRACT(HOUR FROM ts)', { ts })).toBe(23);
    expect(run('EXTRACT(MINUTE FROM ts)', { ts })).toBe(5);
    expect(run('EXTRACT(SECOND FROM ts)', { ts })).toBe(59);
    expect(run('EXTRACT(YEAR FROM ts)', {})).toBe(null);
    expect(run('EXTRACT(DAY FROM ts)', { ts: -1 })).toBe(31);
  });
});

describe('reading rows', () => {
  it('reads only own properties, so prototype names are NULL or fields', () => {
    const odd: RecordSchema = [
      { name: '__proto__', type: 'int' },
      { name: 'constructor', type: 'string' },
      { name: 'toString', type: 'string' },
    ];
    const parsed = parseExpression('COALESCE(constructor, toString, \'none\')');
    if (!parsed.ok) throw new Error(parsed.problem.message);
    const f = compileExpression(parsed.ast, odd);
    expect(f({})).toBe('none');
    expect(f(Object.create(null) as Row)).toBe('none');
    expect(f({ toString: 'mine' })).toBe('mine');
    const proto = parseExpression('__proto__ + 1');
    if (!proto.ok) throw new Error(proto.problem.message);
    const g = compileExpression(proto.ast, odd);
    expect(g({})).toBe(null);
    expect(g(JSON.parse('{"__proto__": 41}') as Row)).toBe(42);
  });

  it('fails clearly on a value of the wrong kind, and reads ISO timestamps', () => {
    expect(failure('i + 1', { i: '1' }).message).toBe("field `i` should hold a int but holds the string '1'");
    expect(failure('UPPER(s)', { s: 5 }).message).toMatch(/field `s` should hold a string but holds the number 5/);
    expect(failure('p AND q', { p: 'true', q: true }).code).toBe('EVAL_ERROR');
    expect(run('EXTRACT(HOUR FROM ts)', { ts: '2024-01-01T05:00:00.000Z' })).toBe(5);
    expect(failure('EXTRACT(HOUR FROM ts)', { ts: 'yesterday' }).code).toBe('EVAL_ERROR');
  });

  it('refuses to compile an expression that has problems', () => {
    const parsed = parseExpression('nope + 1');
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect(() => compileExpression(parsed.ast, schema)).toThrow(/unknown field `nope`/);
  });
});
