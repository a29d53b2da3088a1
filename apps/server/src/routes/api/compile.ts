import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiErrorBodySchema, CompileRequestSchema, CompileResponseSchema, ValidateRequestSchema, ValidateResponseSchema } from '@weir/protocol';
import { actorOf } from './actor-of';

const errors = { 400: ApiErrorBodySchema, 401: ApiErrorBodySchema, 403: ApiErrorBodySchema } as const;

/** The same checks as `weir validate` and `weir compile`; a bad document is an answer, not an error. */
const compileRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/validate',
    {
      schema: {
        tags: ['pipelines'],
        summary: 'Validate a pipeline document: every problem at once, with stable codes',
        body: ValidateRequestSchema,
        response: { 200: ValidateResponseSchema, ...errors },
      },
    },
    async (req) => app.compiler.validate(actorOf(req), req.body.document, req.body.engine),
  );

  app.post(
    '/compile',
    {
      schema: {
        tags: ['pipelines'],
        summary: "Compile a pipeline document to the embedded engine's plan or to Flink SQL",
        body: CompileRequestSchema,
        response: { 200: CompileResponseSchema, ...errors },
      },
    },
    async (req) => app.compiler.compile(actorOf(req), req.body.document, req.body.target),
  );
};

export default compileRoutes;
