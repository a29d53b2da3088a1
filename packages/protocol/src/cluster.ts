import { z } from 'zod';

export const BrokerSchema = z.object({
  nodeId: z.number().int(),
  host: z.string(),
  port: z.number().int(),
});
export type Broker = z.infer<typeof BrokerSchema>;

export const TopicSummarySchema = z.object({
  name: z.string(),
  partitions: z.number().int().nonnegative(),
  internal: z.boolean(),
});
export type TopicSummary = z.infer<typeof TopicSummarySchema>;

/** `GET /api/cluster` query: internal topics (`__consumer_offsets`, …) are hidden unless asked for. */
export const ClusterQuerySchema = z.object({
  includeInternal: z.enum(['true', 'false']).default('false'),
});
export type ClusterQuery = z.infer<typeof ClusterQuerySchema>;

/** `GET /api/cluster`: the Kafka cluster Weir is connected to. */
export const ClusterOverviewSchema = z.object({
  clusterId: z.string().nullable(),
  controller: z.number().int().nullable(),
  brokers: z.array(BrokerSchema),
  /** Counts every topic, internal ones included, whatever `includeInternal` says. */
  topicCount: z.number().int().nonnegative(),
  topics: z.array(TopicSummarySchema),
});
export type ClusterOverview = z.infer<typeof ClusterOverviewSchema>;
