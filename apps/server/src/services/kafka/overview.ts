import { brokerFeatures, releaseOfMetadataVersion } from '@weir/kafka/broker-features';
import type { KafkaClusterOverview } from '@weir/protocol';
import type { ClusterClients } from './cluster-pool';
import { isInternalTopic } from './topics/topics';

/** Brokers, controller, release (from `metadata.version`), topic, partition and group counts. */
export async function clusterOverview(clients: ClusterClients): Promise<KafkaClusterOverview> {
  const [cluster, metadata, groups] = await clients.call('describe cluster', (admin) =>
    Promise.all([admin.describeCluster(), admin.fetchTopicMetadata(), admin.listGroups()]));
  const leaders = new Map<number, number>();
  let partitions = 0;
  let under = 0;
  for (const t of metadata.topics) {
    for (const p of t.partitions) {
      partitions++;
      leaders.set(p.leader, (leaders.get(p.leader) ?? 0) + 1);
      if (p.isr.length < p.replicas.length) under++;
    }
  }
  const asked = cluster.controller ?? cluster.brokers[0]?.nodeId;
  // Old brokers (before ApiVersions v3) and failures leave the release unknown rather than failing the page.
  const features = asked === undefined ? null : await brokerFeatures(clients.raw, asked).catch(() => null);
  const level = features?.finalized['metadata.version'];
  return {
    cluster: clients.name,
    clusterId: cluster.clusterId || null,
    controller: cluster.controller ?? null,
    brokers: [...cluster.brokers]
      .sort((a, b) => a.nodeId - b.nodeId)
      .map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port, rack: null, leaderPartitions: leaders.get(b.nodeId) ?? 0 })),
    kafkaVersion: level !== undefined ? releaseOfMetadataVersion(level) : null,
    features: features?.finalized ?? {},
    topicCount: metadata.topics.length,
    internalTopicCount: metadata.topics.filter((t) => isInternalTopic(t.name)).length,
    partitionCount: partitions,
    underReplicatedPartitions: under,
    groupCount: groups.groups.length,
  };
}
