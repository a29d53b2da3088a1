// Topics of the benchmark: created before timing, and read afterwards for the time of their
// last record. Output topics stamp records with the broker's clock (LogAppendTime), so "the
// last output record" is timed by the same clock whichever engine wrote it.
import { createKafka, ensureTopics, type Kafka } from '@weir/kafka';

function client(brokers: string): Kafka {
  return createKafka({ brokers, clientId: 'weir-bench', logLevel: 'error', logSink: () => {} });
}

/** Creates a topic unless it exists (ensureTopics waits out a just-started broker's leader election). */
export async function createTopic(brokers: string, topic: string, partitions: number, configs: Record<string, string | number> = {}): Promise<void> {
  const admin = client(brokers).admin();
  await admin.connect();
  try {
    await ensureTopics(admin, [{ topic, partitions, configs }]);
  } finally {
    await admin.disconnect();
  }
}

/** An output topic whose records carry the time the broker appended them. */
export function createOutputTopic(brokers: string, topic: string, partitions: number): Promise<void> {
  return createTopic(brokers, topic, partitions, { 'message.timestamp.type': 'LogAppendTime' });
}

export interface TopicEnd {
  /** Records in the topic (sum over partitions of high − low). */
  records: number;
  /** The largest record timestamp of the topic (its last record's append time); NaN when empty. */
  lastMs: number;
}

/** Reads the last record of every non-empty partition (seeking to it) and returns the newest timestamp. */
export async function topicEnd(brokers: string, topic: string, timeoutMs = 60_000): Promise<TopicEnd> {
  const kafka = client(brokers);
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const lastOffset = new Map<number, number>();
  let records = 0;
  for (const o of offsets) {
    const high = Number(o.high);
    records += high - Number(o.low);
    if (high > Number(o.low)) lastOffset.set(o.partition, high - 1);
  }
  if (lastOffset.size === 0) return { records, lastMs: Number.NaN };
  const consumer = kafka.consumer({ groupId: `weir-bench-end-${topic}-${Date.now()}`, maxWaitTimeInMs: 100 });
  let lastMs = 0;
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) lastMs = Math.max(lastMs, Number(m.timestamp));
        const last = batch.messages[batch.messages.length - 1];
        const wanted = lastOffset.get(batch.partition);
        if (last && wanted !== undefined && Number(last.offset) >= wanted) lastOffset.delete(batch.partition);
        if (lastOffset.size === 0) finish();
      },
    });
    for (const [partition, offset] of lastOffset) consumer.seek({ topic, partition, offset: String(offset) });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([done, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`reading the end of ${topic} took over ${timeoutMs} ms`)), timeoutMs)))]);
    clearTimeout(timer);
  } finally {
    await consumer.disconnect();
  }
  return { records, lastMs };
}
