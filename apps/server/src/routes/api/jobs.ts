import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ApiErrorBodySchema, DeployRequestSchema, EngineListSchema, IdParamsSchema, JobListSchema, JobMetricsResponseSchema, JobRecordSchema,
  JobsQuerySchema, StopJobRequestSchema,
} from '@weir/protocol';
import { actorOf } from './actor-of';

const errors = { 400: ApiErrorBodySchema, 401: ApiErrorBodySchema, 403: ApiErrorBodySchema } as const;
const tags = ['jobs'];

const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/engines',
    { schema: { tags, summary: 'The engines, whether each can take jobs now, and why not', response: { 200: EngineListSchema, ...errors } } },
    async (req) => ({ engines: app.jobs.engines(actorOf(req)) }),
  );

  app.post(
    '/pipelines/:id/deploy',
    {
      schema: {
        tags,
        summary: 'Deploy a pipeline version (default: the latest) to an engine as a new job (operator)',
        params: IdParamsSchema,
        body: DeployRequestSchema,
        response: { 200: JobRecordSchema, ...errors, 404: ApiErrorBodySchema, 422: ApiErrorBodySchema, 503: ApiErrorBodySchema },
      },
    },
    async (req) => app.jobs.deploy(actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/jobs',
    { schema: { tags, summary: 'Jobs, newest first', querystring: JobsQuerySchema, response: { 200: JobListSchema, ...errors } } },
    async (req) => ({ jobs: await app.jobs.list(actorOf(req), req.query) }),
  );

  app.get(
    '/jobs/:id',
    { schema: { tags, summary: 'One job', params: IdParamsSchema, response: { 200: JobRecordSchema, ...errors, 404: ApiErrorBodySchema } } },
    async (req) => app.jobs.get(actorOf(req), req.params.id),
  );

  app.get(
    '/jobs/:id/metrics',
    {
      schema: {
        tags,
        summary: "The job's latest metrics snapshot (null before the first)",
        params: IdParamsSchema,
        response: { 200: JobMetricsResponseSchema, ...errors, 404: ApiErrorBodySchema },
      },
    },
    async (req) => app.jobs.metrics(actorOf(req), req.params.id),
  );

  app.post(
    '/jobs/:id/stop',
    {
      schema: {
        tags,
        summary: 'Stop a job (operator), optionally taking a savepoint to restart from',
        params: IdParamsSchema,
        // A POST without a body arrives as null.
        body: StopJobRequestSchema.nullish(),
        response: { 200: JobRecordSchema, ...errors, 404: ApiErrorBodySchema, 409: ApiErrorBodySchema },
      },
    },
    async (req) => app.jobs.stop(actorOf(req), req.params.id, { savepoint: req.body?.savepoint ?? false }),
  );

  app.post(
    '/jobs/:id/restart',
    {
      schema: {
        tags,
        summary: 'Start an ended job again from its savepoint or latest checkpoint (operator)',
        params: IdParamsSchema,
        response: { 200: JobRecordSchema, ...errors, 404: ApiErrorBodySchema, 409: ApiErrorBodySchema, 422: ApiErrorBodySchema, 503: ApiErrorBodySchema },
      },
    },
    async (req) => app.jobs.restart(actorOf(req), req.params.id),
  );
};

export default jobRoutes;
