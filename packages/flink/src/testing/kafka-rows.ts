// For integration tests: write fixture input to Kafka and read a finished job's output.
import { createKafka, ensureTopics } from '@weir/kafka';

export interface OutputRecord {
  topic: string;
  key: string | null;
  value: string | null;
}

/**
 * Creates topics, trying again when the broker has not yet made the new partitions known
 * (a loaded single broker answers "does not host this topic-partition" for a moment).
 */
export async function createTopics(brokers: string, topics: readonly string[], partitions: number): Promise<void> {
  const admin = createKafka({ brokers }).admin();
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await ensureTopics(admin, topics.map((topic) => ({ topic, partitions })));
        return;
      } catch (err) {
        if (attempt >= 3) throw err;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  } finally {
    await admin.disconnect();
  }
}

export async function writeInput(brokers: string, input: Record<string, unknown[]>, topicOf: (t: string) => string): Promise<void> {
  const kafka = createKafka({ brokers });
  await createTopics(brokers, Object.keys(input).map(topicOf), 1);
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    for (const [t, rows] of Object.entries(input)) {
      await producer.send({ topic: topicOf(t), acks: -1, messages: rows.map((r) => ({ value: typeof r === 'string' ? r : JSON.stringify(r) })) });
    }
  } finally {
    await producer.disconnect();
  }
}

/**
 * Every committed record of topics that finished jobs wrote (read_committed, so an
 * exactly-once sink's aborted writes never show): read until the topics stay quiet.
 */
export async function readOutput(brokers: string, topics: readonly string[], quietMs = 1500, timeoutMs = 60_000): Promise<OutputRecord[]> {
  if (topics.length === 0) return [];
  const kafka = createKafka({ brokers });
  const consumer = kafka.consumer({ groupId: `equivalence-read-${Date.now()}-${Math.random().toString(36).slice(2)}`, readUncommitted: false, maxWaitTimeInMs: 200 });
  const out: OutputRecord[] = [];
  let last = Date.now();
  let joined = false;
  consumer.on(consumer.events.GROUP_JOIN, () => { joined = true; last = Date.now(); });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        out.push({ topic, key: message.key?.toString('utf8') ?? null, value: message.value?.toString('utf8') ?? null });
        last = Date.now();
      },
    });
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && (!joined || Date.now() - last < quietMs)) await new Promise((r) => setTimeout(r, 100));
  } finally {
    await consumer.disconnect();
  }
  return out;
}
