import { KafkaClientError } from './kafka-client-error';
import type { Admin, ITopicConfig } from './kafkajs';

export interface TopicSpec {
  topic: string;
  partitions: number;
  /** Default: the broker's `default.replication.factor`. */
  replicationFactor?: number;
  /** Topic-level configs such as `cleanup.policy` or `retention.ms`. */
  configs?: Record<string, string | number | boolean>;
}

export interface EnsuredTopic {
  topic: string;
  created: boolean;
  /** Partitions the topic has now; an existing topic keeps its own count. */
  partitions: number;
}

// Kafka's own rule (org.apache.kafka.common.internals.Topic).
const LEGAL_TOPIC = /^[a-zA-Z0-9._-]{1,249}$/;

/** Checks a spec the way the broker would, so a bad name fails naming the topic. */
export function validateTopicSpec(spec: TopicSpec): void {
  const { topic } = spec;
  if (typeof topic !== 'string' || !LEGAL_TOPIC.test(topic) || topic === '.' || topic === '..') {
    throw new KafkaClientError(
      'BAD_TOPIC',
      `Topic name "${String(topic)}" is not valid: use 1–249 of a-z A-Z 0-9 . _ - (and not "." or "..")`,
    );
  }
  if (!Number.isInteger(spec.partitions) || spec.partitions < 1) {
    throw new KafkaClientError('BAD_TOPIC', `Topic "${topic}": partitions must be a whole number ≥ 1, got ${spec.partitions}`);
  }
  if (spec.replicationFactor !== undefined && (!Number.isInteger(spec.replicationFactor) || spec.replicationFactor < 1)) {
    throw new KafkaClientError(
      'BAD_TOPIC',
      `Topic "${topic}": replicationFactor must be a whole number ≥ 1, got ${spec.replicationFactor}`,
    );
  }
}

/** The kafkajs CreateTopics entry for a spec. */
export function toTopicConfig(spec: TopicSpec): ITopicConfig {
  return {
    topic: spec.topic,
    numPartitions: spec.partitions,
    ...(spec.replicationFactor !== undefined ? { replicationFactor: spec.replicationFactor } : {}),
    ...(spec.configs
      ? { configEntries: Object.entries(spec.configs).map(([name, value]) => ({ name, value: String(value) })) }
      : {}),
  };
}

/** Attempts at creating topics whose leaders a just-started broker has not elected yet. */
const LEADER_WAIT_ATTEMPTS = 5;

/**
 * A broker that has just started can answer "does not host this topic-partition"
 * (UNKNOWN_TOPIC_OR_PARTITION) while kafkajs waits for a new topic's leaders.
 */
function leadersNotElectedYet(err: unknown): boolean {
  const e = err as { type?: string; message?: string };
  return e.type === 'UNKNOWN_TOPIC_OR_PARTITION' || /does not host this topic-partition/i.test(e.message ?? '');
}

async function createWaitingForLeaders(admin: Admin, missing: readonly TopicSpec[]): Promise<{ all: boolean; retried: boolean }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { all: await admin.createTopics({ topics: missing.map(toTopicConfig), waitForLeaders: true }), retried: attempt > 1 };
    } catch (err) {
      if (attempt < LEADER_WAIT_ATTEMPTS && leadersNotElectedYet(err)) {
        await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
        continue;
      }
      const detail = err instanceof Error ? err.message : String(err);
      throw new KafkaClientError('TOPIC_CREATE_FAILED', `Could not create topic(s) ${missing.map((s) => s.topic).join(', ')}: ${detail}`, { cause: err });
    }
  }
}

/**
 * Creates the topics that do not exist yet and leaves existing ones as they are
 * (changing a partition count would move keys between partitions). Safe to call
 * concurrently: a topic created by someone else in between counts as existing.
 */
export async function ensureTopics(admin: Admin, specs: readonly TopicSpec[]): Promise<EnsuredTopic[]> {
  const seen = new Set<string>();
  for (const spec of specs) {
    validateTopicSpec(spec);
    if (seen.has(spec.topic)) throw new KafkaClientError('BAD_TOPIC', `Topic "${spec.topic}" is listed twice`);
    seen.add(spec.topic);
  }
  if (specs.length === 0) return [];

  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((s) => !existing.has(s.topic));
  const created = new Set<string>();
  if (missing.length > 0) {
    // A second attempt finds topics the first one made as "already exists": they are ours.
    const { all, retried } = await createWaitingForLeaders(admin, missing);
    if (all || retried) for (const s of missing) created.add(s.topic);
  }

  const { topics } = await admin.fetchTopicMetadata({ topics: specs.map((s) => s.topic) });
  const partitionsByTopic = new Map(topics.map((t) => [t.name, t.partitions.length]));
  return specs.map((s) => ({
    topic: s.topic,
    created: created.has(s.topic),
    partitions: partitionsByTopic.get(s.topic) ?? 0,
  }));
}
