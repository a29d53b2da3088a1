import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldType, Row } from '../field';
import type { Expr } from './ast';
import { exprArb, rowArb, schemaArb, typeArb } from './expr-arbitraries.test-util';
import { analyzeExpression, checkExpression, childrenOf, compileExpression, ExprEvalError, exprToFlinkSql, parseExpression } from './index';

/*
 * A plain reference interpreter, written separately from compile.ts: it walks the tree on
 * every call, derives types itself, does integer arithmetic in BigInt, matches LIKE with a
 * dynamic-programming matcher instead of a RegExp, and uses Date for calendar fields.
 */

class RefError extends Error {}
type V = unknown;
type T = FieldType | 'null';

const NUM: T[] = ['int', 'bigint', 'double'];
const wider = (a: T, b: T): T => (a === 'null' ? b : b === 'null' ? a : NUM.indexOf(a) >= NUM.indexOf(b) ? a : b);

function refType(e: Expr, s: Map<string, FieldType>): T {
  switch (e.kind) {
    case 'literal':
      return e.type;
    case 'field':
      return s.get(e.name) as FieldType;
    case 'unary':
      return e.op === 'NOT' ? 'boolean' : refType(e.operand, s);
    case 'binary':
      if (['AND', 'OR', '=', '<>', '<', '<=', '>', '>='].includes(e.op)) return 'boolean';
      if (e.op === '||') return 'string';
      if (e.op === '%') return refType(e.right, s);
      return wider(refType(e.left, s), refType(e.right, s));
    case 'is': case 'in': case 'between': case 'like':
      return 'boolean';
    case 'case':
      return [...e.whens.map((w) => w.then), ...(e.otherwise ? [e.otherwise] : [])].map((x) => refType(x, s)).reduce(wider);
    case 'cast':
      return e.target;
    case 'extract':
      return 'bigint';
    case 'trim':
      return 'string';
    case 'call':
      switch (e.name) {
        case 'CHAR_LENGTH': case 'POSITION': return 'int';
        case 'REGEXP': return 'boolean';
        case 'POWER': case 'SQRT': return 'double';
        case 'ABS': case 'FLOOR': case 'CEIL': case 'ROUND': case 'NULLIF': return refType(e.args[0] as Expr, s);
        case 'MOD': return refType(e.args[1] as Expr, s);
        case 'COALESCE': case 'GREATEST': case 'LEAST': return e.args.map((x) => refType(x, s)).reduce(wider);
        default: return 'string';
      }
  }
}

const big = (x: V) => BigInt(x as number);
const wrapTo = (t: T, v: bigint) => Number(BigInt.asIntN(t === 'int' ? 32 : 64, v));
const cps = (x: string) => Array.from(x);
/** Java's String.compareTo, by UTF-16 code unit (what Flink's comparisons do). */
function cmpStr(a: string, b: string): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return a.charCodeAt(i) - b.charCodeAt(i);
  return a.length - b.length;
}
function compare(op: string, a: V, b: V): boolean | null {
  if (a === null || b === null) return null;
  if (typeof a === 'string' && typeof b === 'string') {
    const c = cmpStr(a, b);
    return { '=': c === 0, '<>': c !== 0, '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0 }[op] as boolean;
  }
  const x = Number(a);
  const y = Number(b);
  return { '=': x === y, '<>': x !== y, '<': x < y, '<=': x <= y, '>': x > y, '>=': x >= y }[op] as boolean;
}

function refTimestamp(s: string): number | undefined {
  const m = /^(\d{4})-(\d\d?)-(\d\d?)(?: (\d\d?):(\d\d?):(\d\d?)(?:\.(\d{0,9}))?)?$/.exec(s);
  if (!m) return undefined;
  const [y, mo, d, h = 0, mi = 0, sec = 0] = m.slice(1, 7).map((x) => Number(x ?? 0)) as number[];
  const midnight = h === 24 && mi === 0 && sec === 0 && !/[1-9]/.test(m[7] ?? '');
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || (h > 23 && !midnight) || mi > 59 || sec > 59) return undefined;
  const last = new Date(0);
  last.setUTCFullYear(y!, mo!, 0);
  const ms = Number(((m[7] ?? '') + '000').slice(0, 3));
  const date = new Date(0);
  date.setUTCFullYear(y!, mo! - 1, Math.min(d!, last.getUTCDate()));
  date.setUTCHours(h, mi, sec, ms);
  return date.getTime();
}

