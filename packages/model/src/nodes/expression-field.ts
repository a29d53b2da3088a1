import { z } from 'zod';
import { analyzeExpression, type Expr } from '../expr/index';
import type { FieldType, RecordSchema } from '../field';
import type { Problem } from '../problem';

/** An expression-valued config field (`where`, `select[].expr`); forms show a code editor. */
export const ExpressionSchema = z
  .string()
  .min(1)
  .meta({ format: 'expression', description: 'A Flink SQL scalar expression over the input fields' });

export interface ExpressionCheck {
  type: FieldType | null;
  problems: Problem[];
  /** The syntax tree when the expression parsed. */
  ast: Expr | undefined;
}

/**
 * Parses and type-checks one expression field against the input schema, and places the
 * problems on that field: `field` is the config path (`where`, `select.2.expr`) and the
 * message names it; line/column stay as the expression checker reported them.
 */
export function checkExpressionField(text: string, schema: RecordSchema, field: string, expect?: FieldType): ExpressionCheck {
  const result = analyzeExpression(text, schema, expect === undefined ? undefined : { expect });
  const problems = result.problems.map((p): Problem => {
    const mapped: Problem = { ...p, field, message: `${field}: ${p.message}` };
    delete mapped.node;
    return mapped;
  });
  return { type: result.ok ? result.type : null, problems, ast: result.ast };
}

/**
 * The field an expression merely names (`ts`, `` `event time` ``), read from its syntax
 * tree, or null. A bare reference passes a field through unchanged, which is what keeps its
 * event-time role (a projection with an alias keeps a rowtime attribute in Flink SQL).
 */
export function bareFieldReference(ast: Expr | undefined): string | null {
  return ast?.kind === 'field' ? ast.name : null;
}
