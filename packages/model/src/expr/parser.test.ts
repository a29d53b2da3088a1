import { describe, expect, it } from 'vitest';
import type { Expr } from './ast';
import { parseExpression } from './index';

/** A compact Lisp-like rendering of a tree, so precedence is visible at a glance. */
function sexpr(e: Expr): string {
  switch (e.kind) {
    case 'literal':
      return e.type === 'string' ? `'${e.value}'` : e.type === 'null' ? 'NULL' : `${String(e.value)}:${e.type}`;
    case 'field':
      return e.name;
    case 'unary':
      return `(${e.op} ${sexpr(e.operand)})`;
    case 'binary':
      return `(${e.op} ${sexpr(e.left)} ${sexpr(e.right)})`;
    case 'is':
      return `(IS${e.negated ? '-NOT' : ''}-${e.test} ${sexpr(e.operand)})`;
    case 'in':
      return `(${e.negated ? 'NOT-' : ''}IN ${sexpr(e.operand)} [${e.list.map(sexpr).join(' ')}])`;
    case 'between':
      return `(${e.negated ? 'NOT-' : ''}BETWEEN ${sexpr(e.operand)} ${sexpr(e.low)} ${sexpr(e.high)})`;
    case 'like':
      return `(${e.negated ? 'NOT-' : ''}LIKE ${sexpr(e.operand)} ${sexpr(e.pattern)}${e.escape ? ` ${sexpr(e.escape)}` : ''})`;
    case 'case': {
      const whens = e.whens.map((w) => `[${sexpr(w.when)} ${sexpr(w.then)}]`).join(' ');
      return `(CASE${e.subject ? ` ${sexpr(e.subject)}` : ''} ${whens}${e.otherwise ? ` ELSE ${sexpr(e.otherwise)}` : ''})`;
    }
    case 'cast':
      return `(${e.safe ? 'TRY_CAST' : 'CAST'} ${sexpr(e.operand)} ${e.target})`;
    case 'extract':
      return `(EXTRACT ${e.unit} ${sexpr(e.operand)})`;
    case 'trim':
      return `(TRIM ${e.mode}${e.chars ? ` ${sexpr(e.chars)}` : ''} ${sexpr(e.operand)})`;
    case 'call':
      return `(${e.name} ${e.args.map(sexpr).join(' ')})`;
  }
}

function parse(text: string): string {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(`unexpected problem: ${r.problem.message}`);
  return sexpr(r.ast);
}

function problem(text: string) {
  const r = parseExpression(text);
  if (r.ok) throw new Error(`expected a syntax error for ${text}`);
  return r.problem;
}

describe('literals', () => {
  it('reads strings with doubled quotes', () => {
    expect(parse("'it''s'")).toBe("'it's'");
    expect(parse("''")).toBe("''");
    expect(parse("'multi\nline'")).toBe("'multi\nline'");
  });

  it('types integers by size: int, then bigint', () => {
    expect(parse('42')).toBe('42:int');
    expect(parse('2147483647')).toBe('2147483647:int');
    expect(parse('2147483648')).toBe('2147483648:bigint');
    expect(parse('-2147483648')).toBe('-2147483648:int');
    expect(parse('-2147483649')).toBe('-2147483649:bigint');
    expect(parse('9007199254740991')).toBe('9007199254740991:bigint');
  });

  it('reads decimals and exponents as double', () => {
    expect(parse('1.5')).toBe('1.5:double');
    expect(parse('.5')).toBe('0.5:double');
    expect(parse('1.')).toBe('1:double');
    expect(parse('1e3')).toBe('1000:double');
    expect(parse('2.5E-2')).toBe('0.025:double');
    expect(parse('-1.5')).toBe('-1.5:double');
  });

  it('reads TRUE, FALSE and NULL in any case', () => {
    expect(parse('TRUE')).toBe('true:boolean');
    expect(parse('false')).toBe('false:boolean');
    expect(parse('Null')).toBe('NULL');
  });

  it('rejects integers beyond exact JavaScript precision and out-of-range doubles', () => {
    expect(problem('9007199254740992').message).toMatch(/too large/);
    expect(problem('1e400').message).toMatch(/out of the range of DOUBLE/);
  });
});

describe('field references', () => {
  it('keeps names case-sensitive and unescapes back-quotes', () => {
    expect(parse('Amount')).toBe('Amount');
    expect(parse('`odd name`')).toBe('odd name');
    expect(parse('`a``b`')).toBe('a`b');
    expect(parse('`select`')).toBe('select');
    expect(parse('prix_été')).toBe('prix_été');
  });

  it('treats a function name without parentheses as a field', () => {
    expect(parse('upper')).toBe('upper');
  });

  it('asks for back-quotes around reserved words used as fields', () => {
    expect(problem('end').message).toMatch(/must be written `end`/);
  });
});

