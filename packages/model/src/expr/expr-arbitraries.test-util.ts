import fc from 'fast-check';
import type { Field, FieldType, RecordSchema, Row } from '../field';

/**
 * fast-check generators for the property tests: random schemas (with awkward field names),
 * rows with NULLs and missing fields, and random WELL-TYPED expression texts. Every
 * compound is parenthesized and every unary minus followed by a space, so the generated
 * text never depends on precedence and never contains `--`.
 */

const TYPES: FieldType[] = ['string', 'int', 'bigint', 'double', 'boolean', 'timestamp'];
const NAMES = ['a', 'b', 'amount', 'Amount', 'odd name', '__proto__', 'constructor', 'toString', 'x`y', 'select', 'été'];

export const schemaArb: fc.Arbitrary<RecordSchema> = fc
  .uniqueArray(fc.record({ name: fc.constantFrom(...NAMES), type: fc.constantFrom(...TYPES) }), {
    selector: (f) => f.name,
    minLength: 1,
    maxLength: 8,
  })
  .map((fields) => fields as Field[]);

export const STRING_SAMPLES = [
  '', 'a', 'abc', 'ABC', ' 42 ', '7', '-3.9', '1e3', 'true', 'NO', 'y', '2024-02-30', '2024-01-02 03:04:05.678',
  'x%y_z', '😀a', 'A!%', 'a!b', '\n', '(', 'b+', 'a.c', "it's", '\t7', 'a\nc', 'abc\n', '-0', '+.5', '1.5d', '2024-01-02 24:00:00', '2023-02-29 24:00:00.5',
];

const valueArbs: Record<FieldType, fc.Arbitrary<unknown>> = {
  int: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.integer(), fc.constantFrom(2147483647, -2147483648)),
  bigint: fc.oneof(
    fc.integer({ min: -5, max: 5 }),
    fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
    fc.constantFrom(3000000000, -3000000000),
  ),
  double: fc.oneof(
    fc.double(),
    fc.constantFrom(0, -0, 0.5, -2.5, 2.675, 1e7, 1e-4, 5e-4, 123.456, -7, NaN, Infinity),
    fc.integer({ min: -100, max: 100 }).map((n) => n / 4),
  ),
  string: fc.oneof(fc.constantFrom(...STRING_SAMPLES), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 })),
  boolean: fc.boolean(),
  timestamp: fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
};

/** A row for the schema: each field holds a value, NULL, or is missing altogether. */
export function rowArb(schema: RecordSchema): fc.Arbitrary<Row> {
  const cells = schema.map((f) =>
    fc.oneof(
      { weight: 6, arbitrary: valueArbs[f.type].map((v) => ({ present: true, v })) },
      { weight: 2, arbitrary: fc.constant({ present: true, v: null }) },
      { weight: 1, arbitrary: fc.constant({ present: false, v: undefined }) },
    ),
  );
  return fc.tuple(...cells).map((values) => {
    const row: Row = {};
    schema.forEach((f, i) => {
      const cell = values[i] as { present: boolean; v: unknown };
      // defineProperty: assigning row['__proto__'] would set the prototype instead.
      if (cell.present) Object.defineProperty(row, f.name, { value: cell.v, enumerable: true, writable: true, configurable: true });
    });
    return row;
  });
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
const field = (name: string) => `\`${name.replaceAll('`', '``')}\``;
const TS_LITERALS = ['2024-01-02 24:00:00', '2024-01-02 03:04:05', '2000-02-29', '1999-12-31 23:59:59.999', '2024-1-2 3:4:5.6', '1970-01-01'];
const LIKE_PLAIN = ['a%', '%', '_b%', '%.%', '(%)', '%\\%', 'abc', '%c', '_'];
const LIKE_ESCAPED = ['a!%', '%!_%', '!!%', 'x!_y', '%'];
const REGEXES = ['a+', '^\\d+$', '(\\w)(\\d)?', 'b|c', '[a-c]+', '.', '(?i)A', ''];

type Gen = (t: FieldType) => fc.Arbitrary<string>;

function literals(t: FieldType): fc.Arbitrary<string> {
  switch (t) {
    case 'int':
      return fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(2147483647, -2147483648)).map(String);
    case 'bigint':
      return fc.constantFrom('3000000000', '-3000000000', '9007199254740991');
    case 'double':
      return fc.constantFrom('0.5', '-2.5', '1e3', '2.675', '0.1', '1.5E-5', '0.0');
    case 'string':
      return fc.constantFrom(...STRING_SAMPLES).map(quote);
    case 'boolean':
      return fc.constantFrom('TRUE', 'FALSE');
    case 'timestamp':
      return fc.constantFrom(...TS_LITERALS).map((s) => `CAST(${quote(s)} AS TIMESTAMP(3))`);
  }
}

