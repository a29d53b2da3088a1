import { z } from 'zod';
import { ConnectionNameSchema } from './connections';

/** Path parameters of every cluster route: `/api/kafka/clusters/:cluster/…`. */
export const ClusterParamsSchema = z.object({ cluster: ConnectionNameSchema });
export type ClusterParams = z.infer<typeof ClusterParamsSchema>;

export const KafkaBrokerSchema = z.object({
  nodeId: z.number().int(),
  host: z.string(),
  port: z.number().int(),
  rack: z.string().nullable(),
  /** Replicas this broker leads. */
  leaderPartitions: z.number().int().nonnegative(),
});
export type KafkaBroker = z.infer<typeof KafkaBrokerSchema>;

/** `GET /api/kafka/clusters/:cluster`. */
export const KafkaClusterOverviewSchema = z.object({
  cluster: z.string(),
  clusterId: z.string().nullable(),
  controller: z.number().int().nullable(),
  brokers: z.array(KafkaBrokerSchema),
  /** Kafka release, derived from the finalized `metadata.version` (ApiVersions v3); null when the broker does not say. */
  kafkaVersion: z.string().nullable(),
  /** The finalized feature levels the broker reports (`metadata.version`, `group.version`, …). */
  features: z.record(z.string(), z.number().int()),
  topicCount: z.number().int().nonnegative(),
  internalTopicCount: z.number().int().nonnegative(),
  partitionCount: z.number().int().nonnegative(),
  underReplicatedPartitions: z.number().int().nonnegative(),
  groupCount: z.number().int().nonnegative(),
});
export type KafkaClusterOverview = z.infer<typeof KafkaClusterOverviewSchema>;
