import type { BinaryOp, Expr, LiteralExpr, Span } from './ast';
import { quoteSnippet, SyntaxErrorAt } from './errors';
import { type Token, tokenize } from './lexer';
import { parseCase, parseSpecialForm, SPECIAL_PARSERS } from './parser-forms';

/** Deepest recursion of the parser (parentheses, NOT, unary minus, calls nest it). */
export const MAX_NESTING = 200;
/**
 * Tallest tree accepted. Checking, compiling and evaluating recurse once per level, and
 * cold (unoptimised) code uses several stack frames per level: about 900 levels fit in
 * Node's default stack at top level, so 256 leaves room for callers already deep in theirs.
 * Long left-deep chains (`a OR b OR …`) are what reach it; IN (…) is the better form.
 */
export const MAX_TREE_HEIGHT = 256;

/** Words with a fixed meaning; a field with one of these names must be back-quoted. */
const RESERVED = new Set([
  'AND', 'OR', 'NOT', 'IS', 'IN', 'BETWEEN', 'LIKE', 'ESCAPE', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END',
  'AS', 'FROM', 'FOR', 'NULL', 'TRUE', 'FALSE', 'CAST', 'TRY_CAST', 'EXTRACT',
]);

const PREC_OR = 1;
const PREC_AND = 2;
const PREC_NOT = 3;
const PREC_COMPARE = 4;
const PREC_ADD = 5;
const PREC_MUL = 6;
const PREC_UNARY = 7;

const MAX_EXACT = 2n ** 53n - 1n;
const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;

export function describeToken(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'end of input';
    case 'string':
      return `string '${quoteSnippet(t.text, 20)}'`;
    case 'quoted':
      return `\`${quoteSnippet(t.text, 20)}\``;
    default:
      return `'${quoteSnippet(t.text, 20)}'`;
  }
}

export class Parser {
  private pos = 0;
  private depth = 0;
  private readonly heights = new WeakMap<Expr, number>();

