import type { FastifyPluginAsync } from 'fastify';
import csrf from '../plugins/app/csrf';
import session from '../plugins/app/session';
import auditRoutes from './api/audit';
import authRoutes from './api/auth';
import clusterRoutes from './api/cluster';
import compileRoutes from './api/compile';
import healthRoutes from './api/health';
import jobRoutes from './api/jobs';
import kafkaRoutes from './api/kafka/index';
import loginRoutes from './api/login';
import metricsRoutes from './api/metrics';
import pipelineRoutes from './api/pipelines';
import usersRoutes from './api/users';

/**
 * All REST routes under /api, registered in order (not autoloaded: @fastify/autoload
 * imports route files with Node's own loader, which cannot read TypeScript under Vitest
 * and does not recognise `node --import tsx`).
 *
 * Encapsulated contexts: public routes (health; login, which is how a session begins),
 * and the session context. The session plugin is registered at the top of the latter, so
 * every route added there requires a session without any URL check; the CSRF check
 * follows it, so an unauthenticated call always hears 401 first.
 */
const routes: FastifyPluginAsync = async (app) => {
  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(async (login) => {
        await login.register(csrf);
        await login.register(loginRoutes);
      });
      await api.register(async (withSession) => {
        await withSession.register(session);
        await withSession.register(csrf);
        await withSession.register(authRoutes);
        await withSession.register(usersRoutes);
        await withSession.register(auditRoutes);
        await withSession.register(pipelineRoutes);
        await withSession.register(compileRoutes);
        await withSession.register(jobRoutes);
        await withSession.register(clusterRoutes);
        await withSession.register(kafkaRoutes);
      });
    },
    { prefix: '/api' },
  );
  // Prometheus scrapes /metrics at the root; its own context checks a bearer token or a session.
  await app.register(metricsRoutes);
};

export default routes;
