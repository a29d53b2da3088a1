import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ApiErrorBodySchema, ConnectionInputSchema, ConnectionListSchema, ConnectionParamsSchema, ConnectionSchema, ConnectionTestResultSchema, OkSchema,
} from '@weir/protocol';
import { actorOf } from '../actor-of';

const errors = { 400: ApiErrorBodySchema, 401: ApiErrorBodySchema, 403: ApiErrorBodySchema } as const;
const tags = ['kafka'];

const connectionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/kafka/connections',
    { schema: { tags, summary: 'Kafka connections (no secrets: only whether a password is set)', response: { 200: ConnectionListSchema, ...errors } } },
    async (req) => ({ connections: await app.kafka.connections.list(actorOf(req)) }),
  );

  app.post(
    '/kafka/connections',
    {
      schema: {
        tags, summary: 'Add a Kafka connection (admin)', body: ConnectionInputSchema,
        response: { 200: ConnectionSchema, ...errors, 409: ApiErrorBodySchema },
      },
    },
    async (req) => app.kafka.connections.create(actorOf(req), req.body),
  );

  app.post(
    '/kafka/connections/test',
    {
      schema: {
        tags, summary: 'Try connection settings without saving them (admin); stored secrets fill in what is left out',
        body: ConnectionInputSchema, response: { 200: ConnectionTestResultSchema, ...errors },
      },
    },
    async (req) => app.kafka.testConnection(actorOf(req), req.body),
  );

  app.put(
    '/kafka/connections/:name',
    {
      schema: {
        tags, summary: 'Change a Kafka connection (admin); an absent password or CA keeps the stored one',
        params: ConnectionParamsSchema, body: ConnectionInputSchema,
        response: { 200: ConnectionSchema, ...errors, 404: ApiErrorBodySchema, 409: ApiErrorBodySchema },
      },
    },
    async (req) => app.kafka.connections.update(actorOf(req), req.params.name, req.body),
  );

  app.delete(
    '/kafka/connections/:name',
    {
      schema: {
        tags, summary: 'Remove a Kafka connection (admin)', params: ConnectionParamsSchema,
        response: { 200: OkSchema, ...errors, 404: ApiErrorBodySchema, 409: ApiErrorBodySchema },
      },
    },
    async (req) => {
      await app.kafka.connections.delete(actorOf(req), req.params.name);
      return { ok: true as const };
    },
  );
};

export default connectionRoutes;
