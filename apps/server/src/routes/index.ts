import type { FastifyPluginAsync } from 'fastify';
import clusterRoutes from './api/cluster';
import healthRoutes from './api/health';

/**
 * All REST routes under /api, registered in order (not autoloaded: @fastify/autoload
 * imports route files with Node's own loader, which cannot read TypeScript under Vitest
 * and does not recognise `node --import tsx`).
 *
 * Two encapsulated contexts: public routes, and the session context. The session plugin
 * is registered at the top of the second one, so every route added there requires a
 * session without any URL check.
 */
const routes: FastifyPluginAsync = async (app) => {
  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(async (withSession) => {
        await withSession.register(clusterRoutes);
      });
    },
    { prefix: '/api' },
  );
};

export default routes;
