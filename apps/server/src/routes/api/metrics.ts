import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../../api-error';
import { SESSION_COOKIE } from '../../plugins/app/session-cookie';
import { requireRole } from '../../services/auth/actor';
import { formatPrometheus } from '../../services/live/prometheus';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `GET /metrics` in Prometheus text format. Never open to the world: a scraper presents
 * `Authorization: Bearer $WEIR_METRICS_TOKEN` (scrapers cannot keep cookie sessions), and a
 * signed-in browser (viewer or above) may read it with its session. Without the variable,
 * only sessions can read it — there is no unauthenticated mode, not even for localhost,
 * because a reverse proxy on the same machine makes every request look local.
 */
const metricsRoutes: FastifyPluginAsync = async (app) => {
  const token = app.config.metricsToken;

  app.addHook('onRequest', async (req) => {
    const auth = req.headers.authorization;
    if (auth !== undefined) {
      const bearer = /^Bearer\s+(.+)$/i.exec(auth)?.[1]?.trim();
      if (token !== '' && bearer !== undefined && sameSecret(bearer, token)) return;
      throw new ApiError(401, 'UNAUTHENTICATED', token === ''
        ? 'Bearer tokens for /metrics are off: set WEIR_METRICS_TOKEN on the server.'
        : 'The bearer token for /metrics is wrong.');
    }
    const cookie = req.cookies[SESSION_COOKIE];
    const session = cookie ? await app.auth.authenticate(cookie) : null;
    if (!session) {
      throw new ApiError(401, 'UNAUTHENTICATED', 'The metrics need a session or Authorization: Bearer $WEIR_METRICS_TOKEN.');
    }
    requireRole(session.actor, 'viewer');
  });

  app.get('/metrics', { schema: { tags: ['system'], summary: 'Job, node, partition and checkpoint metrics (Prometheus text format)', hide: false } }, async (_req, reply) => {
    const rows = await app.store.jobs.list({});
    const live = new Map(app.jobsLive.all().map((j) => [j.jobId, j.snapshot]));
    const text = formatPrometheus(
      rows.map((r) => ({ id: r.id, pipeline: r.pipelineName, engine: r.engine, state: r.state, startedAt: r.startedAt, snapshot: live.get(r.id) ?? null })),
      app.now(),
    );
    return reply.type('text/plain; version=0.0.4; charset=utf-8').header('cache-control', 'no-store').send(text);
  });
};

export default metricsRoutes;
