import { createKafka } from '@weir/kafka';

export interface CommittedMessage {
  partition: number;
  offset: number;
  key: string | null;
  value: string;
  headers: Record<string, string>;
}

/**
 * Every committed message of a topic, as a read_committed reader sees it: aborted
 * transactions skipped, transaction markers counted as read. Waits until each partition is
 * read up to its high watermark at the call, so open transactions must have ended (a
 * replacement job aborts its predecessor's; otherwise Kafka times them out).
 */
export async function readCommitted(brokers: string, topic: string, timeoutMs = 60_000): Promise<CommittedMessage[]> {
  const kafka = createKafka({ brokers });
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic);
  const ends = new Map(offsets.map((o) => [o.partition, Number(o.high)]));
  const lows = new Map(offsets.map((o) => [o.partition, Number(o.low)]));
  await admin.disconnect();
  const reached = new Map([...ends].map(([p]) => [p, lows.get(p) ?? 0]));
  const out: CommittedMessage[] = [];
  const done = () => [...ends].every(([p, end]) => (reached.get(p) ?? 0) >= end);
  if (done()) return out;
  const consumer = kafka.consumer({ groupId: `read-committed-${topic}-${Date.now()}-${Math.random().toString(36).slice(2)}`, maxWaitTimeInMs: 100, readUncommitted: false });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`read_committed ${topic}: reached ${JSON.stringify([...reached])} of ${JSON.stringify([...ends])} in ${timeoutMs} ms`)), timeoutMs);
      const advance = (partition: number, next: number) => {
        if (next > (reached.get(partition) ?? 0)) reached.set(partition, next);
        if (done()) {
          clearTimeout(timer);
          resolve();
        }
      };
      // Batches of only markers or aborted records never reach eachBatch.
      consumer.on(consumer.events.END_BATCH_PROCESS, (e) => advance(e.payload.partition, Number(e.payload.lastOffset) + 1));
      void consumer.run({
        eachBatch: async ({ batch }) => {
          const end = ends.get(batch.partition) ?? 0;
          for (const m of batch.messages) {
            const offset = Number(m.offset);
            if (offset >= end) break;
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(m.headers ?? {})) if (v !== undefined) headers[k] = Buffer.isBuffer(v) ? v.toString('utf8') : String(v);
            out.push({ partition: batch.partition, offset, key: m.key === null ? null : m.key.toString('utf8'), value: m.value?.toString('utf8') ?? '', headers });
          }
          advance(batch.partition, Number(batch.lastOffset()) + 1);
        },
      }).catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return out.sort((a, b) => a.partition - b.partition || a.offset - b.offset);
}