/** Java's Double.toString from JavaScript's shortest digits. */
function javaDouble(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Math.abs(x))) as RegExpExecArray;
  const all = (m[1] as string) + (m[2] ?? '');
  const lead = all.length - all.replace(/^0+/, '').length;
  const digits = all.slice(lead).replace(/0+$/, '') || '0';
  const exp10 = (m[1] as string).length - 1 - lead + Number(m[3] ?? 0);
  const sign = x < 0 ? '-' : '';
  if (Math.abs(x) >= 1e-3 && Math.abs(x) < 1e7) {
    const intDigits = exp10 + 1;
    const intPart = intDigits > 0 ? digits.slice(0, intDigits).padEnd(intDigits, '0') : '0';
    const frac = intDigits > 0 ? digits.slice(intDigits) : '0'.repeat(-intDigits) + digits;
    return `${sign}${intPart}.${frac || '0'}`;
  }
  // Java's two-digit minimum: the closest two-digit decimal when it reads back as x.
  const two = Math.abs(x).toExponential(1);
  const d2 = digits.length === 1 && Number(two) === Math.abs(x) ? two.replace(/e.*$/, '').replace('.', '') : digits;
  return `${sign}${d2[0]}.${d2.slice(1) || '0'}E${exp10}`;
}

function refRound(x: number, d: number, t: T): V {
  if (t !== 'double') {
    if (d >= 0) return x;
    const p = 10n ** BigInt(-d);
    const a = big(x) < 0n ? -big(x) : big(x);
    const r = ((a + p / 2n) / p) * p;
    return wrapTo(t, big(x) < 0n ? -r : r);
  }
  if (!Number.isFinite(x)) throw new RefError('ROUND of NaN or infinity');
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Math.abs(x))) as RegExpExecArray;
  const D = BigInt((m[1] as string) + (m[2] ?? ''));
  const k = Number(m[3] ?? 0) - (m[2] ?? '').length;
  if (k + d >= 0 || D === 0n) return x === 0 ? 0 : x;
  const div = 10n ** BigInt(-(k + d));
  const q = (D + div / 2n) / div;
  const v = Number(`${q}e${-d}`);
  return x < 0 && v !== 0 ? -v : v;
}

function likeMatch(s: string, pattern: string, esc: string | null): boolean {
  const toks: { kind: 'lit' | 'one' | 'any'; c?: string }[] = [];
  const p = cps(pattern);
  for (let i = 0; i < p.length; i++) {
    const c = p[i] as string;
    if (esc !== null && c === esc) {
      const n = p[i + 1];
      if (n !== '%' && n !== '_' && n !== esc) throw new RefError('bad escape');
      toks.push({ kind: 'lit', c: n });
      i++;
    } else toks.push(c === '%' ? { kind: 'any' } : c === '_' ? { kind: 'one' } : { kind: 'lit', c });
  }
  const str = cps(s);
  // ok[j]: the first i tokens can match the first j characters.
  let ok = str.map(() => false).concat(false);
  ok[0] = true;
  for (const tok of toks) {
    const next = ok.map(() => false);
    for (let j = 0; j <= str.length; j++) {
      if (tok.kind === 'any') next[j] = ok[j] || (j > 0 && (next[j - 1] as boolean));
      else if (j > 0 && ok[j - 1]) {
        const ch = str[j - 1] as string;
        next[j] = tok.kind === 'lit' ? ch === tok.c : !['\n', '\r', '\u0085', '\u2028', '\u2029'].includes(ch);
      }
    }
    ok = next;
  }
  return ok[str.length] as boolean;
}