describe('operators and precedence', () => {
  it('binds * / % tighter than + - ||', () => {
    expect(parse('a + b * c')).toBe('(+ a (* b c))');
    expect(parse('a * b + c')).toBe('(+ (* a b) c)');
    expect(parse('a - b - c')).toBe('(- (- a b) c)');
    expect(parse('a / b % c')).toBe('(% (/ a b) c)');
    expect(parse("a || b || 'c'")).toBe("(|| (|| a b) 'c')");
  });

  it('binds unary minus tightest and folds it into number literals', () => {
    expect(parse('-a * b')).toBe('(* (- a) b)');
    expect(parse('- 5')).toBe('-5:int');
    expect(parse('-(-a)')).toBe('(- (- a))');
    expect(parse('a - -1')).toBe('(- a -1:int)');
  });

  it('orders OR < AND < NOT < comparisons < arithmetic', () => {
    expect(parse('a OR b AND c')).toBe('(OR a (AND b c))');
    expect(parse('a AND b OR c')).toBe('(OR (AND a b) c)');
    expect(parse('NOT a AND b')).toBe('(AND (NOT a) b)');
    expect(parse('NOT a = b')).toBe('(NOT (= a b))');
    expect(parse('a + 1 > b * 2')).toBe('(> (+ a 1:int) (* b 2:int))');
    expect(parse('NOT NOT a')).toBe('(NOT (NOT a))');
  });

  it('reads every comparison operator, with != as <>', () => {
    for (const op of ['=', '<>', '<', '<=', '>', '>=']) expect(parse(`a ${op} b`)).toBe(`(${op} a b)`);
    expect(parse('a != b')).toBe('(<> a b)');
  });

  it('lets parentheses override precedence', () => {
    expect(parse('(a + b) * c')).toBe('(* (+ a b) c)');
    expect(parse('(a OR b) AND c')).toBe('(AND (OR a b) c)');
  });
});

describe('predicates', () => {
  it('reads IS [NOT] NULL / TRUE / FALSE', () => {
    expect(parse('a IS NULL')).toBe('(IS-NULL a)');
    expect(parse('a IS NOT NULL')).toBe('(IS-NOT-NULL a)');
    expect(parse('a IS TRUE')).toBe('(IS-TRUE a)');
    expect(parse('a is not false')).toBe('(IS-NOT-FALSE a)');
    expect(parse('a + 1 IS NULL AND b')).toBe('(AND (IS-NULL (+ a 1:int)) b)');
  });

  it('reads [NOT] IN lists', () => {
    expect(parse("c IN ('x', 'y')")).toBe("(IN c ['x' 'y'])");
    expect(parse('c NOT IN (1, 2 + 3)')).toBe('(NOT-IN c [1:int (+ 2:int 3:int)])');
  });

  it('reads [NOT] BETWEEN with its own AND', () => {
    expect(parse('x BETWEEN 1 AND 2')).toBe('(BETWEEN x 1:int 2:int)');
    expect(parse('x NOT BETWEEN a + 1 AND b AND y')).toBe('(AND (NOT-BETWEEN x (+ a 1:int) b) y)');
  });

  it('reads [NOT] LIKE with an optional ESCAPE', () => {
    expect(parse("s LIKE 'a%'")).toBe("(LIKE s 'a%')");
    expect(parse("s NOT LIKE 'a!%' ESCAPE '!'")).toBe("(NOT-LIKE s 'a!%' '!')");
  });
});

describe('CASE, CAST and special forms', () => {
  it('reads searched and simple CASE', () => {
    expect(parse("CASE WHEN a > 1 THEN 'x' WHEN b THEN 'y' ELSE 'z' END")).toBe("(CASE [(> a 1:int) 'x'] [b 'y'] ELSE 'z')");
    expect(parse('case x when 1 then 10 end')).toBe('(CASE x [1:int 10:int])');
  });

  it('maps every CAST type name to a field type', () => {
    const cases: [string, string][] = [
      ['STRING', 'string'], ['VARCHAR', 'string'], ['CHAR', 'string'], ['INT', 'int'], ['INTEGER', 'int'],
      ['BIGINT', 'bigint'], ['DOUBLE', 'double'], ['FLOAT', 'double'], ['BOOLEAN', 'boolean'],
      ['TIMESTAMP', 'timestamp'], ['TIMESTAMP(3)', 'timestamp'], ['TIMESTAMP_LTZ(3)', 'timestamp'], ['double precision', 'double'],
    ];
    for (const [name, type] of cases) expect(parse(`CAST(a AS ${name})`)).toBe(`(CAST a ${type})`);
    expect(parse('TRY_CAST(a AS INT)')).toBe('(TRY_CAST a int)');
  });

  it('rejects DECIMAL, sized strings and other timestamp precisions', () => {
    expect(problem('CAST(a AS DECIMAL(10, 2))').message).toMatch(/DECIMAL is not supported; cast to DOUBLE or BIGINT/);
    expect(problem('CAST(a AS VARCHAR(10))').message).toMatch(/write STRING without a size/);
    expect(problem('CAST(a AS TIMESTAMP(6))').message).toMatch(/millisecond precision/);
    expect(problem('CAST(a AS DATE)').message).toMatch(/expected a type/);
  });

  it('reads EXTRACT, TRIM, SUBSTRING and POSITION forms', () => {
    expect(parse('EXTRACT(year FROM ts)')).toBe('(EXTRACT YEAR ts)');
    expect(parse('TRIM(s)')).toBe('(TRIM BOTH s)');
    expect(parse('TRIM(LEADING FROM s)')).toBe('(TRIM LEADING s)');
    expect(parse("TRIM(TRAILING 'x' FROM s)")).toBe("(TRIM TRAILING 'x' s)");
    expect(parse("TRIM('x' FROM s)")).toBe("(TRIM BOTH 'x' s)");
    expect(parse('SUBSTRING(s, 2)')).toBe('(SUBSTRING s 2:int)');
    expect(parse('SUBSTRING(s FROM 2 FOR 3)')).toBe('(SUBSTRING s 2:int 3:int)');
    expect(parse("POSITION('a' || 'b' IN s)")).toBe("(POSITION (|| 'a' 'b') s)");
  });

  it('reads function names in any case, with Flink aliases', () => {
    expect(parse('upper(a)')).toBe('(UPPER a)');
    expect(parse('Ceiling(x)')).toBe('(CEIL x)');
    expect(parse('character_length(s)')).toBe('(CHAR_LENGTH s)');
    expect(parse('COALESCE(a, b, c)')).toBe('(COALESCE a b c)');
    expect(parse("REGEXP_EXTRACT(s, '(a)', 1)")).toBe("(REGEXP_EXTRACT s '(a)' 1:int)");
  });
});

