import { z } from 'zod';

/** Stable problem codes of pipeline-format.md (Validation), plus the expression language's. */
export const PROBLEM_CODES = [
  'DUPLICATE_ID', 'UNKNOWN_KIND', 'DANGLING_EDGE', 'CYCLE', 'MISSING_INPUT', 'TOO_MANY_INPUTS',
  'NO_SOURCE', 'NO_SINK', 'UNREACHABLE', 'BAD_CONFIG', 'INVALID_DURATION', 'EXPR_SYNTAX',
  'UNKNOWN_FIELD', 'TYPE_MISMATCH', 'DUPLICATE_FIELD', 'NO_EVENT_TIME', 'SLIDE_NOT_DIVISOR',
  'UNSUPPORTED_ON_ENGINE', 'BAD_DOCUMENT', 'BAD_PORT', 'TRANSACTION_TIMEOUT_TOO_SHORT',
] as const;
export const ProblemCodeSchema = z.enum(PROBLEM_CODES);
export type ProblemCode = z.infer<typeof ProblemCodeSchema>;

/**
 * One problem a person can act on: a stable code, the node (and field, as a dotted
 * path inside the node's config such as `aggregates.1.field`) it concerns, and a message.
 * `line`/`column` (1-based) locate an expression error inside the field's text.
 */
export const ProblemSchema = z.object({
  code: ProblemCodeSchema,
  node: z.string().optional(),
  field: z.string().optional(),
  message: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;
