import type { Span } from './ast';
import { quoteSnippet, SyntaxErrorAt } from './errors';

export type TokenKind = 'ident' | 'quoted' | 'string' | 'integer' | 'decimal' | 'op' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Identifier as written, back-quoted name unescaped, string literal unescaped, number or operator text. */
  text: string;
  span: Span;
}

/** Longest expressions accepted, in UTF-16 code units: far above any real filter, low enough to bound work. */
export const MAX_EXPRESSION_LENGTH = 64 * 1024;

const OPERATORS_2 = new Set(['<>', '<=', '>=', '!=', '||']);
const OPERATORS_1 = new Set(['+', '-', '*', '/', '%', '=', '<', '>', '(', ')', ',']);

const UNICODE_LETTER = /\p{L}/u;

/** ASCII letters and `_`, and (as Flink SQL allows) any Unicode letter outside ASCII. */
function isIdentStart(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  // A lone surrogate half is not a letter; letters outside the BMP must be back-quoted.
  return UNICODE_LETTER.test(String.fromCharCode(c));
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c) || c === 36;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Splits expression text into tokens in one left-to-right pass (linear time: every loop
 * advances `pos`). SQL comments (`-- …` and `/* … *\/`) and whitespace are skipped.
 */
export function tokenize(text: string): Token[] {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    throw new SyntaxErrorAt(
      { line: 1, column: 1 },
      `expression is too long (${text.length} characters; the limit is ${MAX_EXPRESSION_LENGTH})`,
    );
  }
  const tokens: Token[] = [];
  let pos = 0;
  let line = 1;
  let lineStart = 0;
  const n = text.length;

  const spanAt = (offset: number, end: number, l = line, ls = lineStart): Span => ({
    offset,
    line: l,
    column: offset - ls + 1,
    end,
  });
  const newline = (at: number) => {
    line++;
    lineStart = at + 1;
  };

  while (pos < n) {
    const c = text.charCodeAt(pos);
    if (c === 10) {
      newline(pos);
      pos++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 12) {
      pos++;
      continue;
    }
    if (c === 45 && text.charCodeAt(pos + 1) === 45) {
      while (pos < n && text.charCodeAt(pos) !== 10) pos++;
      continue;
    }
    if (c === 47 && text.charCodeAt(pos + 1) === 42) {
      const start = spanAt(pos, pos + 2);
      pos += 2;
      while (pos < n && !(text.charCodeAt(pos) === 42 && text.charCodeAt(pos + 1) === 47)) {
        if (text.charCodeAt(pos) === 10) newline(pos);
        pos++;
      }
      if (pos >= n) throw new SyntaxErrorAt(start, 'unterminated comment: expected */');
      pos += 2;
      continue;
    }
    const startLine = line;
    const startLineStart = lineStart;
    const start = pos;

    if (c === 39 || c === 96) {
      // '…' string literal or `…` quoted identifier; the quote character doubled escapes itself.
      const quote = c;
      const parts: string[] = [];
      let chunk = pos + 1;
      pos++;
      for (;;) {
        if (pos >= n) {
          const what = quote === 39 ? 'string literal' : 'quoted identifier';
          const q = quote === 39 ? "'" : '`';
          throw new SyntaxErrorAt(
            spanAt(start, n, startLine, startLineStart),
            `unterminated ${what}: missing closing ${q} for ${q}${quoteSnippet(text.slice(start + 1, n), 20)}`,
          );
        }
        const d = text.charCodeAt(pos);
        if (d === quote) {
          if (text.charCodeAt(pos + 1) === quote) {
            parts.push(text.slice(chunk, pos + 1));
            pos += 2;
            chunk = pos;
            continue;
          }
          parts.push(text.slice(chunk, pos));
          pos++;
          break;
        }
        if (d === 10) newline(pos);
        pos++;
      }
      const value = parts.join('');
      const span = spanAt(start, pos, startLine, startLineStart);
      if (quote === 96 && value.length === 0) throw new SyntaxErrorAt(span, 'empty quoted identifier ``');
      tokens.push({ kind: quote === 39 ? 'string' : 'quoted', text: value, span });
      continue;
    }

    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(pos + 1)))) {
      let decimal = false;
      while (pos < n && isDigit(text.charCodeAt(pos))) pos++;
      if (text.charCodeAt(pos) === 46) {
        decimal = true;
        pos++;
        while (pos < n && isDigit(text.charCodeAt(pos))) pos++;
      }
      const e = text.charCodeAt(pos);
      if (e === 69 || e === 101) {
        let p = pos + 1;
        const sign = text.charCodeAt(p);
        if (sign === 43 || sign === 45) p++;
        if (!isDigit(text.charCodeAt(p))) {
          throw new SyntaxErrorAt(spanAt(pos, p), `malformed number '${text.slice(start, p)}': expected digits after the exponent`);
        }
        while (p < n && isDigit(text.charCodeAt(p))) p++;
        pos = p;
        decimal = true;
      }
      if (pos < n && isIdentStart(text.charCodeAt(pos))) {
        let p = pos;
        while (p < n && isIdentPart(text.charCodeAt(p))) p++;
        throw new SyntaxErrorAt(
          spanAt(start, p),
          `malformed number '${quoteSnippet(text.slice(start, p))}'; an identifier cannot start with a digit unless it is back-quoted`,
        );
      }
      tokens.push({ kind: decimal ? 'decimal' : 'integer', text: text.slice(start, pos), span: spanAt(start, pos) });
      continue;
    }

    if (isIdentStart(c)) {
      while (pos < n && isIdentPart(text.charCodeAt(pos))) pos++;
      tokens.push({ kind: 'ident', text: text.slice(start, pos), span: spanAt(start, pos) });
      continue;
    }

    const two = text.slice(pos, pos + 2);
    if (OPERATORS_2.has(two)) {
      pos += 2;
      tokens.push({ kind: 'op', text: two, span: spanAt(start, pos) });
      continue;
    }
    const one = text[pos] as string;
    if (OPERATORS_1.has(one)) {
      pos++;
      tokens.push({ kind: 'op', text: one, span: spanAt(start, pos) });
      continue;
    }
    const cp = text.codePointAt(pos) as number;
    const shown = String.fromCodePoint(cp);
    let hint = '';
    if (one === ';') hint = '; an expression is a single value, statements are not allowed';
    else if (one === '"') hint = '; use single quotes for text and back-quotes for field names';
    else if (one === '.') hint = '; fields are referenced by name only';
    throw new SyntaxErrorAt(spanAt(start, start + shown.length), `unexpected character '${shown}'${hint}`);
  }
  tokens.push({ kind: 'eof', text: '', span: spanAt(n, n) });
  return tokens;
}