const CAST_NAME: Record<FieldType, string> = {
  string: 'STRING', int: 'INT', bigint: 'BIGINT', double: 'DOUBLE', boolean: 'BOOLEAN', timestamp: 'TIMESTAMP(3)',
};

/** Compound expressions of type t whose operands come from `sub`. */
function compounds(t: FieldType, rawSub: Gen): fc.Arbitrary<string>[] {
  // CAST of a string literal that can never convert is rejected at check time; LOWER(…) keeps
  // such a literal random but not literal.
  const sub: Gen = (x) => (x === 'string' ? rawSub(x).map((s) => (s.startsWith("'") ? `LOWER(${s})` : s)) : rawSub(x));
  const num = fc.oneof(sub('int'), sub('bigint'), sub('double'));
  const integral = fc.oneof(sub('int'), sub('bigint'));
  const any = fc.oneof(...TYPES.map((x) => sub(x)));
  const common = [
    fc.tuple(sub('boolean'), sub(t), sub(t)).map(([c, x, y]) => `CASE WHEN ${c} THEN ${x} ELSE ${y} END`),
    fc.tuple(sub(t), sub(t)).map(([x, y]) => `COALESCE(${x}, ${y})`),
    fc.tuple(sub(t), sub(t)).map(([x, y]) => `NULLIF(${x}, ${y})`),
    fc.tuple(fc.constantFrom('GREATEST', 'LEAST'), sub(t), sub(t)).map(([f, x, y]) => `${f}(${x}, ${y})`),
    fc.constant(`CAST(NULL AS ${CAST_NAME[t]})`),
  ];
  const arith = (ops: string[], l: fc.Arbitrary<string>, r: fc.Arbitrary<string>) =>
    fc.tuple(l, fc.constantFrom(...ops), r).map(([x, op, y]) => `(${x} ${op} ${y})`);
  switch (t) {
    case 'int':
      return [
        ...common,
        arith(['+', '-', '*', '/', '%'], sub('int'), sub('int')),
        arith(['%'], integral, sub('int')),
        sub('int').map((x) => `(- ${x})`),
        fc.tuple(fc.constantFrom('ABS', 'FLOOR', 'CEIL'), sub('int')).map(([f, x]) => `${f}(${x})`),
        fc.tuple(sub('int'), fc.integer({ min: -3, max: 2 })).map(([x, d]) => `ROUND(${x}, ${d})`),
        sub('string').map((s) => `CHAR_LENGTH(${s})`),
        fc.tuple(sub('string'), sub('string')).map(([a, b]) => `POSITION(${a} IN ${b})`),
        fc.tuple(fc.constantFrom('CAST', 'TRY_CAST'), fc.oneof(sub('string'), sub('double'), sub('bigint'), sub('boolean'))).map(
          ([c, x]) => `${c}(${x} AS INT)`,
        ),
        fc.tuple(sub('int'), literals('int'), sub('int')).map(([s, v, x]) => `CASE ${s} WHEN ${v} THEN ${x} END`),
      ];
    case 'bigint':
      return [
        ...common,
        arith(['+', '-', '*', '/'], sub('bigint'), integral),
        arith(['+', '-', '*', '/'], sub('int'), sub('bigint')),
        arith(['%'], integral, sub('bigint')),
        sub('bigint').map((x) => `(- ${x})`),
        fc.tuple(fc.constantFrom('ABS', 'FLOOR'), sub('bigint')).map(([f, x]) => `${f}(${x})`),
        fc.tuple(sub('bigint'), fc.integer({ min: -3, max: 1 })).map(([x, d]) => `ROUND(${x}, ${d})`),
        fc.tuple(fc.constantFrom('YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND'), sub('timestamp')).map(([u, x]) => `EXTRACT(${u} FROM ${x})`),
        fc.tuple(fc.constantFrom('CAST', 'TRY_CAST'), fc.oneof(sub('string'), sub('double'), sub('int'))).map(([c, x]) => `${c}(${x} AS BIGINT)`),
        fc.tuple(sub('int'), sub('bigint')).map(([x, y]) => `COALESCE(${x}, ${y})`),
      ];
    case 'double':
      return [
        ...common,
        arith(['+', '-', '*', '/'], sub('double'), num),
        arith(['/', '*'], integral, sub('double')),
        sub('double').map((x) => `(- ${x})`),
        fc.tuple(fc.constantFrom('ABS', 'FLOOR', 'CEIL', 'SQRT'), sub('double')).map(([f, x]) => `${f}(${x})`),
        fc.tuple(sub('double'), fc.integer({ min: -2, max: 3 })).map(([x, d]) => `ROUND(${x}, ${d})`),
        fc.tuple(num, num).map(([x, y]) => `POWER(${x}, ${y})`),
        fc.tuple(fc.constantFrom('CAST', 'TRY_CAST'), fc.oneof(sub('string'), sub('int'), sub('bigint'), sub('boolean'))).map(
          ([c, x]) => `${c}(${x} AS DOUBLE)`,
        ),
        fc.tuple(sub('boolean'), sub('int'), sub('double')).map(([c, x, y]) => `CASE WHEN ${c} THEN ${x} ELSE ${y} END`),
      ];
    case 'string':
      return [
        ...common,
        fc.tuple(sub('string'), sub('string')).map(([x, y]) => `(${x} || ${y})`),
        fc.tuple(fc.constantFrom('UPPER', 'LOWER', 'TRIM'), sub('string')).map(([f, x]) => `${f}(${x})`),
        fc.tuple(fc.constantFrom('LEADING', 'TRAILING', 'BOTH'), fc.constantFrom("'a'", "'ab'", "' '"), sub('string')).map(
          ([m, c, x]) => `TRIM(${m} ${c} FROM ${x})`,
        ),
        fc.tuple(sub('string'), sub('int')).map(([s, a]) => `SUBSTRING(${s}, ${a})`),
        fc.tuple(sub('string'), sub('int'), sub('int')).map(([s, a, b]) => `SUBSTRING(${s} FROM ${a} FOR ${b})`),
        fc.tuple(sub('string'), sub('string'), sub('string')).map(([a, b, c]) => `CONCAT(${a}, ${b}, ${c})`),
        fc.tuple(sub('string'), sub('string'), sub('string')).map(([a, b, c]) => `REPLACE(${a}, ${b}, ${c})`),
        fc.tuple(sub('string'), fc.constantFrom(...REGEXES), fc.constantFrom('', ', 0', ', 1', ', 2', ', 5')).map(
          ([s, r, g]) => `REGEXP_EXTRACT(${s}, ${quote(r)}${g})`,
        ),
        fc.tuple(sub('string'), sub('string')).map(([s, r]) => `REGEXP_EXTRACT(${s}, ${r})`),
        fc.tuple(fc.constantFrom('CAST', 'TRY_CAST'), any).map(([c, x]) => `${c}(${x} AS STRING)`),
      ];
    case 'boolean': {
      const cmp = fc.constantFrom('=', '<>', '<', '<=', '>', '>=');
      const compare = (l: fc.Arbitrary<string>, r: fc.Arbitrary<string>) =>
        fc.tuple(l, cmp, r).map(([x, op, y]) => `(${x} ${op} ${y})`);
      const not = fc.constantFrom('', 'NOT ');
      return [
        ...common,
        compare(num, num),
        compare(sub('string'), sub('string')),
        compare(sub('boolean'), sub('boolean')),
        compare(sub('timestamp'), sub('timestamp')),
        compare(sub('timestamp'), fc.constantFrom(...TS_LITERALS).map(quote)),
        fc.tuple(sub('boolean'), fc.constantFrom('AND', 'OR'), sub('boolean')).map(([x, op, y]) => `(${x} ${op} ${y})`),
        sub('boolean').map((x) => `(NOT ${x})`),
        fc.tuple(any, not).map(([x, n]) => `(${x} IS ${n}NULL)`),
        fc.tuple(sub('boolean'), not, fc.constantFrom('TRUE', 'FALSE')).map(([x, n, v]) => `(${x} IS ${n}${v})`),
        fc.tuple(sub('int'), not, sub('int'), literals('int')).map(([x, n, y, v]) => `(${x} ${n}IN (${y}, ${v}, NULL))`),
        fc.tuple(sub('string'), not, sub('string'), literals('string')).map(([x, n, y, v]) => `(${x} ${n}IN (${y}, ${v}))`),
        fc.tuple(sub('timestamp'), fc.constantFrom(...TS_LITERALS)).map(([x, v]) => `(${x} IN (${quote(v)}, ${x}))`),
        fc.tuple(num, not, num, num).map(([x, n, lo, hi]) => `(${x} ${n}BETWEEN ${lo} AND ${hi})`),
        fc.tuple(sub('string'), not, fc.constantFrom(...LIKE_PLAIN)).map(([x, n, p]) => `(${x} ${n}LIKE ${quote(p)})`),
        fc.tuple(sub('string'), fc.constantFrom(...LIKE_ESCAPED)).map(([x, p]) => `(${x} LIKE ${quote(p)} ESCAPE '!')`),
        fc.tuple(sub('string'), sub('string'), fc.constantFrom('', " ESCAPE '!'")).map(([x, p, e]) => `(${x} LIKE ${p}${e})`),
        fc.tuple(sub('string'), fc.constantFrom(...REGEXES)).map(([x, r]) => `REGEXP(${x}, ${quote(r)})`),
        fc.tuple(sub('string'), sub('string')).map(([x, r]) => `REGEXP(${x}, ${r})`),
        fc.tuple(fc.constantFrom('CAST', 'TRY_CAST'), fc.oneof(sub('string'), sub('int'), sub('bigint'))).map(
          ([c, x]) => `${c}(${x} AS BOOLEAN)`,
        ),
      ];
    }
    case 'timestamp':
      return [...common, fc.tuple(fc.constantFrom('CAST', 'TRY_CAST'), sub('string')).map(([c, x]) => `${c}(${x} AS TIMESTAMP(3))`)];
  }
}

/** Random well-typed expression text of type `t` over `schema`, at most `depth` operators deep. */
export function exprArb(schema: RecordSchema, t: FieldType, depth: number): fc.Arbitrary<string> {
  const memo = new Map<string, fc.Arbitrary<string>>();
  const gen = (type: FieldType, d: number): fc.Arbitrary<string> => {
    const key = `${type}/${d}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const fields = schema.filter((f) => f.type === type).map((f) => field(f.name));
    const leaves = [literals(type), ...(fields.length ? [fc.constantFrom(...fields)] : [])];
    const leaf = fc.oneof(...leaves);
    const arb = d <= 0 ? leaf : fc.oneof({ weight: 2, arbitrary: leaf }, { weight: 3, arbitrary: fc.oneof(...compounds(type, (x) => gen(x, d - 1))) });
    memo.set(key, arb);
    return arb;
  };
  return gen(t, depth);
}

export const typeArb = fc.constantFrom(...TYPES);
