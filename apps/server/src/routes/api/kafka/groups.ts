import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ApiErrorBodySchema, ClusterParamsSchema, GroupDetailSchema, GroupListSchema, GroupParamsSchema, ResetOffsetsPreviewSchema, ResetOffsetsRequestSchema,
} from '@weir/protocol';
import { actorOf } from '../actor-of';

const errors = { 400: ApiErrorBodySchema, 401: ApiErrorBodySchema, 403: ApiErrorBodySchema, 404: ApiErrorBodySchema, 503: ApiErrorBodySchema } as const;
const tags = ['kafka'];

const groupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/kafka/clusters/:cluster/groups',
    { schema: { tags, summary: 'Consumer groups with state, members and total lag', params: ClusterParamsSchema, response: { 200: GroupListSchema, ...errors } } },
    async (req) => app.kafka.groups(actorOf(req), req.params.cluster),
  );

  app.get(
    '/kafka/clusters/:cluster/groups/:group',
    {
      schema: {
        tags, summary: 'A consumer group: members, committed offsets, lag per partition, and the last hour of lag',
        params: GroupParamsSchema, response: { 200: GroupDetailSchema, ...errors },
      },
    },
    async (req) => app.kafka.group(actorOf(req), req.params.cluster, req.params.group),
  );

  app.post(
    '/kafka/clusters/:cluster/groups/:group/reset-offsets/preview',
    {
      schema: {
        tags, summary: 'The offsets a reset would commit, without committing them (admin)',
        params: GroupParamsSchema, body: ResetOffsetsRequestSchema, response: { 200: ResetOffsetsPreviewSchema, ...errors },
      },
    },
    async (req) => app.kafka.previewReset(actorOf(req), req.params.cluster, req.params.group, req.body),
  );

  app.post(
    '/kafka/clusters/:cluster/groups/:group/reset-offsets',
    {
      schema: {
        tags, summary: "Reset a group's offsets (admin); only while it has no members, else 409 GROUP_NOT_EMPTY",
        params: GroupParamsSchema, body: ResetOffsetsRequestSchema, response: { 200: ResetOffsetsPreviewSchema, ...errors, 409: ApiErrorBodySchema },
      },
    },
    async (req) => app.kafka.resetOffsets(actorOf(req), req.params.cluster, req.params.group, req.body),
  );
};

export default groupRoutes;
