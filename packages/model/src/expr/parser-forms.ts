import type { FieldType } from '../field';
import { EXTRACT_UNITS, FUNCTION_NAMES, type Expr, type ExtractUnit } from './ast';
import { SyntaxErrorAt } from './errors';
import { arityMessage, lookupFunction } from './functions';
import type { Token } from './lexer';
import type { Parser } from './parser';

/**
 * The calls with their own argument syntax (CAST(x AS t), EXTRACT(u FROM t), TRIM(… FROM s),
 * SUBSTRING(s FROM a FOR b), POSITION(a IN b)) and ordinary function calls.
 */
type FormParser = (p: Parser, name: Token) => Expr;

const AGGREGATES = new Set(['COUNT', 'SUM', 'AVG', 'MIN', 'MAX', 'FIRST_VALUE', 'LAST_VALUE']);

/** Target types of CAST, as Flink SQL spells them, and the Weir field type each maps to. */
const CAST_TYPES: Record<string, FieldType> = {
  STRING: 'string',
  VARCHAR: 'string',
  CHAR: 'string',
  INT: 'int',
  INTEGER: 'int',
  BIGINT: 'bigint',
  DOUBLE: 'double',
  FLOAT: 'double',
  BOOLEAN: 'boolean',
  TIMESTAMP: 'timestamp',
  TIMESTAMP_LTZ: 'timestamp',
};

function parseCastType(p: Parser): { target: FieldType; typeName: string } {
  const t = p.peek();
  const word = t.kind === 'ident' ? t.text.toUpperCase() : '';
  if (word === 'DECIMAL' || word === 'NUMERIC' || word === 'DEC') {
    throw new SyntaxErrorAt(t.span, `${word} is not supported; cast to DOUBLE or BIGINT instead`);
  }
  if (!Object.prototype.hasOwnProperty.call(CAST_TYPES, word)) {
    throw p.unexpected(t, 'a type (STRING, INT, BIGINT, DOUBLE, BOOLEAN or TIMESTAMP(3))');
  }
  p.next();
  let typeName = word;
  if (word === 'DOUBLE' && p.acceptKeyword('PRECISION')) typeName = 'DOUBLE PRECISION';
  if (p.isOp(p.peek(), '(')) {
    const open = p.next();
    const size = p.peek();
    if (size.kind !== 'integer') throw p.unexpected(size, 'a precision');
    p.next();
    p.expectOp(')', ' after the precision');
    if (word === 'TIMESTAMP' || word === 'TIMESTAMP_LTZ') {
      if (size.text !== '3') {
        throw new SyntaxErrorAt(size.span, `${word}(${size.text}) is not supported; timestamps have millisecond precision, write ${word}(3)`);
      }
    } else {
      throw new SyntaxErrorAt(open.span, `${word}(${size.text}) is not supported; write ${word === 'CHAR' || word === 'VARCHAR' ? 'STRING' : word} without a size`);
    }
    typeName = `${word}(${size.text})`;
  } else if (word === 'TIMESTAMP_LTZ') {
    throw p.unexpected(p.peek(), "'(3)' after TIMESTAMP_LTZ");
  }
  return { target: CAST_TYPES[word] as FieldType, typeName };
}

const parseCast: FormParser = (p, name) => {
  p.expectOp('(');
  const operand = p.parseExpr(0);
  p.expectKeyword('AS', ` in ${name.text.toUpperCase()}(value AS type)`);
  const { target, typeName } = parseCastType(p);
  p.expectOp(')', ` to close ${name.text.toUpperCase()}`);
  const safe = name.text.toUpperCase() === 'TRY_CAST';
  return p.node({ kind: 'cast', operand, target, typeName, safe, span: p.spanFrom(name.span) }, [operand]);
};

const parseExtract: FormParser = (p, name) => {
  p.expectOp('(');
  const u = p.peek();
  const unit = u.kind === 'ident' ? u.text.toUpperCase() : '';
  if (!(EXTRACT_UNITS as readonly string[]).includes(unit)) throw p.unexpected(u, `a unit (${EXTRACT_UNITS.join(', ')})`);
  p.next();
  p.expectKeyword('FROM', ' in EXTRACT(unit FROM timestamp)');
  const operand = p.parseExpr(0);
  p.expectOp(')', ' to close EXTRACT');
  return p.node({ kind: 'extract', unit: unit as ExtractUnit, operand, span: p.spanFrom(name.span) }, [operand]);
};

