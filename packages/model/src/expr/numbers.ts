/**
 * Numeric semantics of Flink SQL on JavaScript numbers: INT wraps at 32 bits like Java's
 * int; BIGINT wraps at 64 bits like Java's long, but a JavaScript number holds integers
 * exactly only up to 2^53, so BIGINT results beyond ±9007199254740991 are approximate.
 */

const TWO_31 = 2 ** 31;
const TWO_63 = 2 ** 63;

/** Java's (long) wrap-around for an exact integer result. */
function wrap64(v: bigint): number {
  return Number(BigInt.asIntN(64, v)) + 0;
}

function big(x: number): bigint {
  return BigInt(Math.trunc(x));
}

export function bigintAdd(a: number, b: number): number {
  const r = a + b;
  return Number.isSafeInteger(r) ? r + 0 : wrap64(big(a) + big(b));
}

export function bigintSub(a: number, b: number): number {
  const r = a - b;
  return Number.isSafeInteger(r) ? r + 0 : wrap64(big(a) - big(b));
}

export function bigintMul(a: number, b: number): number {
  const r = a * b;
  return Number.isSafeInteger(r) ? r + 0 : wrap64(big(a) * big(b));
}

/** Integer division truncating toward zero; the caller has rejected b = 0. */
export function bigintDiv(a: number, b: number): number {
  if (Math.abs(a) <= TWO_31 && Math.abs(b) <= TWO_31) return Math.trunc(a / b) + 0;
  return wrap64(big(a) / big(b));
}

/** Remainder with the sign of the dividend (Java's %); exact for integers. The caller has rejected b = 0. */
export function integerRem(a: number, b: number): number {
  return (a % b) + 0;
}

export function intDiv(a: number, b: number): number {
  return (a / b) | 0;
}

/** Double.toString: how Flink casts a DOUBLE to STRING ("1.0", "1.0E7", "1.234E-5", "NaN"). */
export function javaDoubleToString(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(x);
  const sign = x < 0 ? '-' : '';
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(abs);
    return sign + (s.includes('.') ? s : `${s}.0`);
  }
  let [mantissa, exponent] = abs.toExponential().split('e') as [string, string];
  if (!mantissa.includes('.')) {
    // Java prints at least two digits, and picks the two-digit decimal closest to x when it
    // also reads back as x (Double.MIN_VALUE is 4.9E-324, not 5.0E-324).
    const two = abs.toExponential(1);
    [mantissa, exponent] = (Number(two) === abs ? two : `${mantissa}.0e${exponent}`).split('e') as [string, string];
  }
  return `${sign}${mantissa}E${Number(exponent)}`;
}

/**
 * ROUND(double, d) as Flink computes it: BigDecimal.valueOf(x) (the shortest decimal that
 * reads back as x), rounded HALF_UP at d digits after the point, back to double.
 * Returns undefined for NaN and infinities, which BigDecimal rejects.
 */
export function roundDouble(x: number, d: number): number | undefined {
  if (!Number.isFinite(x)) return undefined;
  if (x === 0) return 0;
  const [mantissa, exponent] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  // x = 0.<digits> × 10^point
  const point = Number(exponent) + 1;
  const keep = point + Math.max(-400, Math.min(400, d));
  if (keep >= digits.length) return x;
  if (keep < 0) return 0;
  let kept = keep === 0 ? 0n : BigInt(digits.slice(0, keep));
  if ((digits.charCodeAt(keep) - 48) >= 5) kept += 1n;
  if (kept === 0n) return 0;
  const value = Number(`${kept}e${point - keep}`);
  return x < 0 ? -value : value;
}

/** ROUND(integer, d): unchanged for d ≥ 0, HALF_UP to a multiple of 10^-d otherwise, wrapped to `bits`. */
export function roundInteger(x: number, d: number, bits: 32 | 64): number {
  if (d >= 0) return x;
  if (d < -30) return 0;
  const p = 10n ** BigInt(-d);
  const v = big(x);
  let q = v / p;
  const r = v % p;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= p) q += v < 0n ? -1n : 1n;
  return Number(BigInt.asIntN(bits, q * p)) + 0;
}

/** Java's (int) cast of a double: truncation toward zero, NaN to 0, saturation at the bounds. */
export function doubleToInt(x: number): number {
  if (Number.isNaN(x)) return 0;
  if (x >= 2147483647) return 2147483647;
  if (x <= -2147483648) return -2147483648;
  return Math.trunc(x) + 0;
}

/** The largest number below 2^63: Long.MAX_VALUE itself would round up to 2^63, which wraps negative. */
const LONG_MAX_NUMBER = 2 ** 63 - 1024;

/** Java's (long) cast of a double, saturating, within the precision of a JavaScript number. */
export function doubleToBigint(x: number): number {
  if (Number.isNaN(x)) return 0;
  if (x >= LONG_MAX_NUMBER) return LONG_MAX_NUMBER;
  if (x <= -TWO_63) return -TWO_63;
  return Math.trunc(x) + 0;
}

function trimSpaces(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) === 32) start++;
  while (end > start && s.charCodeAt(end - 1) === 32) end--;
  return s.slice(start, end);
}

const INTEGRAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * CAST(string AS INT/BIGINT) as Flink's BinaryStringDataUtil.toInt/toLong: spaces trimmed,
 * an optional sign, digits, and an optional fraction that is checked and dropped ("12.7" is 12).
 * Undefined when the text is not a number or overflows the type.
 */
export function parseIntegral(s: string, bits: 32 | 64): number | undefined {
  const t = trimSpaces(s);
  const m = INTEGRAL.exec(t);
  if (!m || t === '' || t === '+' || t === '-') return undefined;
  const digits = m[2] as string;
  if (digits.length > 25) return undefined;
  let v = BigInt(digits === '' ? '0' : digits);
  if (m[1] === '-') v = -v;
  const limit = 2n ** BigInt(bits - 1);
  if (v >= limit || v < -limit) return undefined;
  return Number(v) + 0;
}

const DOUBLE_TEXT = /^[+-]?(?:NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)[fFdD]?$/;

/** CAST(string AS DOUBLE) as Java's Double.parseDouble (decimal forms; hexadecimal is not accepted). */
export function parseDouble(s: string): number | undefined {
  // Double.parseDouble trims every character up to U+0020.
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 32) start++;
  while (end > start && s.charCodeAt(end - 1) <= 32) end--;
  const t = s.slice(start, end);
  if (!DOUBLE_TEXT.test(t)) return undefined;
  if (/(?:NaN|Infinity)[fFdD]$/.test(t)) return undefined;
  return Number(t.replace(/[fFdD]$/, ''));
}

const TRUE_WORDS = new Set(['t', 'true', 'y', 'yes', '1']);
const FALSE_WORDS = new Set(['f', 'false', 'n', 'no', '0']);

/** CAST(string AS BOOLEAN) as Flink: t, true, y, yes, 1 and f, false, n, no, 0 in any case. */
export function parseBoolean(s: string): boolean | undefined {
  const lower = s.toLowerCase();
  if (TRUE_WORDS.has(lower)) return true;
  if (FALSE_WORDS.has(lower)) return false;
  return undefined;
}
