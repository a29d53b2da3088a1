// Connects datagen to Kafka: checks that a broker answers (bounded, so an unreachable
// cluster fails fast instead of hanging), creates missing topics, and opens one producer.
import {
  CompressionTypes, createKafka, ensureTopics, parseBrokers, waitForBroker,
  type Producer, type TopicSpec,
} from '@weir/kafka';
import { createCachingPartitioner } from './key-partitioner';
import type { SendBatch } from './produce-loop';

/** How long `weir datagen` waits for a broker before it gives up. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

export interface TopicProducer {
  producer: Producer;
  sendTo(topic: string): SendBatch;
  close(): Promise<void>;
}

export interface OpenTopicProducerOptions {
  brokers: string | readonly string[];
  topics: TopicSpec[];
  connectTimeoutMs?: number;
  clientId?: string;
}

export async function openTopicProducer(opts: OpenTopicProducerOptions): Promise<TopicProducer> {
  const brokers = parseBrokers(opts.brokers);
  const clientId = opts.clientId ?? 'weir-datagen';
  const timeoutMs = opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  await waitForBroker(brokers, { timeoutMs, attemptTimeoutMs: Math.min(5000, timeoutMs), client: { clientId } });

  const kafka = createKafka({ brokers, clientId });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await ensureTopics(admin, opts.topics);
  } finally {
    await admin.disconnect().catch(() => {});
  }

  // Java-compatible partitioning, so keys land where Kafka's own clients would put them.
  const producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: createCachingPartitioner });
  await producer.connect();
  return {
    producer,
    sendTo: (topic) => (messages) => producer.send({ topic, messages, compression: CompressionTypes.None }),
    close: () => producer.disconnect(),
  };
}
