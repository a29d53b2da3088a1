import type { Problem, ProblemCode } from '../problem';
import type { Span } from './ast';

/**
 * A failure while evaluating a compiled expression on one row (integer division by zero,
 * a string that CAST cannot convert, …). The runtime maps it to the pipeline's `onError`
 * policy; `code` is stable, the message names the part of the expression that failed.
 */
export class ExprEvalError extends Error {
  readonly code = 'EVAL_ERROR' as const;
  constructor(message: string) {
    super(message);
    this.name = 'ExprEvalError';
  }
}

/** A problem located in the expression text; the caller adds `node` and `field`. */
export function exprProblem(code: ProblemCode, span: Pick<Span, 'line' | 'column'>, message: string): Problem {
  return { code, message: `line ${span.line}, column ${span.column}: ${message}`, line: span.line, column: span.column };
}

/** Thrown inside the lexer and parser, turned into one EXPR_SYNTAX problem at the API edge. */
export class SyntaxErrorAt extends Error {
  constructor(
    readonly span: Pick<Span, 'line' | 'column'>,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'SyntaxErrorAt';
  }

  toProblem(): Problem {
    return exprProblem('EXPR_SYNTAX', this.span, this.detail);
  }
}

/** Shortens user text quoted in a message so one huge literal cannot flood a log line. */
export function quoteSnippet(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