function refRegex(p: string): RegExp | null {
  const m = /^\(\?([a-zA-Z]+)\)/.exec(p);
  let flags = 'u';
  if (m) {
    if (![...(m[1] as string)].every((f) => 'imsud'.includes(f))) return null;
    flags += [...new Set((m[1] as string).replace(/[ud]/g, ''))].join('');
  }
  try {
    return new RegExp(m ? p.slice((m[0] as string).length) : p, flags);
  } catch {
    return null;
  }
}

function refCast(v: V, from: T, to: FieldType, safe: boolean): V {
  if (v === null) return null;
  const fail = () => {
    if (safe) return null;
    throw new RefError('cast');
  };
  if (from === to) return v;
  if (to === 'string') {
    if (from === 'double') return javaDouble(v as number);
    if (from === 'boolean') return v ? 'TRUE' : 'FALSE';
    if (from === 'timestamp') return new Date(v as number).toISOString().replace('T', ' ').replace('Z', '');
    return String(v);
  }
  if (from === 'string') {
    const s = v as string;
    if (to === 'boolean') {
      const l = s.toLowerCase();
      return ['t', 'true', 'y', 'yes', '1'].includes(l) ? true : ['f', 'false', 'n', 'no', '0'].includes(l) ? false : fail();
    }
    if (to === 'timestamp') return refTimestamp(s) ?? fail();
    if (to === 'double') {
      const t = s.replace(/^[\0- ]+|[\0- ]+$/g, '');
      const ok = /^[+-]?(?:NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[dDfF]?)$/.test(t);
      return ok ? Number(t.replace(/[dDfF]$/, '')) : fail();
    }
    const m = /^ *([+-]?)(\d*)(\.\d*)? *$/.exec(s);
    if (!m || /^ *[+-]? *$/.test(s)) return fail();
    const n = BigInt(`${m[1]}${m[2] || '0'}`);
    return n === BigInt.asIntN(to === 'int' ? 32 : 64, n) ? Number(n) + 0 : fail();
  }
  if (from === 'boolean') return v ? 1 : 0;
  if (to === 'boolean') return v !== 0;
  if (to === 'double') return v;
  if (from === 'double') {
    const x = v as number;
    // Long.MAX_VALUE is represented by the largest number below 2^63 (2^63 itself would wrap).
    const lim = to === 'int' ? 2 ** 31 : 2 ** 63;
    return Number.isNaN(x) ? 0 : Math.max(-lim, Math.min(to === 'int' ? lim - 1 : lim - 1024, Math.trunc(x))) + 0;
  }
  return wrapTo(to, big(v));
}

