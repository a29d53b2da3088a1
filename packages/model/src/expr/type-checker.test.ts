import { describe, expect, it } from 'vitest';
import type { RecordSchema } from '../field';
import { checkExpression, parseExpression } from './index';

const schema: RecordSchema = [
  { name: 'i', type: 'int' },
  { name: 'j', type: 'int' },
  { name: 'b', type: 'bigint' },
  { name: 'd', type: 'double' },
  { name: 's', type: 'string' },
  { name: 't', type: 'string' },
  { name: 'ok', type: 'boolean' },
  { name: 'ts', type: 'timestamp' },
  { name: 'amount', type: 'double' },
  { name: 'Category', type: 'string' },
];

function check(text: string) {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(`syntax error in test input: ${parsed.problem.message}`);
  return checkExpression(parsed.ast, schema);
}
const typeOf = (text: string) => {
  const r = check(text);
  if (r.problems.length > 0) throw new Error(`unexpected problems for ${text}: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.type;
};
const problems = (text: string) => check(text).problems;

describe('numeric promotion', () => {
  it('widens int < bigint < double', () => {
    expect(typeOf('i + j')).toBe('int');
    expect(typeOf('i * b')).toBe('bigint');
    expect(typeOf('b - d')).toBe('double');
    expect(typeOf('i + 1.5')).toBe('double');
    expect(typeOf('i + 3000000000')).toBe('bigint');
    expect(typeOf('-i')).toBe('int');
  });

  it('keeps int / int an integer division', () => {
    expect(typeOf('i / j')).toBe('int');
    expect(typeOf('b / i')).toBe('bigint');
    expect(typeOf('i / 2.0')).toBe('double');
  });

  it('gives % and MOD integers only, typed as the divisor', () => {
    expect(typeOf('b % i')).toBe('int');
    expect(typeOf('i % b')).toBe('bigint');
    expect(typeOf('MOD(b, 7)')).toBe('int');
    const [p] = problems('d % 2');
    expect(p).toMatchObject({ code: 'TYPE_MISMATCH', line: 1, column: 1 });
    expect(p?.message).toMatch(/operator % needs integers \(int or bigint\) but got double and int/);
    expect(problems('MOD(d, 2)')[0]?.message).toMatch(/argument 1 of MOD needs an integer/);
  });

  it('rejects arithmetic on non-numbers, naming operator and types', () => {
    expect(problems("s + 1")[0]?.message).toBe('line 1, column 1: operator + needs numbers but got string and int');
    expect(problems('ts - ts')[0]?.message).toMatch(/operator - needs numbers but got timestamp and timestamp/);
    expect(problems('-s')[0]?.message).toMatch(/unary - needs a number but got string/);
  });
});

describe('comparisons', () => {
  it('compares numbers with numbers and like types with like types', () => {
    expect(typeOf('i < d')).toBe('boolean');
    expect(typeOf('b = i')).toBe('boolean');
    expect(typeOf('s >= t')).toBe('boolean');
    expect(typeOf('ok = TRUE')).toBe('boolean');
    expect(typeOf('ts <> ts')).toBe('boolean');
  });

  it('rejects incomparable types', () => {
    const [p] = problems("i = 'x'");
    expect(p).toMatchObject({ code: 'TYPE_MISMATCH', column: 1 });
    expect(p?.message).toMatch(/cannot compare int with string using =/);
    expect(problems('ok < 1')[0]?.message).toMatch(/cannot compare boolean with int using </);
  });

  it('reads a string literal compared with a timestamp as a timestamp, checked now', () => {
    expect(typeOf("ts > '2024-01-01'")).toBe('boolean');
    expect(typeOf("'2024-01-01 10:00:00.123' <= ts")).toBe('boolean');
    expect(typeOf("ts BETWEEN '2024-01-01' AND '2024-02-01'")).toBe('boolean');
    expect(typeOf("ts IN ('2024-01-01 00:00:00', '2024-01-02 00:00:00')")).toBe('boolean');
    const [bad] = problems("ts > '2024-13-45'");
    expect(bad).toMatchObject({ code: 'TYPE_MISMATCH', line: 1, column: 6 });
    expect(bad?.message).toMatch(/'2024-13-45' is not a timestamp; write 'yyyy-MM-dd'/);
    expect(problems('ts = s')[0]?.message).toMatch(/cannot compare timestamp with string using =; write CAST/);
    // One literal, one value at run time: it cannot be a timestamp for one comparison and a string for another.
    expect(problems("'2024-01-01' IN (ts, s)")[0]?.message).toMatch(/compared with both a timestamp and a string/);
    expect(problems("CASE '2024-01-01' WHEN s THEN 1 WHEN ts THEN 2 END")[0]?.message).toMatch(/compared with both a string and a timestamp/);
  });

  it('types IN and BETWEEN against their operand', () => {
    expect(typeOf('i IN (1, 2.5, b)')).toBe('boolean');
    expect(problems("i NOT IN (1, 'two')")[0]?.message).toMatch(/cannot compare int with string using NOT IN/);
    expect(problems("i BETWEEN 1 AND 'z'")[0]?.message).toMatch(/cannot compare int with string using BETWEEN/);
  });
});

describe('strings and booleans', () => {
  it('concatenates strings only', () => {
    expect(typeOf("s || 'x'")).toBe('string');
    expect(problems('s || i')[0]?.message).toMatch(/\|\| needs strings but got int/);
  });

  it('needs booleans for AND, OR, NOT and IS TRUE', () => {
    expect(typeOf('ok AND i > 1 OR NOT ok')).toBe('boolean');
    expect(problems('i AND ok')[0]?.message).toMatch(/AND needs boolean operands but got int/);
    expect(problems('NOT s')[0]?.message).toMatch(/NOT needs a boolean but got string/);
    expect(problems('i IS TRUE')[0]?.message).toMatch(/IS TRUE needs a boolean but got int/);
    expect(typeOf('s IS NULL')).toBe('boolean');
  });

  it('needs strings for LIKE and checks literal patterns now', () => {
    expect(typeOf("s LIKE 'a%'")).toBe('boolean');
    expect(typeOf('s LIKE t')).toBe('boolean');
    expect(problems("i LIKE 'a%'")[0]?.message).toMatch(/LIKE needs strings but got int/);
    const [p] = problems("s LIKE 'a!x' ESCAPE '!'");
    expect(p).toMatchObject({ code: 'EXPR_SYNTAX', column: 8 });
    expect(p?.message).toMatch(/invalid escape in LIKE pattern 'a!x' at character 2/);
    expect(problems("s LIKE t ESCAPE 'ab'")[0]?.message).toMatch(/ESCAPE of LIKE must be exactly one character/);
  });
});

describe('common types of CASE, COALESCE, GREATEST, LEAST', () => {
  it('unifies results, widening numbers', () => {
    expect(typeOf('CASE WHEN ok THEN i ELSE d END')).toBe('double');
    expect(typeOf('CASE i WHEN 1 THEN s WHEN 2 THEN NULL END')).toBe('string');
    expect(typeOf('COALESCE(NULL, i, b)')).toBe('bigint');
    expect(typeOf('GREATEST(i, 2)')).toBe('int');
    expect(typeOf('LEAST(s, t)')).toBe('string');
    expect(typeOf('NULLIF(i, 0)')).toBe('int');
  });

  it('rejects mixed kinds, naming the construct', () => {
    expect(problems("CASE WHEN ok THEN 1 ELSE 'x' END")[0]?.message).toMatch(/CASE mixes int and string/);
    expect(problems('COALESCE(s, i)')[0]?.message).toMatch(/COALESCE mixes string and int/);
    expect(problems('GREATEST(ts, i)')[0]?.message).toMatch(/GREATEST mixes timestamp and int/);
    expect(problems('CASE WHEN i THEN 1 END')[0]?.message).toMatch(/WHEN needs a boolean condition but got int/);
    expect(problems("CASE s WHEN 1 THEN 2 END")[0]?.message).toMatch(/cannot compare string with int using CASE … WHEN/);
  });
});

describe('NULL', () => {
  it('is allowed where Flink allows it: comparisons, IN, BETWEEN, CASE, COALESCE, NULLIF, IS NULL, CAST', () => {
    expect(typeOf('NULL = s')).toBe('boolean');
    expect(typeOf('i < NULL')).toBe('boolean');
    expect(typeOf('i IN (1, NULL)')).toBe('boolean');
    expect(typeOf('i BETWEEN NULL AND 2')).toBe('boolean');
    expect(typeOf('CASE WHEN ok THEN NULL ELSE s END')).toBe('string');
    expect(typeOf('CASE i WHEN NULL THEN 1 END')).toBe('int');
    expect(typeOf('COALESCE(i, NULL)')).toBe('int');
    expect(typeOf('NULLIF(i, NULL)')).toBe('int');
    expect(typeOf('NULL IS NULL')).toBe('boolean');
    expect(typeOf('CAST(NULL AS BIGINT)')).toBe('bigint');
    expect(typeOf('CAST(NULL AS INT) + i')).toBe('int');
  });

  it('is refused elsewhere, as Flink refuses it ("Illegal use of NULL")', () => {
    for (const text of ['i + NULL', 'UPPER(NULL)', 'NULL AND ok', 'NOT NULL', "s || NULL", 'NULL IS TRUE', "s LIKE NULL",
      'SUBSTRING(s, NULL)', 'EXTRACT(YEAR FROM NULL)', 'TRIM(NULL)', 'GREATEST(i, NULL)', 'MOD(NULL, 2)', 'ROUND(d, NULL)']) {
      const [p] = problems(text);
      expect(p?.code, text).toBe('TYPE_MISMATCH');
      expect(p?.message, text).toMatch(/the type of NULL in .* is unknown; write CAST\(NULL AS type\)/);
    }
  });

  it('is untyped alone: no problem, type null', () => {
    expect(check('NULL')).toEqual({ type: null, problems: [] });
  });

  it('asks for a CAST where nothing gives it a type', () => {
    for (const text of ['NULL + NULL', 'NULL = NULL', '-NULL', 'ABS(NULL)', 'COALESCE(NULL, NULL)', 'CASE WHEN ok THEN NULL END']) {
      const [p] = problems(text);
      expect(p?.code).toBe('TYPE_MISMATCH');
      expect(p?.message).toMatch(/CAST\(NULL AS type\)|at least one THEN or ELSE result that is not NULL/);
    }
  });
});

describe('CAST', () => {
  it('allows the conversions Flink allows', () => {
    for (const [from, to] of [['s', 'INT'], ['i', 'STRING'], ['d', 'BIGINT'], ['ok', 'INT'], ['b', 'BOOLEAN'], ['d', 'BOOLEAN'], ['ts', 'STRING'], ['s', 'TIMESTAMP(3)']]) {
      expect(problems(`CAST(${from} AS ${to})`)).toEqual([]);
    }
  });

  it('rejects the others', () => {
    expect(problems('CAST(ts AS BIGINT)')[0]?.message).toMatch(/cannot CAST timestamp to BIGINT/);
    expect(problems('CAST(i AS TIMESTAMP)')[0]?.message).toMatch(/cannot CAST int to TIMESTAMP/);
  });

  it('rejects a literal that can never convert, unless TRY_CAST', () => {
    expect(problems("CAST('abc' AS INT)")[0]?.message).toMatch(/'abc' cannot be converted to INT; CAST would fail on every row/);
    expect(problems("CAST('2024-02-30 25:00:00' AS TIMESTAMP)")[0]?.message).toMatch(/cannot be converted to TIMESTAMP\(3\)/);
    expect(problems("TRY_CAST('abc' AS INT)")).toEqual([]);
  });
});

describe('functions', () => {
  it('types each function', () => {
    const cases: [string, string][] = [
      ['UPPER(s)', 'string'], ['LOWER(s)', 'string'], ['TRIM(s)', 'string'], ['CHAR_LENGTH(s)', 'int'],
      ['SUBSTRING(s, 1, b)', 'string'], ['CONCAT(s, t, s)', 'string'], ["REPLACE(s, 'a', 'b')", 'string'],
      ["POSITION('a' IN s)", 'int'], ["REGEXP(s, 'a+')", 'boolean'], ["REGEXP_EXTRACT(s, '(a)', 1)", 'string'],
      ['ABS(i)', 'int'], ['ABS(d)', 'double'], ['ROUND(d, 2)', 'double'], ['ROUND(b)', 'bigint'], ['FLOOR(d)', 'double'],
      ['CEIL(i)', 'int'], ['POWER(i, 2)', 'double'], ['SQRT(b)', 'double'], ['EXTRACT(DAY FROM ts)', 'bigint'],
    ];
    for (const [text, type] of cases) expect(typeOf(text), text).toBe(type);
  });

  it('names the function and argument on a wrong type', () => {
    expect(problems('UPPER(i)')[0]?.message).toBe('line 1, column 7: UPPER needs a string but got int');
    expect(problems('SUBSTRING(s, d)')[0]?.message).toMatch(/argument 2 of SUBSTRING needs an integer \(int or bigint\) but got double/);
    expect(problems('ROUND(d, 1.5)')[0]?.message).toMatch(/argument 2 of ROUND needs an integer/);
    expect(problems('EXTRACT(YEAR FROM s)')[0]?.message).toMatch(/EXTRACT\(YEAR FROM …\) needs a timestamp but got string/);
    expect(problems('CONCAT(s, i)')[0]?.message).toMatch(/argument 2 of CONCAT needs a string but got int/);
  });

  it('rejects literal regular expressions that do not compile, at check time', () => {
    const [p] = problems("REGEXP(s, '(unclosed')");
    expect(p).toMatchObject({ code: 'EXPR_SYNTAX', line: 1, column: 11 });
    expect(p?.message).toMatch(/invalid regular expression '\(unclosed'.*\(in REGEXP\)/);
    expect(problems("REGEXP_EXTRACT(s, 'a*+')")[0]?.message).toMatch(/invalid regular expression/);
    expect(problems("REGEXP(s, '(?x)a')")[0]?.message).toMatch(/inline flag \(\?x\) is not supported/);
    expect(problems("REGEXP(s, '(?i)abc')")).toEqual([]);
  });
});

describe('unknown fields', () => {
  it('suggests close names, case differences first', () => {
    const [p] = problems('amout > 1');
    expect(p).toMatchObject({ code: 'UNKNOWN_FIELD', line: 1, column: 1 });
    expect(p?.message).toBe('line 1, column 1: unknown field `amout`; did you mean `amount`?');
    expect(problems("category = 'x'")[0]?.message).toMatch(/did you mean `Category`\? \(field names are case-sensitive\)/);
  });

  it('lists the fields when nothing is close', () => {
    expect(problems('zzzzzz')[0]?.message).toMatch(/unknown field `zzzzzz`; the input fields are `i`, `j`, `b`/);
  });

  it('never resolves object-prototype names', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(problems(name)[0]?.code).toBe('UNKNOWN_FIELD');
    }
  });
});

describe('all problems at once', () => {
  it('reports every independent error with its position and no node or field', () => {
    const ps = problems("nope + 1 > 2 AND UPPER(i) = 'X' OR missing");
    expect(ps.map((p) => [p.code, p.column])).toEqual([
      ['UNKNOWN_FIELD', 1],
      ['TYPE_MISMATCH', 24],
      ['UNKNOWN_FIELD', 36],
    ]);
    for (const p of ps) {
      expect(p.node).toBeUndefined();
      expect(p.field).toBeUndefined();
    }
  });

  it('does not repeat an error up the tree', () => {
    expect(problems('(nope + 1) * 2 > 3')).toHaveLength(1);
  });
});

describe('schemas with awkward names', () => {
  it('resolves fields named like Object.prototype members when declared', () => {
    const odd: RecordSchema = [{ name: '__proto__', type: 'int' }, { name: 'constructor', type: 'string' }];
    const parsed = parseExpression('__proto__ > 1 AND constructor IS NOT NULL');
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect(checkExpression(parsed.ast, odd)).toEqual({ type: 'boolean', problems: [] });
  });
});
