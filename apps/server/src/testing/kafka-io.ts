// For integration tests: write demo-like input to a real topic and read a topic back.
import { createKafka, ensureTopics } from '@weir/kafka';

export async function createTopics(brokers: string, topics: readonly { topic: string; partitions: number }[]): Promise<void> {
  const admin = createKafka({ brokers }).admin();
  await admin.connect();
  try {
    await ensureTopics(admin, topics.map((t) => ({ topic: t.topic, partitions: t.partitions })));
  } finally {
    await admin.disconnect();
  }
}

export async function produceJson(brokers: string, topic: string, rows: readonly { key: string; value: unknown }[]): Promise<void> {
  const producer = createKafka({ brokers }).producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: rows.map((r) => ({ key: r.key, value: JSON.stringify(r.value) })) });
  } finally {
    await producer.disconnect();
  }
}

/** Every message value of a topic up to its end offsets at the time of the call. */
export async function readTopicValues(brokers: string, topic: string): Promise<string[]> {
  const kafka = createKafka({ brokers });
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const ends = new Map(offsets.map((o) => [o.partition, Number(o.high)]));
  const total = offsets.reduce((n, o) => n + Number(o.high) - Number(o.low), 0);
  if (total === 0) return [];
  const values: string[] = [];
  const consumer = kafka.consumer({ groupId: `weir-server-test-read-${Date.now()}-${Math.random().toString(36).slice(2)}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          if (Number(message.offset) >= (ends.get(partition) ?? 0)) return;
          values.push(message.value?.toString('utf8') ?? '');
          if (values.length >= total) resolve();
        },
      }).catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return values;
}
