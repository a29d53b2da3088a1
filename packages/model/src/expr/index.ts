import type { FieldType, RecordSchema, Row } from '../field';
import type { Problem } from '../problem';
import type { Expr } from './ast';
import { compileExpression } from './compile';
import { exprProblem, SyntaxErrorAt } from './errors';
import { parseToAst } from './parser';
import { typeCheck } from './type-checker';

export type * from './ast';
export { childrenOf, EXTRACT_UNITS, FUNCTION_NAMES, referencedFields } from './ast';
export { ExprEvalError } from './errors';
export { exprToFlinkSql } from './to-flink-sql';
export { compileExpression } from './compile';
export type { Evaluator } from './compile';
export { MAX_EXPRESSION_LENGTH } from './lexer';
export { MAX_NESTING, MAX_TREE_HEIGHT } from './parser';

/** Parses expression text; a syntax error is one EXPR_SYNTAX problem with line and column. */
export function parseExpression(text: string): { ok: true; ast: Expr } | { ok: false; problem: Problem } {
  try {
    return { ok: true, ast: parseToAst(text) };
  } catch (e) {
    if (e instanceof SyntaxErrorAt) return { ok: false, problem: e.toProblem() };
    // A RangeError would be a stack overflow the depth limits failed to prevent: still a problem, not a crash.
    if (e instanceof RangeError) {
      return { ok: false, problem: exprProblem('EXPR_SYNTAX', { line: 1, column: 1 }, 'expression nested too deeply') };
    }
    throw e;
  }
}

/**
 * Type-checks a syntax tree against the input schema and returns every problem at once.
 * `type` is null when the expression has problems or is an untyped NULL.
 */
export function checkExpression(ast: Expr, schema: RecordSchema): { type: FieldType | null; problems: Problem[] } {
  try {
    const { type, problems } = typeCheck(ast, schema);
    return { type, problems };
  } catch (e) {
    // A tree built by hand (not by parseExpression) can be deeper than the parser allows.
    if (e instanceof RangeError) return { type: null, problems: [tooDeep(ast)] };
    throw e;
  }
}

function tooDeep(ast: Expr): Problem {
  return exprProblem('EXPR_SYNTAX', ast.span, 'expression nested too deeply');
}

export interface AnalyzeResult {
  ok: boolean;
  type: FieldType | null;
  problems: Problem[];
  /** Present when ok: evaluates the expression on one row; throws ExprEvalError. */
  evaluate?: (row: Row) => unknown;
  ast?: Expr;
}

/**
 * Parse, check and compile in one call, for validation, the runtime and message search.
 * `expect` adds a TYPE_MISMATCH when the result has another type (a filter's `where` expects boolean).
 */
export function analyzeExpression(text: string, schema: RecordSchema, opts?: { expect?: FieldType }): AnalyzeResult {
  const parsed = parseExpression(text);
  if (!parsed.ok) return { ok: false, type: null, problems: [parsed.problem] };
  const ast = parsed.ast;
  const { type, problems } = checkExpression(ast, schema);
  const expect = opts?.expect;
  if (problems.length === 0 && expect !== undefined && type !== expect) {
    const found = type === null ? 'NULL, whose type is unknown' : `of type ${type}`;
    problems.push(exprProblem('TYPE_MISMATCH', ast.span, `expected a ${expect} expression but this one is ${found}`));
  }
  if (problems.length > 0) return { ok: false, type, problems, ast };
  let evaluate: (row: Row) => unknown;
  try {
    evaluate = compileExpression(ast, schema);
  } catch (e) {
    if (e instanceof RangeError) return { ok: false, type: null, problems: [tooDeep(ast)], ast };
    throw e;
  }
  return { ok: true, type, problems, evaluate, ast };
}