  constructor(private readonly tokens: Token[]) {}

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)] as Token;
  }
  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }
  isKeyword(t: Token, word: string): boolean {
    return t.kind === 'ident' && t.text.toUpperCase() === word;
  }
  isOp(t: Token, op: string): boolean {
    return t.kind === 'op' && t.text === op;
  }
  acceptKeyword(word: string): Token | undefined {
    return this.isKeyword(this.peek(), word) ? this.next() : undefined;
  }
  expectKeyword(word: string, context = ''): Token {
    const t = this.peek();
    if (!this.isKeyword(t, word)) throw this.unexpected(t, `'${word}'${context}`);
    return this.next();
  }
  expectOp(op: string, context = ''): Token {
    const t = this.peek();
    if (!this.isOp(t, op)) throw this.unexpected(t, `'${op}'${context}`);
    return this.next();
  }
  unexpected(t: Token, expected: string): SyntaxErrorAt {
    return new SyntaxErrorAt(t.span, `expected ${expected} but found ${describeToken(t)}`);
  }

  /** Span from the start of `first` to the end of the last token consumed. */
  spanFrom(first: Span): Span {
    const last = this.tokens[Math.max(0, this.pos - 1)] as Token;
    return { offset: first.offset, line: first.line, column: first.column, end: Math.max(first.end, last.span.end) };
  }

  /** Records a node's height and rejects trees too tall to evaluate safely. */
  node<T extends Expr>(n: T, children: readonly Expr[]): T {
    let h = 0;
    for (const c of children) h = Math.max(h, this.heights.get(c) ?? 1);
    if (h + 1 > MAX_TREE_HEIGHT) {
      throw new SyntaxErrorAt(
        n.span,
        `expression nested too deeply (more than ${MAX_TREE_HEIGHT} levels); split it up, or use IN (…) instead of long OR chains`,
      );
    }
    this.heights.set(n, h + 1);
    return n;
  }

  /** An operand of a special form, bound tighter than comparisons (so `IN`, `FROM` end it). */
  parseOperand(): Expr {
    return this.parseExpr(PREC_ADD);
  }

  parseAll(): Expr {
    const e = this.parseExpr(0);
    const t = this.peek();
    if (t.kind !== 'eof') {
      const hint = this.isOp(t, ')') ? ' (unbalanced parenthesis)' : '';
      throw new SyntaxErrorAt(t.span, `expected an operator or end of input but found ${describeToken(t)}${hint}`);
    }
    return e;
  }

  parseExpr(minPrec: number): Expr {
    if (++this.depth > MAX_NESTING) {
      throw new SyntaxErrorAt(this.peek().span, `expression nested too deeply (more than ${MAX_NESTING} levels)`);
    }
    let left = this.parsePrefix();
    for (;;) {
      const t = this.peek();
      const prec = this.infixPrecedence(t);
      if (prec === 0 || prec < minPrec) break;
      left = this.parseInfix(left, prec);
    }
    this.depth--;
    return left;
  }

  private infixPrecedence(t: Token): number {
    if (t.kind === 'op') {
      switch (t.text) {
        case '=': case '<>': case '!=': case '<': case '<=': case '>': case '>=':
          return PREC_COMPARE;
        case '+': case '-': case '||':
          return PREC_ADD;
        case '*': case '/': case '%':
          return PREC_MUL;
        default:
          return 0;
      }
    }
    if (t.kind !== 'ident') return 0;
    const w = t.text.toUpperCase();
    if (w === 'OR') return PREC_OR;
    if (w === 'AND') return PREC_AND;
    if (w === 'IS' || w === 'IN' || w === 'BETWEEN' || w === 'LIKE') return PREC_COMPARE;
    if (w === 'NOT') {
      const n = this.peek(1);
      if (this.isKeyword(n, 'IN') || this.isKeyword(n, 'BETWEEN') || this.isKeyword(n, 'LIKE')) return PREC_COMPARE;
    }
    return 0;
  }

  private parseInfix(left: Expr, prec: number): Expr {
    const t = this.next();
    const start = left.span;
    if (t.kind === 'op') {
      const right = this.parseExpr(prec + 1);
      const op = (t.text === '!=' ? '<>' : t.text) as BinaryOp;
      return this.node({ kind: 'binary', op, left, right, span: this.spanFrom(start) }, [left, right]);
    }
    const w = t.text.toUpperCase();
    if (w === 'AND' || w === 'OR') {
      const right = this.parseExpr(prec + 1);
      return this.node({ kind: 'binary', op: w, left, right, span: this.spanFrom(start) }, [left, right]);
    }
    if (w === 'IS') {
      const negated = this.acceptKeyword('NOT') !== undefined;
      const what = this.peek();
      const test = what.kind === 'ident' ? what.text.toUpperCase() : '';
      if (test !== 'NULL' && test !== 'TRUE' && test !== 'FALSE') {
        throw this.unexpected(what, `NULL, TRUE or FALSE after IS${negated ? ' NOT' : ''}`);
      }
      this.next();
      return this.node({ kind: 'is', test, negated, operand: left, span: this.spanFrom(start) }, [left]);
    }
    const negated = w === 'NOT';
    const kw = negated ? this.next().text.toUpperCase() : w;
    if (kw === 'IN') {
      this.expectOp('(', ' after IN');
      const list: Expr[] = [];
      if (this.isOp(this.peek(), ')')) throw this.unexpected(this.peek(), 'at least one value in IN (…)');
      do list.push(this.parseExpr(0));
      while (this.isOp(this.peek(), ',') && this.next());
      this.expectOp(')', ' to close the IN list');
      return this.node({ kind: 'in', operand: left, list, negated, span: this.spanFrom(start) }, [left, ...list]);
    }
    if (kw === 'BETWEEN') {
      // Bounds bind tighter than AND so that the AND here separates them.
      const low = this.parseExpr(PREC_ADD);
      this.expectKeyword('AND', ' between the bounds of BETWEEN');
      const high = this.parseExpr(PREC_ADD);
      return this.node({ kind: 'between', operand: left, low, high, negated, span: this.spanFrom(start) }, [left, low, high]);
    }
    // LIKE
    const pattern = this.parseExpr(PREC_ADD);
    let escape: Expr | null = null;
    if (this.acceptKeyword('ESCAPE')) escape = this.parseExpr(PREC_ADD);
    const kids = escape ? [left, pattern, escape] : [left, pattern];
    return this.node({ kind: 'like', operand: left, pattern, escape, negated, span: this.spanFrom(start) }, kids);
  }

  private parsePrefix(): Expr {
    const t = this.peek();
    if (this.isKeyword(t, 'NOT')) {
      this.next();
      const operand = this.parseExpr(PREC_NOT);
      return this.node({ kind: 'unary', op: 'NOT', operand, span: this.spanFrom(t.span) }, [operand]);
    }
    if (this.isOp(t, '-')) {
      this.next();
      const n = this.peek();
      // A minus written directly before a number is part of the literal, as in Flink SQL,
      // so that -2147483648 is an INT.
      if (n.kind === 'integer' || n.kind === 'decimal') {
        this.next();
        const lit = this.numberLiteral(n, true);
        return this.node({ ...lit, span: this.spanFrom(t.span) }, []);
      }
      const operand = this.parseExpr(PREC_UNARY);
      return this.node({ kind: 'unary', op: '-', operand, span: this.spanFrom(t.span) }, [operand]);
    }
    return this.parsePrimary();
  }

  numberLiteral(t: Token, negative: boolean): LiteralExpr {
    if (t.kind === 'decimal') {
      const v = Number(t.text);
      if (!Number.isFinite(v)) throw new SyntaxErrorAt(t.span, `number ${quoteSnippet(t.text)} is out of the range of DOUBLE`);
      return { kind: 'literal', type: 'double', value: negative ? -v : v, span: t.span };
    }
    const big = negative ? -BigInt(t.text) : BigInt(t.text);
    if (big > MAX_EXACT || big < -MAX_EXACT) {
      throw new SyntaxErrorAt(
        t.span,
        `integer ${quoteSnippet(t.text)} is too large: integers must lie within ±9007199254740991 to be exact; write it as a decimal (${quoteSnippet(t.text)}.0) for a DOUBLE`,
      );
    }
    const type = big >= INT_MIN && big <= INT_MAX ? 'int' : 'bigint';
    // Adding 0 turns -0 into 0.
    return { kind: 'literal', type, value: Number(big) + 0, span: t.span };
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    switch (t.kind) {
      case 'integer':
      case 'decimal':
        this.next();
        return this.node(this.numberLiteral(t, false), []);
      case 'string':
        this.next();
        return this.node({ kind: 'literal', type: 'string', value: t.text, span: t.span }, []);
      case 'quoted':
        this.next();
        return this.node({ kind: 'field', name: t.text, span: t.span }, []);
      case 'op':
        if (t.text === '(') {
          this.next();
          const inner = this.parseExpr(0);
          this.expectOp(')', ` to close the '(' at line ${t.span.line}, column ${t.span.column}`);
          return inner;
        }
        throw this.unexpected(t, 'an expression');
      case 'eof':
        throw this.unexpected(t, 'an expression');
      case 'ident':
        break;
    }
    const word = t.text.toUpperCase();
    if (word === 'TRUE' || word === 'FALSE') {
      this.next();
      return this.node({ kind: 'literal', type: 'boolean', value: word === 'TRUE', span: t.span }, []);
    }
    if (word === 'NULL') {
      this.next();
      return this.node({ kind: 'literal', type: 'null', value: null, span: t.span }, []);
    }
    if (word === 'CASE') return parseCase(this);
    const isCall = this.isOp(this.peek(1), '(');
    if (isCall && Object.prototype.hasOwnProperty.call(SPECIAL_PARSERS, word)) return parseSpecialForm(this, word);
    if (RESERVED.has(word)) {
      throw new SyntaxErrorAt(
        t.span,
        `expected an expression but found '${t.text}'; a field named ${t.text} must be written \`${t.text}\``,
      );
    }
    if (isCall) return parseSpecialForm(this, 'CALL');
    this.next();
    return this.node({ kind: 'field', name: t.text, span: t.span }, []);
  }
}

/** Parses expression text into a syntax tree; throws SyntaxErrorAt on the first error. */
export function parseToAst(text: string): Expr {
  return new Parser(tokenize(text)).parseAll();
}
