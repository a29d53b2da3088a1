import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiErrorBodySchema, LoginRequestSchema, SessionResponseSchema } from '@weir/protocol';
import { setSessionCookie } from '../../plugins/app/session-cookie';

/** The one mutating route without a session: it is how a session begins. */
const loginRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/login',
    {
      config: { rateLimit: { max: app.config.loginRateLimitMax, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Exchange a one-time login token (from a login link) for a session cookie',
        body: LoginRequestSchema,
        response: { 200: SessionResponseSchema, 400: ApiErrorBodySchema, 401: ApiErrorBodySchema, 403: ApiErrorBodySchema, 429: ApiErrorBodySchema },
      },
    },
    async (req, reply) => {
      const session = await app.auth.login(req.body.token);
      setSessionCookie(req, reply, session.token, session.expiresAt, app.now());
      return { user: session.user };
    },
  );
};

export default loginRoutes;
