/**
 * SQL ordering of non-null values for MIN/MAX. Strings compare by Unicode code point,
 * which is the order Flink uses (it compares UTF-8 bytes). JavaScript's `<` compares
 * UTF-16 code units instead, and the two disagree when a character above U+FFFF (a
 * surrogate pair, units D800–DFFF) meets one in U+E000–U+FFFF.
 */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800) return codePointRank(x) - codePointRank(y);
      return x - y;
    }
  }
  return a.length - b.length;
}

// Moves surrogates (D800–DFFF) above E000–FFFF, so unit order becomes code point order.
function codePointRank(unit: number): number {
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

/** a < b for two non-null values of the same field type (FALSE < TRUE for booleans). */
export function lessThan(a: unknown, b: unknown): boolean {
  if (typeof a === 'string') return compareStrings(a, b as string) < 0;
  return (a as number) < (b as number);
}
