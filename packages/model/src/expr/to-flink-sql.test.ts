import { describe, expect, it } from 'vitest';
import type { RecordSchema } from '../field';
import { exprToFlinkSql, parseExpression } from './index';

function sql(text: string, schema?: RecordSchema): string {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(r.problem.message);
  return exprToFlinkSql(r.ast, schema);
}

describe('exprToFlinkSql', () => {
  it('back-quotes every identifier, doubling back-quotes', () => {
    expect(sql('amount')).toBe('`amount`');
    expect(sql('`odd name`')).toBe('`odd name`');
    expect(sql('`a``b`')).toBe('`a``b`');
    expect(sql('`select` + `from`')).toBe('`select` + `from`');
  });

  it('re-escapes string literals, typing those beyond the BMP as STRING so Flink never pads them', () => {
    expect(sql("'it''s'")).toBe("'it''s'");
    expect(sql("''")).toBe("''");
    expect(sql("'😀'")).toBe("CAST('😀' AS STRING)");
  });

  it('prints DOUBLE literals in exponent form so Flink reads DOUBLE, not DECIMAL', () => {
    expect(sql('1.5')).toBe('1.5E0');
    expect(sql('0.1')).toBe('1E-1');
    expect(sql('1e3')).toBe('1E3');
    expect(sql('amount * 1.1')).toBe('`amount` * 1.1E0');
    expect(sql('42')).toBe('42');
    expect(sql('3000000000')).toBe('3000000000');
  });

  it('parenthesizes negative literals and every compound operand, never printing --', () => {
    expect(sql('a - -1')).toBe('`a` - (-1)');
    expect(sql('-(-a)')).toBe('-(-`a`)');
    expect(sql('-(5)')).toBe('-(5)');
    expect(sql('-5')).toBe('-5');
    expect(sql('a + b * c')).toBe('`a` + (`b` * `c`)');
    expect(sql('(a + b) * c')).toBe('(`a` + `b`) * `c`');
    expect(sql('a - b - c')).toBe('(`a` - `b`) - `c`');
    expect(sql('NOT a = b OR c')).toBe('(NOT (`a` = `b`)) OR `c`');
    expect(sql('a - -1 - -2.5')).not.toContain('--');
  });

  it('keeps integer division as / (Flink divides INT by INT as integers) and prints % as MOD', () => {
    expect(sql('a / b')).toBe('`a` / `b`');
    expect(sql('a % b')).toBe('MOD(`a`, `b`)');
    expect(sql('a != b')).toBe('`a` <> `b`');
  });

  it('prints predicates', () => {
    expect(sql('a IS NOT NULL')).toBe('`a` IS NOT NULL');
    expect(sql('p IS FALSE')).toBe('`p` IS FALSE');
    expect(sql("c NOT IN ('x', 'y')")).toBe("`c` NOT IN ('x', 'y')");
    expect(sql('a BETWEEN b + 1 AND 10')).toBe('`a` BETWEEN (`b` + 1) AND 10');
    expect(sql("s NOT LIKE 'a!%' ESCAPE '!'")).toBe("`s` NOT LIKE 'a!%' ESCAPE '!'");
  });

  it('prints CASE, CAST with Flink type names, and the special forms', () => {
    expect(sql("CASE WHEN a > 1 THEN 'x' ELSE 'y' END")).toBe("CASE WHEN `a` > 1 THEN 'x' ELSE 'y' END");
    expect(sql('CASE a WHEN 1 THEN 2 END')).toBe('CASE `a` WHEN 1 THEN 2 END');
    expect(sql('CAST(a AS VARCHAR)')).toBe('CAST(`a` AS STRING)');
    expect(sql('CAST(a AS integer)')).toBe('CAST(`a` AS INT)');
    expect(sql('CAST(a AS FLOAT)')).toBe('CAST(`a` AS DOUBLE)');
    expect(sql('CAST(a AS TIMESTAMP)')).toBe('CAST(`a` AS TIMESTAMP(3))');
    expect(sql('try_cast(a AS boolean)')).toBe('TRY_CAST(`a` AS BOOLEAN)');
    expect(sql('EXTRACT(month FROM ts)')).toBe('EXTRACT(MONTH FROM `ts`)');
    expect(sql('TRIM(s)')).toBe('TRIM(BOTH FROM `s`)');
    expect(sql("TRIM(LEADING 'x' FROM s)")).toBe("TRIM(LEADING 'x' FROM `s`)");
    expect(sql('SUBSTRING(s FROM 2 FOR 3)')).toBe('SUBSTRING(`s`, 2, 3)');
    expect(sql("POSITION('a' || 'b' IN s)")).toBe("POSITION(('a' || 'b') IN `s`)");
    expect(sql('ceiling(x)')).toBe('CEIL(`x`)');
    expect(sql('coalesce(a, NULL, TRUE)')).toBe('COALESCE(`a`, NULL, TRUE)');
  });

  it('prints a string compared with a timestamp as a TIMESTAMP literal when given the schema', () => {
    const schema: RecordSchema = [{ name: 'ts', type: 'timestamp' }, { name: 's', type: 'string' }];
    expect(sql("ts >= '2024-1-2'", schema)).toBe("`ts` >= TIMESTAMP '2024-01-02 00:00:00.000'");
    expect(sql("ts BETWEEN '2024-01-01 10:00:00' AND '2024-01-01 11:00:00.5'", schema)).toBe(
      "`ts` BETWEEN TIMESTAMP '2024-01-01 10:00:00.000' AND TIMESTAMP '2024-01-01 11:00:00.500'",
    );
    expect(sql("s = '2024-01-01'", schema)).toBe("`s` = '2024-01-01'");
    expect(sql("ts >= '2024-1-2'")).toBe("`ts` >= '2024-1-2'");
  });

  it('reads back as the same tree', () => {
    const texts = [
      "a + b * -c / 2 - 1.25e-3 > 3 OR NOT (s LIKE '%x_' AND s IS NOT NULL)",
      "CASE WHEN a IN (1, 2, NULL) THEN UPPER(s) || '!' WHEN a BETWEEN -5 AND 5 THEN 'mid' ELSE NULL END",
      "REGEXP_EXTRACT(TRIM(TRAILING FROM s), '(\\d+)', 1) = CAST(a AS STRING)",
      'EXTRACT(YEAR FROM ts) = 2024 AND ROUND(d, 2) <> ABS(-d) AND MOD(b, 7) = 0',
    ];
    const strip = (t: string) => JSON.stringify(parseExpression(t), (k, v) => (k === 'span' || k === 'typeName' ? undefined : v));
    for (const text of texts) {
      const once = sql(text);
      expect(strip(once), text).toBe(strip(text));
      expect(sql(once)).toBe(once);
    }
  });
});
