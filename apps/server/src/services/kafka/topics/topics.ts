import type { ITopicMetadata } from '@weir/kafka';
import type { CreateTopicRequest, TopicDetail, TopicGroup, TopicList, TopicRow } from '@weir/protocol';
import { ApiError } from '../../../api-error';
import type { ClusterClients } from '../cluster-pool';
import type { ClusterSample } from '../sampler/compute-sample';
import { describeTopicConfigs } from './topic-configs';
import type { TopicSizes } from './topic-sizes';

export const isInternalTopic = (name: string) => name.startsWith('__');

function replicationOf(t: ITopicMetadata): number {
  return t.partitions.reduce((m, p) => Math.max(m, p.replicas.length), 0);
}

function underReplicated(t: ITopicMetadata): number {
  return t.partitions.filter((p) => p.isr.length < p.replicas.length).length;
}

/** The topic list with counts read now, sizes, and the sampler's rates (null until two samples exist). */
export async function listTopics(clients: ClusterClients, sample: ClusterSample, sizes: TopicSizes, includeInternal: boolean): Promise<TopicList> {
  const [{ topics }, marks, size] = await Promise.all([
    clients.call('list topics', (admin) => admin.fetchTopicMetadata()),
    clients.call('read watermarks', () => clients.raw.watermarks()),
    sizes.get(),
  ]);
  const rows: TopicRow[] = topics
    .filter((t) => includeInternal || !isInternalTopic(t.name))
    .map((t) => {
      const s = sample.topics.get(t.name);
      return {
        name: t.name,
        internal: isInternalTopic(t.name),
        partitions: t.partitions.length,
        replicationFactor: replicationOf(t),
        messages: (marks.get(t.name) ?? []).reduce((n, p) => n + Math.max(0, p.high - p.low), 0),
        sizeBytes: size.available ? (size.sizes.get(t.name) ?? 0) : null,
        produceRate: s?.produceRate ?? null,
        consumeRate: s?.consumeRate ?? null,
        underReplicatedPartitions: underReplicated(t),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    topics: rows,
    sizes: { available: size.available, reason: size.reason },
    sampledAt: new Date(sample.at).toISOString(),
  };
}

/** The groups with committed offsets on `topic`, from a sample. */
export function groupsOnTopic(sample: ClusterSample, topic: string): TopicGroup[] {
  const out: TopicGroup[] = [];
  for (const g of sample.groups.values()) {
    if (!g.offsets.some((o) => o.topic === topic)) continue;
    out.push({ groupId: g.groupId, state: g.state, members: g.members.length, lag: g.topics[topic] ?? 0 });
  }
  return out.sort((a, b) => a.groupId.localeCompare(b.groupId));
}

export async function topicDetail(clients: ClusterClients, topic: string, sample: ClusterSample, sizes: TopicSizes): Promise<TopicDetail> {
  const infos = await clients.raw.partitions(topic, { refresh: true });
  if (infos.length === 0) throw new ApiError(404, 'NOT_FOUND', `Topic ${topic} does not exist on cluster ${clients.name}.`);
  const [marks, configs, size] = await Promise.all([
    clients.raw.watermarks([topic]).then((m) => m.get(topic) ?? []),
    clients.call(`describe configs of ${topic}`, (admin) => describeTopicConfigs(admin, topic)),
    sizes.get(topic),
  ]);
  const partitions = infos.map((i) => {
    const m = marks.find((x) => x.partition === i.partition) ?? { low: 0, high: 0 };
    return { ...i, low: m.low, high: m.high, messages: Math.max(0, m.high - m.low) };
  });
  const s = sample.topics.get(topic);
  return {
    name: topic,
    internal: isInternalTopic(topic),
    replicationFactor: infos.reduce((n, p) => Math.max(n, p.replicas.length), 0),
    messages: partitions.reduce((n, p) => n + p.messages, 0),
    sizeBytes: size.available ? (size.sizes.get(topic) ?? 0) : null,
    produceRate: s?.produceRate ?? null,
    consumeRate: s?.consumeRate ?? null,
    partitions,
    configs,
    groups: groupsOnTopic(sample, topic),
  };
}

export async function createTopic(clients: ClusterClients, req: Required<Pick<CreateTopicRequest, 'name' | 'partitions'>> & CreateTopicRequest): Promise<void> {
  const created = await clients.call(`create topic ${req.name}`, (admin) => admin.createTopics({
    waitForLeaders: true,
    timeout: 10_000,
    topics: [{
      topic: req.name,
      numPartitions: req.partitions,
      ...(req.replicationFactor !== undefined ? { replicationFactor: req.replicationFactor } : {}),
      configEntries: Object.entries(req.configs ?? {}).map(([name, value]) => ({ name, value })),
    }],
  }), 15_000);
  if (!created) throw new ApiError(409, 'TOPIC_EXISTS', `Topic ${req.name} exists already on cluster ${clients.name}.`);
}

export async function deleteTopic(clients: ClusterClients, topic: string): Promise<void> {
  const infos = await clients.raw.partitions(topic, { refresh: true });
  if (infos.length === 0) throw new ApiError(404, 'NOT_FOUND', `Topic ${topic} does not exist on cluster ${clients.name}.`);
  await clients.call(`delete topic ${topic}`, (admin) => admin.deleteTopics({ topics: [topic], timeout: 10_000 }), 15_000);
  // Deletion completes in the background: wait (briefly) until the metadata no longer lists it.
  for (let i = 0; i < 20; i++) {
    if ((await clients.raw.partitions(topic, { refresh: true })).length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