const parseTrim: FormParser = (p, name) => {
  p.expectOp('(');
  let mode: 'BOTH' | 'LEADING' | 'TRAILING' = 'BOTH';
  let explicitMode = false;
  const m = p.peek();
  const mw = m.kind === 'ident' ? m.text.toUpperCase() : '';
  if (mw === 'BOTH' || mw === 'LEADING' || mw === 'TRAILING') {
    p.next();
    mode = mw;
    explicitMode = true;
  }
  let chars: Expr | null = null;
  let operand: Expr;
  if (p.acceptKeyword('FROM')) {
    operand = p.parseExpr(0);
  } else {
    const first = p.parseExpr(0);
    if (p.acceptKeyword('FROM')) {
      chars = first;
      operand = p.parseExpr(0);
    } else {
      if (explicitMode) throw p.unexpected(p.peek(), `'FROM' in TRIM(${mode} … FROM s)`);
      operand = first;
    }
  }
  p.expectOp(')', ' to close TRIM');
  return p.node({ kind: 'trim', mode, chars, operand, span: p.spanFrom(name.span) }, chars ? [chars, operand] : [operand]);
};

const parseSubstring: FormParser = (p, name) => {
  p.expectOp('(');
  const args: Expr[] = [p.parseExpr(0)];
  if (p.acceptKeyword('FROM')) {
    args.push(p.parseExpr(0));
    if (p.acceptKeyword('FOR')) args.push(p.parseExpr(0));
  } else {
    while (p.isOp(p.peek(), ',')) {
      p.next();
      args.push(p.parseExpr(0));
    }
  }
  p.expectOp(')', ' to close SUBSTRING');
  checkArity(name, 'SUBSTRING', args.length);
  return p.node({ kind: 'call', name: 'SUBSTRING', args, span: p.spanFrom(name.span) }, args);
};

const parsePosition: FormParser = (p, name) => {
  p.expectOp('(');
  const needle = p.parseOperand();
  p.expectKeyword('IN', ' in POSITION(needle IN s)');
  const haystack = p.parseExpr(0);
  p.expectOp(')', ' to close POSITION');
  const args = [needle, haystack];
  return p.node({ kind: 'call', name: 'POSITION', args, span: p.spanFrom(name.span) }, args);
};

function checkArity(name: Token, fn: Parameters<typeof arityMessage>[0], count: number): void {
  const msg = arityMessage(fn, count);
  if (msg) throw new SyntaxErrorAt(name.span, msg);
}

const parseCall: FormParser = (p, name) => {
  const upper = name.text.toUpperCase();
  const fn = lookupFunction(upper);
  if (!fn) {
    const hint = AGGREGATES.has(upper)
      ? '; aggregates are computed by window nodes (their aggregates list), not in expressions'
      : `; functions are ${FUNCTION_NAMES.join(', ')}, CAST, TRY_CAST, EXTRACT and TRIM`;
    throw new SyntaxErrorAt(name.span, `unknown function ${name.text}${hint}`);
  }
  p.expectOp('(');
  const args: Expr[] = [];
  if (!p.isOp(p.peek(), ')')) {
    args.push(p.parseExpr(0));
    while (p.isOp(p.peek(), ',')) {
      p.next();
      args.push(p.parseExpr(0));
    }
  }
  p.expectOp(')', ` to close ${fn}(…)`);
  checkArity(name, fn, args.length);
  return p.node({ kind: 'call', name: fn, args, span: p.spanFrom(name.span) }, args);
};

export const SPECIAL_PARSERS: Record<string, FormParser> = {
  CAST: parseCast,
  TRY_CAST: parseCast,
  EXTRACT: parseExtract,
  TRIM: parseTrim,
  SUBSTRING: parseSubstring,
  POSITION: parsePosition,
};

/** CASE [subject] WHEN … THEN … [ELSE …] END, searched when there is no subject. */
export function parseCase(p: Parser): Expr {
  const start = p.next().span;
  let subject: Expr | null = null;
  const first = p.peek();
  if (p.isKeyword(first, 'END') || first.kind === 'eof') throw p.unexpected(first, "'WHEN' after CASE");
  if (!p.isKeyword(first, 'WHEN')) subject = p.parseExpr(0);
  const whens: { when: Expr; then: Expr }[] = [];
  const kids: Expr[] = subject ? [subject] : [];
  while (p.acceptKeyword('WHEN')) {
    const when = p.parseExpr(0);
    p.expectKeyword('THEN', ' after the WHEN condition');
    const then = p.parseExpr(0);
    whens.push({ when, then });
    kids.push(when, then);
  }
  if (whens.length === 0) throw p.unexpected(p.peek(), "'WHEN' after CASE");
  let otherwise: Expr | null = null;
  if (p.acceptKeyword('ELSE')) {
    otherwise = p.parseExpr(0);
    kids.push(otherwise);
  }
  p.expectKeyword('END', ` to close the CASE at line ${start.line}, column ${start.column}`);
  return p.node({ kind: 'case', subject, whens, otherwise, span: p.spanFrom(start) }, kids);
}

/** Parses the call starting at the current token (a name followed by '('). */
export function parseSpecialForm(p: Parser, word: string): Expr {
  const name = p.next();
  const form = word === 'CALL' ? parseCall : (SPECIAL_PARSERS[word] as FormParser);
  return form(p, name);
}