function refEval(e: Expr, row: Row, s: Map<string, FieldType>): V {
  const ev = (x: Expr) => refEval(x, row, s);
  const ty = (x: Expr) => refType(x, s);
  switch (e.kind) {
    case 'literal':
      return e.value;
    case 'field': {
      const v = Object.prototype.hasOwnProperty.call(row, e.name) ? row[e.name] : null;
      return v === undefined ? null : v;
    }
    case 'unary': {
      const v = ev(e.operand);
      if (v === null) return null;
      if (e.op === 'NOT') return !v;
      const t = ty(e);
      return t === 'double' ? -(v as number) : wrapTo(t, -big(v));
    }
    case 'binary': {
      if (e.op === 'AND' || e.op === 'OR') {
        const stop = e.op === 'OR';
        const a = ev(e.left);
        if (a === stop) return stop;
        const b = ev(e.right);
        if (b === stop) return stop;
        return a === null || b === null ? null : !stop;
      }
      let a = ev(e.left);
      let b = ev(e.right);
      if (['=', '<>', '<', '<=', '>', '>='].includes(e.op)) {
        [a, b] = coerce(e.left, a, e.right, b, s);
        return compare(e.op, a, b);
      }
      if (a === null || b === null) return null;
      if (e.op === '||') return (a as string) + (b as string);
      const t = ty(e);
      if (t === 'double') {
        const [x, y] = [a as number, b as number];
        return { '+': x + y, '-': x - y, '*': x * y, '/': x / y }[e.op as '+'];
      }
      if ((e.op === '/' || e.op === '%') && b === 0) throw new RefError('division by zero');
      const [x, y] = [big(a), big(b)];
      return wrapTo(t, { '+': x + y, '-': x - y, '*': x * y, '/': y === 0n ? 0n : x / y, '%': y === 0n ? 0n : x % y }[e.op as '+']);
    }
    case 'is': {
      const v = ev(e.operand);
      const r = e.test === 'NULL' ? v === null : v === (e.test === 'TRUE');
      return e.negated ? !r : r;
    }
    case 'in': {
      const x = ev(e.operand);
      const items = e.list.map((i) => coerce(e.operand, x, i, ev(i), s)[1]);
      if (x === null) return null;
      let r: boolean | null = items.some((i) => compare('=', x, i) === true) ? true : items.includes(null) ? null : false;
      if (e.negated && r !== null) r = !r;
      return r;
    }
    case 'between': {
      const x = ev(e.operand);
      const lo = coerce(e.operand, x, e.low, ev(e.low), s)[1];
      const hi = coerce(e.operand, x, e.high, ev(e.high), s)[1];
      const a = compare('>=', x, lo);
      const b = compare('<=', x, hi);
      const r = a === false || b === false ? false : a === null || b === null ? null : true;
      return e.negated && r !== null ? !r : r;
    }
    case 'like': {
      const [v, p, esc] = [ev(e.operand), ev(e.pattern), e.escape ? ev(e.escape) : undefined];
      if (v === null || p === null || esc === null) return null;
      const r = likeMatch(v as string, p as string, (esc as string | undefined) ?? null);
      return e.negated ? !r : r;
    }
    case 'case': {
      const subject = e.subject ? ev(e.subject) : undefined;
      for (const w of e.whens) {
        const c = ev(w.when);
        const hit = e.subject ? compare('=', subject, c) === true : c === true;
        if (hit) return ev(w.then);
      }
      return e.otherwise ? ev(e.otherwise) : null;
    }
    case 'cast':
      return refCast(ev(e.operand), ty(e.operand), e.target, e.safe);
    case 'extract': {
      const v = ev(e.operand);
      if (v === null) return null;
      const d = new Date(v as number);
      return { YEAR: d.getUTCFullYear(), MONTH: d.getUTCMonth() + 1, DAY: d.getUTCDate(), HOUR: d.getUTCHours(), MINUTE: d.getUTCMinutes(), SECOND: d.getUTCSeconds() }[e.unit];
    }
    case 'trim': {
      const c = e.chars ? ev(e.chars) : ' ';
      const v = ev(e.operand);
      if (c === null || v === null) return null;
      const set = new Set(cps(c as string));
      const chars = cps(v as string);
      let i = 0;
      let j = chars.length;
      while (e.mode !== 'TRAILING' && i < j && set.has(chars[i] as string)) i++;
      while (e.mode !== 'LEADING' && j > i && set.has(chars[j - 1] as string)) j--;
      return chars.slice(i, j).join('');
    }
    case 'call':
      return refCall(e, row, s);
  }
}

/** A string literal compared with a timestamp is read as one (check time guarantees it parses). */
function coerce(l: Expr, a: V, r: Expr, b: V, s: Map<string, FieldType>): [V, V] {
  const lt = refType(l, s);
  const rt = refType(r, s);
  if (lt === 'timestamp' && r.kind === 'literal' && r.type === 'string') return [a, refTimestamp(r.value)];
  if (rt === 'timestamp' && l.kind === 'literal' && l.type === 'string') return [refTimestamp(l.value), b];
  return [a, b];
}

