import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ApiErrorBodySchema, CreatePipelineRequestSchema, DiffQuerySchema, IdParamsSchema, OkSchema, PipelineDiffSchema, PipelineListSchema,
  PipelineQuerySchema, PipelineRecordSchema, PipelineVersionsSchema, UpdatePipelineRequestSchema,
} from '@weir/protocol';
import { actorOf } from './actor-of';

const errors = { 400: ApiErrorBodySchema, 401: ApiErrorBodySchema, 403: ApiErrorBodySchema } as const;
const tags = ['pipelines'];

const pipelineRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/pipelines',
    { schema: { tags, summary: 'Every pipeline with its latest version and whether it is valid', response: { 200: PipelineListSchema, ...errors } } },
    async (req) => ({ pipelines: await app.pipelines.list(actorOf(req)) }),
  );

  app.post(
    '/pipelines',
    {
      schema: {
        tags,
        summary: 'Create a pipeline (operator); a document with problems is saved as a draft and its problems returned',
        body: CreatePipelineRequestSchema,
        response: { 200: PipelineRecordSchema, ...errors, 409: ApiErrorBodySchema },
      },
    },
    async (req) => app.pipelines.create(actorOf(req), req.body.document),
  );

  app.get(
    '/pipelines/:id',
    {
      schema: {
        tags,
        summary: 'One version of a pipeline (the latest unless ?version=N)',
        params: IdParamsSchema,
        querystring: PipelineQuerySchema,
        response: { 200: PipelineRecordSchema, ...errors, 404: ApiErrorBodySchema },
      },
    },
    async (req) => app.pipelines.get(actorOf(req), req.params.id, req.query.version),
  );

  app.put(
    '/pipelines/:id',
    {
      schema: {
        tags,
        summary: 'Save a new version (operator); 409 VERSION_CONFLICT when baseVersion is not the latest',
        params: IdParamsSchema,
        body: UpdatePipelineRequestSchema,
        response: { 200: PipelineRecordSchema, ...errors, 404: ApiErrorBodySchema, 409: ApiErrorBodySchema },
      },
    },
    async (req) => app.pipelines.update(actorOf(req), req.params.id, req.body.baseVersion, req.body.document),
  );

  app.delete(
    '/pipelines/:id',
    {
      schema: {
        tags,
        summary: 'Delete a pipeline (operator); its versions and jobs stay on record',
        params: IdParamsSchema,
        response: { 200: OkSchema, ...errors, 404: ApiErrorBodySchema, 409: ApiErrorBodySchema },
      },
    },
    async (req) => {
      await app.pipelines.delete(actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/pipelines/:id/versions',
    {
      schema: {
        tags,
        summary: 'The versions of a pipeline, newest first',
        params: IdParamsSchema,
        response: { 200: PipelineVersionsSchema, ...errors, 404: ApiErrorBodySchema },
      },
    },
    async (req) => ({ versions: await app.pipelines.versions(actorOf(req), req.params.id) }),
  );

  app.get(
    '/pipelines/:id/diff',
    {
      schema: {
        tags,
        summary: 'What changed between two versions: nodes and edges added, removed, changed and moved',
        params: IdParamsSchema,
        querystring: DiffQuerySchema,
        response: { 200: PipelineDiffSchema, ...errors, 404: ApiErrorBodySchema },
      },
    },
    async (req) => app.pipelines.diff(actorOf(req), req.params.id, req.query.from, req.query.to),
  );
};

export default pipelineRoutes;
