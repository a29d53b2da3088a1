import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiErrorBodySchema, AuditQuerySchema, AuditResponseSchema } from '@weir/protocol';
import { actorOf } from './actor-of';

const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log of every change, newest first (admin)',
        querystring: AuditQuerySchema,
        response: { 200: AuditResponseSchema, 400: ApiErrorBodySchema, 401: ApiErrorBodySchema, 403: ApiErrorBodySchema },
      },
    },
    async (req) => {
      return { entries: await app.audit.list(actorOf(req), req.query) };
    },
  );
};

export default auditRoutes;
