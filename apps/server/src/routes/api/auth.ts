import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiErrorBodySchema, OkSchema, SessionResponseSchema } from '@weir/protocol';
import { clearSessionCookie, SESSION_COOKIE } from '../../plugins/app/session-cookie';
import { actorOf } from './actor-of';

const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user',
        response: { 200: SessionResponseSchema, 401: ApiErrorBodySchema },
      },
    },
    async (req) => {
      return { user: actorOf(req) };
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'End this session',
        response: { 200: OkSchema, 401: ApiErrorBodySchema, 403: ApiErrorBodySchema },
      },
    },
    async (req, reply) => {
      await app.auth.logout(actorOf(req), req.cookies[SESSION_COOKIE] ?? '');
      clearSessionCookie(req, reply);
      return { ok: true as const };
    },
  );
};

export default authRoutes;
