import fp from 'fastify-plugin';
import { compile, type CompileOptions, type CompileTarget } from '@weir/compiler';
import { validateDocument, type EngineName } from '@weir/model';
import type { CompileResponse, ValidateResponse } from '@weir/protocol';
import { requireRole, type Actor } from './auth/actor';

/**
 * Validation and compilation as `weir validate` and `weir compile` do them, with the same
 * problem codes. Read-only, so any signed-in user may ask.
 */
export function createCompileService(options: { brokers?: string }) {
  return {
    validate(actor: Actor, document: unknown, engine?: EngineName): ValidateResponse {
      requireRole(actor, 'viewer');
      const result = validateDocument(document, engine === undefined ? {} : { engine });
      return { ok: result.ok, problems: result.problems };
    },

    compile(actor: Actor, document: unknown, target: CompileTarget): CompileResponse {
      requireRole(actor, 'viewer');
      // Flink SQL names the brokers in its DDL: the ones this server talks to.
      const compileOptions: CompileOptions = options.brokers ? { brokers: options.brokers } : {};
      const result = compile(document, target, compileOptions);
      if (!result.ok) return { ok: false, target, problems: result.problems, warnings: [] };
      if (result.target === 'plan') return { ok: true, target, plan: result.plan, problems: [], warnings: result.warnings };
      return { ok: true, target, sql: result.sql, problems: [], warnings: result.warnings };
    },
  };
}
export type CompileService = ReturnType<typeof createCompileService>;

declare module 'fastify' {
  interface FastifyInstance {
    compiler: CompileService;
  }
}

export default fp(
  async (app) => {
    app.decorate('compiler', createCompileService(app.config.kafkaBrokers ? { brokers: app.config.kafkaBrokers } : {}));
  },
  { name: 'weir-compile-service', dependencies: ['weir-config'] },
);
