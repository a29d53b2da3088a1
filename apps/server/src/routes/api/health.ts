import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiErrorBodySchema, HealthSchema } from '@weir/protocol';
import { serverVersion } from '../../version';

const startedAt = Date.now();

/** Liveness for people and scripts; public, so it reveals nothing beyond "Kafka answers". */
const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Server status and whether Kafka answers',
        response: { 200: HealthSchema, 500: ApiErrorBodySchema },
      },
    },
    async () => ({
      status: 'ok' as const,
      version: serverVersion,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      kafka: { reachable: await app.kafka.reachable() },
    }),
  );
};

export default healthRoutes;
