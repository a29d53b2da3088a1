import fp from 'fastify-plugin';
import { ApiError } from '../../api-error';
import { SESSION_COOKIE, setSessionCookie } from './session-cookie';

/**
 * Registered at the top of the session context (routes/index.ts): every route in that
 * context needs a valid session cookie, without any URL check. Sets `req.actor`, which the
 * routes hand to the services, where the role checks are made.
 */
export default fp(
  async (app) => {
    app.addHook('onRequest', async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      const session = token ? await app.auth.authenticate(token) : null;
      if (!token || !session) {
        throw new ApiError(401, 'UNAUTHENTICATED', token
          ? 'Your session has expired. Log in again with a login link.'
          : 'Log in first: open a login link (weir up prints one; an admin can make one for you).');
      }
      req.actor = session.actor;
      if (session.extended) setSessionCookie(req, reply, token, session.expiresAt, app.now());
    });
  },
  { name: 'weir-session', dependencies: ['weir-auth-service', 'weir-cookie'] },
);
