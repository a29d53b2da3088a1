/**
 * LIKE patterns and REGEXP patterns turned into JavaScript RegExps, built once per
 * pattern. User text never reaches the RegExp constructor unescaped from LIKE.
 */

export class PatternError extends Error {}

/** Characters with a meaning in a Unicode-mode RegExp; each is escaped when it is literal. */
const REGEX_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;
/** Java's `.`: any character but a line terminator (LIKE's `_` compiles to it, as in Flink). */
const ANY_BUT_LINE_END = '[^\\n\\r\\u0085\\u2028\\u2029]';

/**
 * SQL LIKE → RegExp matching the whole string: `%` any run of characters (newlines too),
 * `_` one character, `escape` (one character; none by default, as in Flink) makes the
 * following `%`, `_` or escape character literal.
 */
export function likeToRegExp(pattern: string, escape: string | null): RegExp {
  const escapeChars = escape === null ? [] : Array.from(escape);
  if (escape !== null && escapeChars.length !== 1) {
    throw new PatternError(`the ESCAPE of LIKE must be exactly one character, not '${escape}'`);
  }
  const esc = escapeChars[0];
  const chars = Array.from(pattern);
  let body = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === esc) {
      const next = chars[i + 1];
      if (next === '%' || next === '_' || next === esc) {
        body += (next as string).replace(REGEX_SYNTAX, '\\$&');
        i++;
        continue;
      }
      throw new PatternError(
        `invalid escape in LIKE pattern '${pattern}' at character ${i + 1}: the escape character must be followed by %, _ or itself`,
      );
    }
    if (c === '%') body += '[^]*';
    else if (c === '_') body += ANY_BUT_LINE_END;
    else body += c.replace(REGEX_SYNTAX, '\\$&');
  }
  return new RegExp(`^${body}$`, 'u');
}

const INLINE_FLAGS = /^\(\?([a-zA-Z]+)\)/;

/**
 * A REGEXP / REGEXP_EXTRACT pattern (a Java regular expression in Flink) compiled as a
 * Unicode-mode JavaScript RegExp. Leading inline flags (?i) (?s) (?m) become RegExp flags.
 * Constructs JavaScript lacks (possessive quantifiers, atomic groups, \Q…\E) are rejected
 * rather than silently read differently.
 */
export function compileRegex(pattern: string): RegExp {
  let body = pattern;
  let flags = 'u';
  const m = INLINE_FLAGS.exec(body);
  if (m) {
    for (const f of m[1] as string) {
      if (f === 'i' || f === 's' || f === 'm') {
        if (!flags.includes(f)) flags += f;
      } else if (f !== 'u' && f !== 'd') {
        throw new PatternError(`inline flag (?${f}) is not supported in '${pattern}'; supported are (?i), (?s) and (?m)`);
      }
    }
    body = body.slice((m[0] as string).length);
  }
  try {
    return new RegExp(body, flags);
  } catch (e) {
    const reason = e instanceof Error ? e.message.replace(/^Invalid regular expression: /, '') : String(e);
    throw new PatternError(`invalid regular expression '${pattern}': ${reason}`);
  }
}

/**
 * Patterns computed per row are compiled on first use and kept, up to a bound, so a
 * high-cardinality pattern column cannot grow memory without limit.
 */
export class PatternCache {
  private readonly map = new Map<string, RegExp | PatternError>();
  constructor(
    private readonly build: (key: string) => RegExp,
    private readonly limit = 256,
  ) {}

  get(key: string): RegExp | PatternError {
    const hit = this.map.get(key);
    if (hit !== undefined) return hit;
    let value: RegExp | PatternError;
    try {
      value = this.build(key);
    } catch (e) {
      value = e instanceof PatternError ? e : new PatternError(String(e));
    }
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
    return value;
  }
}
