/**
 * String functions with Flink's meaning. Flink's CHAR_LENGTH, SUBSTRING and POSITION count
 * characters (Unicode code points), JavaScript counts UTF-16 code units; the two differ only
 * for characters outside the Basic Multilingual Plane, so each function takes a fast path
 * when the string has no surrogate pairs.
 */

const SURROGATE = /[\uD800-\uDFFF]/;

function hasSurrogates(s: string): boolean {
  return SURROGATE.test(s);
}

/** Number of characters, as CHAR_LENGTH counts them. */
export function charLength(s: string): number {
  if (!hasSurrogates(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * Orders strings as Flink's comparison operators and GREATEST/LEAST do, which (measured on
 * Flink 2.0) is Java's String.compareTo: by UTF-16 code unit, so U+FF5E sorts after U+1F600.
 * JavaScript's `<` on strings is exactly that order.
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * SUBSTRING(s, pos[, len]) as Flink's substringSQL: 1-based; pos 0 starts at the first
 * character; a negative pos counts from the end; a negative length gives NULL.
 */
export function substringSql(s: string, pos: number, len: number = Number.MAX_SAFE_INTEGER): string | null {
  if (len < 0) return null;
  if (s === '') return '';
  const chars = hasSurrogates(s) ? Array.from(s) : null;
  const n = chars ? chars.length : s.length;
  let start: number;
  if (pos > 0) {
    start = pos - 1;
    if (start >= n) return '';
  } else if (pos < 0) {
    start = n + pos;
    if (start < 0) return '';
  } else {
    start = 0;
  }
  const end = n - start < len ? n : start + len;
  return chars ? chars.slice(start, end).join('') : s.slice(start, end);
}

/** POSITION(needle IN s): 1-based character index of the first occurrence, 0 when absent. */
export function positionSql(needle: string, s: string): number {
  const i = s.indexOf(needle);
  if (i < 0) return 0;
  return charLength(s.slice(0, i)) + 1;
}

/** TRIM: removes any of `chars` (a set of characters; default a space) from the chosen ends. */
export function trimSql(s: string, mode: 'BOTH' | 'LEADING' | 'TRAILING', chars: string): string {
  if (chars === ' ') {
    let start = 0;
    let end = s.length;
    if (mode !== 'TRAILING') while (start < end && s.charCodeAt(start) === 32) start++;
    if (mode !== 'LEADING') while (end > start && s.charCodeAt(end - 1) === 32) end--;
    return s.slice(start, end);
  }
  const set = new Set(Array.from(chars));
  const cps = Array.from(s);
  let start = 0;
  let end = cps.length;
  if (mode !== 'TRAILING') while (start < end && set.has(cps[start] as string)) start++;
  if (mode !== 'LEADING') while (end > start && set.has(cps[end - 1] as string)) end--;
  return cps.slice(start, end).join('');
}

/** REPLACE(s, search, replacement): every occurrence, literally (no pattern, no `$` groups). */
export function replaceSql(s: string, search: string, replacement: string): string {
  return s.replaceAll(search, () => replacement);
}
