/**
 * Reads named top-level fields of a JSON object straight from its bytes, without building the
 * object: the search parses only what its expression names, which is most of its speed (a
 * whole JSON.parse per message costs more than Kafka's own decoding, mostly in garbage).
 *
 * For valid JSON the values equal `JSON.parse(text)[name]` (the last of duplicate keys wins).
 * The fields read are parsed in full; the rest is only skipped over, so malformed JSON outside
 * them may pass where JSON.parse would refuse it.
 */
export type FieldValues = unknown[];

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Set by endOfString: whether the string just scanned holds an escape or a control character. */
let lastStringPlain = true;
/** Set per document: whether it holds a backslash at all (most do not, and their strings end at the next quote). */
let hasEscapes = true;

/** Index just past the string whose opening quote is at `i`; -1 when it never closes. */
function endOfString(buf: Buffer, i: number): number {
  const end = buf.length;
  if (!hasEscapes) {
    // A tight loop beats Buffer#indexOf here: its native call costs more than a short string's bytes.
    let j = i + 1;
    while (j < end && buf[j] !== QUOTE) j++;
    lastStringPlain = true;
    return j < end ? j + 1 : -1;
  }
  let plain = true;
  for (let j = i + 1; j < end; j++) {
    const c = buf[j]!;
    if (c === QUOTE) {
      lastStringPlain = plain;
      return j + 1;
    }
    if (c === BACKSLASH) {
      plain = false;
      j++;
    } else if (c < 0x20) {
      plain = false;
    }
  }
  return -1;
}

/** Index just past the value starting at `i` (any JSON value); -1 when malformed. */
function endOfValue(buf: Buffer, i: number, end: number): number {
  const c = buf[i];
  if (c === QUOTE) return endOfString(buf, i);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) {
    let depth = 0;
    let j = i;
    while (j < end) {
      const d = buf[j]!;
      if (d === QUOTE) {
        j = endOfString(buf, j);
        if (j < 0) return -1;
        continue;
      }
      if (d === OPEN_BRACE || d === OPEN_BRACKET) depth++;
      else if (d === CLOSE_BRACE || d === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) return j + 1;
      }
      j++;
    }
    return -1;
  }
  // A number, true, false or null: up to the next delimiter.
  let j = i;
  while (j < end) {
    const d = buf[j]!;
    if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || isSpace(d)) break;
    j++;
  }
  return j > i ? j : -1;
}

export interface FieldExtractor {
  /**
   * The fields' values in the order named (undefined where absent), or null when `buf` is not
   * a JSON object. The array is the extractor's own, overwritten by the next call.
   */
  (buf: Buffer): FieldValues | null;
}

export function createFieldExtractor(names: readonly string[]): FieldExtractor {
  const keys = names.map((n) => Buffer.from(n, 'utf8'));
  const count = names.length;
  // One array reused for every call: the caller reads it before the next call.
  const values: FieldValues = new Array<unknown>(count).fill(undefined);

  function keyIndex(buf: Buffer, start: number, stop: number, plain: boolean): number {
    // start..stop spans the key's characters, quotes excluded.
    if (!plain) {
      const text = JSON.parse(buf.toString('utf8', start - 1, stop + 1)) as string;
      return names.indexOf(text);
    }
    const len = stop - start;
    for (let n = 0; n < count; n++) {
      const key = keys[n]!;
      if (key.length !== len) continue;
      let same = true;
      for (let k = 0; k < len; k++) {
        if (buf[start + k] !== key[k]) {
          same = false;
          break;
        }
      }
      if (same) return n;
    }
    return -1;
  }

  function valueAt(buf: Buffer, start: number, stop: number, plainString: boolean): unknown {
    const c = buf[start]!;
    if (c === QUOTE) {
      // A control character makes the string invalid JSON: JSON.parse says so.
      if (plainString) for (let k = start + 1; k < stop - 1; k++) if (buf[k]! < 0x20) return JSON.parse(buf.toString('utf8', start, stop));
      return plainString ? buf.toString('utf8', start + 1, stop - 1) : JSON.parse(buf.toString('utf8', start, stop));
    }
    // Whole numbers of up to 15 digits (exact in a double) without a string in between.
    if (stop - start <= 16 && (c === 0x2d || (c >= 0x30 && c <= 0x39))) {
      let k = c === 0x2d ? start + 1 : start;
      const digits = stop - k;
      if (digits > 0 && digits <= 15 && !(buf[k] === 0x30 && digits > 1)) {
        let n = 0;
        for (; k < stop; k++) {
          const d = buf[k]! - 0x30;
          if (d < 0 || d > 9) break;
          n = n * 10 + d;
        }
        if (k === stop) return c === 0x2d ? -n : n;
      }
    }
    return JSON.parse(buf.toString('latin1', start, stop));
  }

  return (buf: Buffer) => {
    const end = buf.length;
    let i = 0;
    while (i < end && isSpace(buf[i]!)) i++;
    if (buf[i] !== OPEN_BRACE) return null;
    i++;
    hasEscapes = buf.indexOf(BACKSLASH, i) >= 0;
    values.fill(undefined);
    let first = true;
    for (;;) {
      while (i < end && isSpace(buf[i]!)) i++;
      if (i >= end) return null;
      if (buf[i] === CLOSE_BRACE) {
        i++;
        break;
      }
      if (!first) {
        if (buf[i] !== COMMA) return null;
        i++;
        while (i < end && isSpace(buf[i]!)) i++;
      }
      first = false;
      if (buf[i] !== QUOTE) return null;
      const keyEnd = endOfString(buf, i);
      if (keyEnd < 0) return null;
      const index = keyIndex(buf, i + 1, keyEnd - 1, lastStringPlain);
      i = keyEnd;
      while (i < end && isSpace(buf[i]!)) i++;
      if (buf[i] !== COLON) return null;
      i++;
      while (i < end && isSpace(buf[i]!)) i++;
      const valueEnd = endOfValue(buf, i, end);
      if (valueEnd < 0) return null;
      if (index >= 0) {
        try {
          values[index] = valueAt(buf, i, valueEnd, lastStringPlain);
        } catch {
          return null;
        }
      }
      i = valueEnd;
    }
    while (i < end && isSpace(buf[i]!)) i++;
    return i === end ? values : null;
  };
}
