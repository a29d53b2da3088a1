import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AlterTopicConfigsRequestSchema, ApiErrorBodySchema, ClusterParamsSchema, CreateTopicRequestSchema, DeleteTopicRequestSchema,
  KafkaClusterOverviewSchema, OkSchema, TopicConfigsSchema, TopicDetailSchema, TopicListQuerySchema, TopicListSchema, TopicParamsSchema,
} from '@weir/protocol';
import { actorOf } from '../actor-of';

const errors = { 400: ApiErrorBodySchema, 401: ApiErrorBodySchema, 403: ApiErrorBodySchema, 404: ApiErrorBodySchema, 503: ApiErrorBodySchema } as const;
const tags = ['kafka'];

const clusterRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/kafka/clusters/:cluster',
    { schema: { tags, summary: 'A cluster: brokers, controller, Kafka release, counts', params: ClusterParamsSchema, response: { 200: KafkaClusterOverviewSchema, ...errors } } },
    async (req) => app.kafka.clusterOverview(actorOf(req), req.params.cluster),
  );

  app.get(
    '/kafka/clusters/:cluster/topics',
    {
      schema: {
        tags, summary: 'Topics with partitions, replication, message counts, sizes and live rates',
        params: ClusterParamsSchema, querystring: TopicListQuerySchema, response: { 200: TopicListSchema, ...errors },
      },
    },
    async (req) => app.kafka.topics(actorOf(req), req.params.cluster, req.query.includeInternal === 'true'),
  );

  app.post(
    '/kafka/clusters/:cluster/topics',
    {
      schema: {
        tags, summary: 'Create a topic (operator)', params: ClusterParamsSchema, body: CreateTopicRequestSchema,
        response: { 200: TopicDetailSchema, ...errors, 409: ApiErrorBodySchema, 422: ApiErrorBodySchema },
      },
    },
    async (req) => app.kafka.createTopic(actorOf(req), req.params.cluster, req.body),
  );

  app.get(
    '/kafka/clusters/:cluster/topics/:topic',
    {
      schema: {
        tags, summary: "A topic: partitions (leader, replicas, ISR, watermarks), configs, the groups reading it",
        params: TopicParamsSchema, response: { 200: TopicDetailSchema, ...errors },
      },
    },
    async (req) => app.kafka.topic(actorOf(req), req.params.cluster, req.params.topic),
  );

  app.delete(
    '/kafka/clusters/:cluster/topics/:topic',
    {
      schema: {
        tags, summary: 'Delete a topic (admin); `confirm` must repeat its name', params: TopicParamsSchema, body: DeleteTopicRequestSchema,
        response: { 200: OkSchema, ...errors, 422: ApiErrorBodySchema },
      },
    },
    async (req) => {
      await app.kafka.deleteTopic(actorOf(req), req.params.cluster, req.params.topic, req.body.confirm);
      return { ok: true as const };
    },
  );

  app.get(
    '/kafka/clusters/:cluster/topics/:topic/configs',
    { schema: { tags, summary: "A topic's configs and where each value comes from", params: TopicParamsSchema, response: { 200: TopicConfigsSchema, ...errors } } },
    async (req) => app.kafka.topicConfigs(actorOf(req), req.params.cluster, req.params.topic),
  );

  app.patch(
    '/kafka/clusters/:cluster/topics/:topic/configs',
    {
      schema: {
        tags, summary: 'Set or reset topic configs (admin)', params: TopicParamsSchema, body: AlterTopicConfigsRequestSchema,
        response: { 200: TopicConfigsSchema, ...errors, 422: ApiErrorBodySchema },
      },
    },
    async (req) => app.kafka.alterTopicConfigs(actorOf(req), req.params.cluster, req.params.topic, req.body),
  );
};

export default clusterRoutes;
