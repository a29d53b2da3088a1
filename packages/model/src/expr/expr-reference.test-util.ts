import type { FieldType, Row } from '../field';
import type { Expr } from './ast';
import { big, cmpStr, compare, cps, likeMatch, refCast, RefError, refRegex, refRound, refTimestamp, type T, type V, wider, wrapTo } from './expr-reference-scalars.test-util';
export { RefError } from './expr-reference-scalars.test-util';

/*
 * A plain reference interpreter, written separately from compile.ts: it walks the tree on
 * every call, derives types itself, does integer arithmetic in BigInt, matches LIKE with a
 * dynamic-programming matcher instead of a RegExp, and uses Date for calendar fields.
 */

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

export function refEval(e: Expr, row: Row, s: Map<string, FieldType>): V {
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