function refCall(e: Extract<Expr, { kind: 'call' }>, row: Row, s: Map<string, FieldType>): V {
  const ev = (x: Expr) => refEval(x, row, s);
  if (e.name === 'COALESCE') {
    for (const a of e.args) {
      const v = ev(a);
      if (v !== null) return v;
    }
    return null;
  }
  const args = e.args.map(ev);
  if (e.name === 'NULLIF') return args[0] !== null && compare('=', args[0], args[1]) === true ? null : args[0];
  if (args.includes(null)) return null;
  const [a, b, c] = args as [V, V, V];
  const t = refType(e, s);
  switch (e.name) {
    case 'UPPER': return (a as string).toUpperCase();
    case 'LOWER': return (a as string).toLowerCase();
    case 'CHAR_LENGTH': return cps(a as string).length;
    case 'CONCAT': return args.join('');
    case 'REPLACE': {
      // Java: "ab".replace("", "-") is "-a-b-", and "".replace("", "-") is "-".
      if (b !== '') return (a as string).split(b as string).join(c as string);
      return a === '' ? c : `${c}${(a as string).split('').join(c as string)}${c}`;
    }
    case 'POSITION': {
      const [n, h] = [cps(a as string), cps(b as string)];
      for (let i = 0; i + n.length <= h.length; i++) if (n.every((ch, k) => h[i + k] === ch)) return i + 1;
      return 0;
    }
    case 'SUBSTRING': {
      const chars = cps(a as string);
      const len = args.length > 2 ? (c as number) : Infinity;
      if (len < 0) return null;
      const pos = b as number;
      const start = pos > 0 ? pos - 1 : pos < 0 ? chars.length + pos : 0;
      if (start < 0 || start >= chars.length) return '';
      return chars.slice(start, start + len).join('');
    }
    case 'REGEXP': {
      const re = b === '' ? null : refRegex(b as string);
      return re ? re.test(a as string) : false;
    }
    case 'REGEXP_EXTRACT': {
      const re = refRegex(b as string);
      const m = re?.exec(a as string);
      const g = args.length > 2 ? (c as number) : 0;
      return m && g >= 0 && g < m.length ? (m[g] ?? null) : null;
    }
    case 'ABS': return t === 'double' ? Math.abs(a as number) : wrapTo(t, big(a) < 0n ? -big(a) : big(a));
    case 'FLOOR': return t === 'double' ? Math.floor(a as number) : a;
    case 'CEIL': return t === 'double' ? Math.ceil(a as number) : a;
    case 'ROUND': return refRound(a as number, args.length > 1 ? (b as number) : 0, t);
    case 'MOD':
      if (b === 0) throw new RefError('MOD by zero');
      return wrapTo(t, big(a) % big(b));
    case 'POWER': return (a as number) ** (b as number);
    case 'SQRT': return Math.sqrt(a as number);
    case 'GREATEST':
    case 'LEAST': {
      // Flink orders these as Java's Double.compare: NaN largest, -0.0 before 0.0.
      const key = (v: V): [number, number, number] =>
        typeof v === 'number' && Number.isNaN(v) ? [1, 0, 0] : [0, Number(v), Object.is(v, -0) ? 0 : 1];
      const cmpKeys = (x: V, y: V) => {
        if (typeof x === 'string') return cmpStr(x, y as string);
        const [a, b] = [key(x), key(y)];
        return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || a[2] - b[2];
      };
      const sign = e.name === 'GREATEST' ? 1 : -1;
      return args.reduce((best, v) => (cmpKeys(v, best) * sign > 0 ? v : best));
    }
    default:
      throw new Error(`reference interpreter lacks ${e.name}`);
  }
}

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
