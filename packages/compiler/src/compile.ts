import type { EngineName, Problem } from '@weir/model';
import { CompileOptionsSchema, type CompileOptions } from './compile-options';
import type { EmbeddedPlan } from './embedded-plan';
import type { LogicalPlan } from './logical-plan';
import { toEmbeddedPlan } from './to-embedded-plan';
import { toFlinkSql, type FlinkSqlScript } from './to-flink-sql';
import { toLogicalPlan } from './to-logical-plan';

export const COMPILE_TARGETS = ['plan', 'flink-sql'] as const;
export type CompileTarget = (typeof COMPILE_TARGETS)[number];

/** The engine whose capabilities a target is validated against. */
export const TARGET_ENGINE: Record<CompileTarget, EngineName> = { plan: 'embedded', 'flink-sql': 'flink' };

export type CompileResult =
  | { ok: true; target: 'plan'; logical: LogicalPlan; plan: EmbeddedPlan; warnings: Problem[] }
  | ({ ok: true; target: 'flink-sql'; logical: LogicalPlan } & FlinkSqlScript)
  | { ok: false; problems: Problem[] };

/**
 * Validates `document` for the target's engine and compiles it: `plan` is the embedded
 * runtime's plan, `flink-sql` a Flink SQL script. Never throws on bad input: an invalid
 * document or options come back as `{ ok: false, problems }`.
 */
export function compile(document: unknown, target: CompileTarget, options: CompileOptions = {}): CompileResult {
  const parsedOptions = CompileOptionsSchema.safeParse(options);
  if (!parsedOptions.success) {
    return { ok: false, problems: parsedOptions.error.issues.map((i) => ({ code: 'BAD_CONFIG', message: `compile options: ${i.path.join('.') || 'options'}: ${i.message}` })) };
  }
  const logical = toLogicalPlan(document, TARGET_ENGINE[target]);
  if (!logical.ok) return logical;
  if (target === 'plan') {
    const plan = toEmbeddedPlan(logical.plan, { resourcePrefix: parsedOptions.data.resourcePrefix });
    const warnings: Problem[] = plan.settings.parallelismCapped
      ? [{ code: 'UNSUPPORTED_ON_ENGINE', field: 'settings.parallelism',
          message: `settings: the embedded engine runs one job in one thread; parallelism ${plan.settings.parallelism} runs as 1` }]
      : [];
    return { ok: true, target, logical: logical.plan, plan, warnings };
  }
  const script = toFlinkSql(logical.plan, parsedOptions.data);
  if (!script.ok) return script;
  const { ok: _ok, ...rest } = script;
  return { ok: true, target, logical: logical.plan, ...rest };
}
