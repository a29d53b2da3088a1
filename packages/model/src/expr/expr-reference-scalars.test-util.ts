import type { FieldType } from '../field';

/*
 * Scalar semantics of the reference interpreter (see expr-reference.test-util.ts): comparisons,
 * casts, rounding, LIKE and timestamps, written independently of compile.ts and numbers.ts.
 */

export class RefError extends Error {}
export type V = unknown;
export type T = FieldType | 'null';

const NUM: T[] = ['int', 'bigint', 'double'];
export const wider = (a: T, b: T): T => (a === 'null' ? b : b === 'null' ? a : NUM.indexOf(a) >= NUM.indexOf(b) ? a : b);

export const big = (x: V) => BigInt(x as number);
export const wrapTo = (t: T, v: bigint) => Number(BigInt.asIntN(t === 'int' ? 32 : 64, v));
export const cps = (x: string) => Array.from(x);
/** Java's String.compareTo, by UTF-16 code unit (what Flink's comparisons do). */
export function cmpStr(a: string, b: string): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return a.charCodeAt(i) - b.charCodeAt(i);
  return a.length - b.length;
}
export function compare(op: string, a: V, b: V): boolean | null {
  if (a === null || b === null) return null;
  if (typeof a === 'string' && typeof b === 'string') {
    const c = cmpStr(a, b);
    return { '=': c === 0, '<>': c !== 0, '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0 }[op] as boolean;
  }
  const x = Number(a);
  const y = Number(b);
  return { '=': x === y, '<>': x !== y, '<': x < y, '<=': x <= y, '>': x > y, '>=': x >= y }[op] as boolean;
}

export function refTimestamp(s: string): number | undefined {
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
export function javaDouble(x: number): string {
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

export function refRound(x: number, d: number, t: T): V {
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

export function likeMatch(s: string, pattern: string, esc: string | null): boolean {
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

export function refRegex(p: string): RegExp | null {
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

export function refCast(v: V, from: T, to: FieldType, safe: boolean): V {
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
