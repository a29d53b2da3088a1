import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiErrorBodySchema, ClusterOverviewSchema, ClusterQuerySchema } from '@weir/protocol';

const clusterRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/cluster',
    {
      schema: {
        tags: ['kafka'],
        summary: 'The Kafka cluster: brokers, controller and topics',
        querystring: ClusterQuerySchema,
        response: { 200: ClusterOverviewSchema, 400: ApiErrorBodySchema, 503: ApiErrorBodySchema },
      },
    },
    async (req) => app.kafka.overview({ includeInternal: req.query.includeInternal === 'true' }),
  );
};

export default clusterRoutes;