describe('comments and whitespace', () => {
  it('skips -- and /* */ comments', () => {
    expect(parse('a -- the amount\n + /* plus */ b')).toBe('(+ a b)');
  });
});

describe('syntax errors name the place and what was expected', () => {
  it('reports line and column of the offending token', () => {
    const p = problem("SUBSTRING(s, 1 FROM 2)");
    expect(p).toMatchObject({ code: 'EXPR_SYNTAX', line: 1, column: 16 });
    expect(p.message).toBe("line 1, column 16: expected ')' to close SUBSTRING but found 'FROM'");
    expect(p.node).toBeUndefined();
    expect(p.field).toBeUndefined();
  });

  it('counts lines and columns across newlines', () => {
    const p = problem('a = 1\nAND\n  b +');
    expect(p).toMatchObject({ line: 3, column: 6 });
    expect(p.message).toMatch(/expected an expression but found end of input/);
  });

  it('explains unbalanced parentheses and unterminated text', () => {
    expect(problem('(a + b').message).toMatch(/expected '\)' to close the '\(' at line 1, column 1/);
    expect(problem('a + b)').message).toMatch(/unbalanced parenthesis/);
    expect(problem("x = 'abc").message).toMatch(/unterminated string literal/);
    expect(problem('`abc').message).toMatch(/unterminated quoted identifier/);
    expect(problem('/* open').message).toMatch(/unterminated comment/);
    expect(problem('``').message).toMatch(/empty quoted identifier/);
  });

  it('rejects unknown functions and aggregates, listing what exists', () => {
    expect(problem('foo(1)').message).toMatch(/unknown function foo; functions are UPPER, LOWER/);
    expect(problem('SUM(x)').message).toMatch(/aggregates are computed by window nodes/);
  });

  it('reports wrong argument counts as EXPR_SYNTAX', () => {
    expect(problem('UPPER(a, b)')).toMatchObject({ code: 'EXPR_SYNTAX', column: 1 });
    expect(problem('UPPER(a, b)').message).toMatch(/UPPER takes 1 argument but got 2; write UPPER\(s\)/);
    expect(problem('SUBSTRING(s)').message).toMatch(/SUBSTRING takes 2 to 3 arguments but got 1/);
    expect(problem('COALESCE()').message).toMatch(/COALESCE takes at least 1 argument but got 0/);
    expect(problem('MOD(1)').message).toMatch(/MOD takes 2 arguments/);
  });

  it('explains malformed pieces', () => {
    expect(problem('x IS 5').message).toMatch(/expected NULL, TRUE or FALSE after IS/);
    expect(problem('x IN ()').message).toMatch(/at least one value in IN/);
    expect(problem('x BETWEEN 1 OR 2').message).toMatch(/expected 'AND' between the bounds of BETWEEN/);
    expect(problem('CASE END').message).toMatch(/expected 'WHEN' after CASE/);
    expect(problem('CASE WHEN a THEN 1').message).toMatch(/to close the CASE at line 1, column 1/);
    expect(problem('CAST(a INT)').message).toMatch(/expected 'AS'/);
    expect(problem('EXTRACT(WEEK FROM ts)').message).toMatch(/a unit \(YEAR, MONTH, DAY, HOUR, MINUTE, SECOND\)/);
    expect(problem('12abc').message).toMatch(/malformed number/);
    expect(problem('1e+').message).toMatch(/digits after the exponent/);
    expect(problem('a b').message).toBe("line 1, column 3: expected an operator or end of input but found 'b'");
    expect(problem('"x"').message).toMatch(/use single quotes for text and back-quotes for field names/);
    expect(problem('').message).toMatch(/expected an expression but found end of input/);
  });
});
