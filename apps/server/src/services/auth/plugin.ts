import fp from 'fastify-plugin';
import type { Actor } from './actor';
import { createAuthService, type AuthService } from './auth-service';
import { createUsersService, type UsersService } from './users-service';

declare module 'fastify' {
  interface FastifyInstance {
    auth: AuthService;
    users: UsersService;
  }
  interface FastifyRequest {
    /** The signed-in user; set by the session plugin in the session context, null elsewhere. */
    actor: Actor | null;
  }
}

// Expired sessions and tokens are refused anyway; this only keeps the tables small.
const PURGE_EVERY_MS = 60 * 60 * 1000;

export default fp(
  async (app) => {
    const auth = createAuthService(app.store, app.audit, app.now, {
      sessionIdleMs: app.config.sessionIdleMs,
      loginTokenTtlMs: app.config.loginTokenTtlMs,
    });
    app.decorate('auth', auth);
    app.decorate('users', createUsersService(app.store, auth, app.audit, app.now));
    app.decorateRequest('actor', null);
    const purge = setInterval(() => {
      auth.purgeExpired().catch((err: unknown) => app.log.warn({ err }, 'could not purge expired sessions'));
    }, PURGE_EVERY_MS);
    purge.unref();
    app.addHook('onClose', async () => clearInterval(purge));
  },
  { name: 'weir-auth-service', dependencies: ['weir-store', 'weir-audit-service', 'weir-clock'] },
);
