import { z } from 'zod';
import { ENGINE_NAMES, ProblemSchema } from '@weir/model';

export const EngineNameSchema = z.enum(ENGINE_NAMES);

/** `POST /api/validate`: any JSON as `document`; problems, never a 400, for a bad one. */
export const ValidateRequestSchema = z.object({
  document: z.unknown(),
  /** Also report what this engine cannot run (UNSUPPORTED_ON_ENGINE). */
  engine: EngineNameSchema.optional(),
});
export type ValidateRequest = z.infer<typeof ValidateRequestSchema>;

export const ValidateResponseSchema = z.object({ ok: z.boolean(), problems: z.array(ProblemSchema) });
export type ValidateResponse = z.infer<typeof ValidateResponseSchema>;

export const COMPILE_TARGETS = ['plan', 'flink-sql'] as const;
export const CompileTargetSchema = z.enum(COMPILE_TARGETS);

/** `POST /api/compile`. */
export const CompileRequestSchema = z.object({ document: z.unknown(), target: CompileTargetSchema });
export type CompileRequest = z.infer<typeof CompileRequestSchema>;

/**
 * `ok: true` carries `plan` (target plan: the embedded runtime's plan) or `sql` (target
 * flink-sql: the script); `ok: false` carries the problems. `warnings` are problems that do
 * not stop the pipeline (an engine capping parallelism).
 */
export const CompileResponseSchema = z.object({
  ok: z.boolean(),
  target: CompileTargetSchema,
  plan: z.unknown().optional(),
  sql: z.string().optional(),
  problems: z.array(ProblemSchema),
  warnings: z.array(ProblemSchema),
});
export type CompileResponse = z.infer<typeof CompileResponseSchema>;
