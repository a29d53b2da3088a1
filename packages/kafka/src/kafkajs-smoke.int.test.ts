// Proves kafkajs 2.2.4 works against the local Kafka 4.1: admin, produce, consumer
// group, and transactions with sendOffsets under read_committed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKafka } from './create-kafka';
import { ensureTopics } from './ensure-topics';
import type { Admin, Consumer, Kafka, KafkaMessage, Producer } from './kafkajs';
import { testBrokers, uniqueName } from './testing';

interface Seen { partition: number; offset: string; key: string; value: string }

/** Runs a consumer on `topic` from the beginning until `done(seen)` holds, then stops it. */
async function consumeUntil(consumer: Consumer, topic: string, done: (seen: Seen[]) => boolean, timeoutMs = 60_000): Promise<Seen[]> {
  const seen: Seen[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => { finish = resolve; });
  await consumer.run({
    eachMessage: async ({ partition, message }: { partition: number; message: KafkaMessage }) => {
      seen.push({ partition, offset: message.offset, key: message.key?.toString() ?? '', value: message.value?.toString() ?? '' });
      if (done(seen)) finish();
    },
  });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`consumer saw ${seen.length} message(s) of ${topic} before the timeout: ${seen.map((s) => s.value).join(',')}`)), timeoutMs);
  });
  try {
    await Promise.race([finished, timedOut]);
  } finally {
    clearTimeout(timer);
    await consumer.stop();
  }
  return seen;
}

describe('kafkajs against the local Kafka', () => {
  let kafka: Kafka;
  let admin: Admin;
  const cleanups: Array<() => Promise<void>> = [];
  const input = uniqueName('smoke-in');
  const output = uniqueName('smoke-out');

  beforeAll(async () => {
    kafka = createKafka({ brokers: testBrokers(), clientId: 'weir-smoke' });
    admin = kafka.admin();
    await admin.connect();
  });

  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
    await admin.deleteTopics({ topics: [input, output] }).catch(() => {});
    await admin.disconnect();
  });

  function track<T extends Producer | Consumer>(client: T): T {
    cleanups.push(() => client.disconnect());
    return client;
  }

  it('creates topics through the admin client, idempotently', async () => {
    const first = await ensureTopics(admin, [{ topic: input, partitions: 2 }, { topic: output, partitions: 1, configs: { 'retention.ms': 3_600_000 } }]);
    expect(first).toEqual([
      { topic: input, created: true, partitions: 2 },
      { topic: output, created: true, partitions: 1 },
    ]);
    const again = await ensureTopics(admin, [{ topic: input, partitions: 5 }]);
    expect(again).toEqual([{ topic: input, created: false, partitions: 2 }]);
    expect(await admin.listTopics()).toEqual(expect.arrayContaining([input, output]));
  });

  it('produces, and a consumer group joins and reads every message', async () => {
    const producer = track(kafka.producer());
    await producer.connect();
    const messages = Array.from({ length: 6 }, (_, i) => ({ key: `k${i}`, value: `v${i}`, partition: i % 2 }));
    const acks = await producer.send({ topic: input, messages });
    expect(acks.map((a) => a.partition).sort()).toEqual([0, 1]);

    const group = uniqueName('smoke-group');
    const consumer = track(kafka.consumer({ groupId: group }));
    const seen = await consumeUntil(consumer, input, (s) => s.length >= messages.length);
    expect(seen.map((s) => s.value).sort()).toEqual(messages.map((m) => m.value).sort());
    for (const s of seen) expect(Number(s.key.slice(1)) % 2).toBe(s.partition);

    const described = await admin.describeGroups([group]);
    expect(described.groups[0]?.protocolType).toBe('consumer');
  });

  it('commits a transaction with sendOffsets; read_committed sees it and never the aborted batch', async () => {
    const group = uniqueName('smoke-txn-group');
    const producer = track(kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      transactionalId: uniqueName('smoke-txn'),
    }));
    await producer.connect();

    const committed = await producer.transaction();
    await committed.send({ topic: output, messages: [{ key: 'a', value: 'committed-1' }, { key: 'b', value: 'committed-2' }] });
    await committed.sendOffsets({
      consumerGroupId: group,
      topics: [{ topic: input, partitions: [{ partition: 0, offset: '3' }, { partition: 1, offset: '2' }] }],
    });
    await committed.commit();

    const aborted = await producer.transaction();
    await aborted.send({ topic: output, messages: [{ key: 'c', value: 'aborted-1' }, { key: 'd', value: 'aborted-2' }] });
    await aborted.abort();

    // A commit after the abort gives the reader a record beyond the aborted batch to wait for.
    const last = await producer.transaction();
    await last.send({ topic: output, messages: [{ key: 'e', value: 'committed-3' }] });
    await last.commit();

    const reader = track(kafka.consumer({ groupId: uniqueName('smoke-rc'), readUncommitted: false }));
    const seenCommitted = await consumeUntil(reader, output, (s) => s.some((m) => m.value === 'committed-3'));
    expect(seenCommitted.map((s) => s.value)).toEqual(['committed-1', 'committed-2', 'committed-3']);

    // The aborted records are in the log: a read_uncommitted reader sees them.
    const dirty = track(kafka.consumer({ groupId: uniqueName('smoke-ru'), readUncommitted: true }));
    const seenDirty = await consumeUntil(dirty, output, (s) => s.some((m) => m.value === 'committed-3'));
    expect(seenDirty.map((s) => s.value)).toEqual(['committed-1', 'committed-2', 'aborted-1', 'aborted-2', 'committed-3']);

    const offsets = await admin.fetchOffsets({ groupId: group, topics: [input] });
    expect(offsets[0]?.partitions.sort((a, b) => a.partition - b.partition).map((p) => [p.partition, p.offset])).toEqual([[0, '3'], [1, '2']]);
  });
});
