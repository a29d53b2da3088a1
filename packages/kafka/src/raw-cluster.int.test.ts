import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokerFeatures, releaseOfMetadataVersion } from './broker-features';
import { createKafka } from './create-kafka';
import { describeLogDirs, topicSizes } from './describe-log-dirs';
import { createRawCluster, type RawCluster } from './raw-cluster';
import { readPartitions, type ReadBatch } from './read-partitions';
import { testBrokers, uniqueName } from './testing';

let raw: RawCluster;
const topic = uniqueName('raw-read');

async function produce(t: string, messages: Array<{ partition: number; value: string }>): Promise<void> {
  const producer = createKafka({ brokers: testBrokers() }).producer({ allowAutoTopicCreation: false });
  await producer.connect();
  await producer.send({ topic: t, acks: -1, messages });
  await producer.disconnect();
}

beforeAll(async () => {
  const admin = createKafka({ brokers: testBrokers() }).admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
  await admin.disconnect();
  await produce(topic, Array.from({ length: 200 }, (_, i) => ({ partition: i % 2, value: `v${i}` })));
  raw = createRawCluster({ brokers: testBrokers() });
});
afterAll(async () => raw?.disconnect());

async function readAll(ranges: Array<{ partition: number; start: number; end: number | null }>, options: { signal?: AbortSignal; t?: string } = {}): Promise<ReadBatch[]> {
  const batches: ReadBatch[] = [];
  await readPartitions(raw, { topic: options.t ?? topic, ranges, ...(options.signal ? { signal: options.signal } : {}), onBatch: (b) => void batches.push(b) });
  return batches;
}

describe('a group-less read', () => {
  it('reads exactly the offset ranges asked for', async () => {
    const batches = await readAll([{ partition: 0, start: 10, end: 20 }, { partition: 1, start: 95, end: 100 }]);
    const offsets = (p: number) => batches.filter((b) => b.partition === p).flatMap((b) => b.records.map((r) => r.offset));
    expect(offsets(0)).toEqual(Array.from({ length: 10 }, (_, i) => 10 + i));
    expect(offsets(1)).toEqual([95, 96, 97, 98, 99]);
    expect(batches.filter((b) => b.done).map((b) => b.partition).sort()).toEqual([0, 1]);
    const first = batches.find((b) => b.partition === 0)!.records[0]!;
    expect(first.value!.toString()).toBe('v20');
  });

  it('lists offsets and watermarks, and the partitions with their leaders', async () => {
    expect(await raw.listOffsets(topic, [0, 1], 'latest')).toEqual(new Map([[0, 100], [1, 100]]));
    expect(await raw.listOffsets(topic, [0], 'earliest')).toEqual(new Map([[0, 0]]));
    const marks = await raw.watermarks([topic, uniqueName('not-there')]);
    expect([...marks.keys()]).toEqual([topic]);
    expect(marks.get(topic)).toEqual([{ partition: 0, low: 0, high: 100 }, { partition: 1, low: 0, high: 100 }]);
    const parts = await raw.partitions(topic);
    expect(parts.map((p) => p.partition)).toEqual([0, 1]);
    expect(parts[0]!.isr).toContain(parts[0]!.leader);
  });

  it('moves a position that retention deleted to the log start, and says so', async () => {
    const admin = createKafka({ brokers: testBrokers() }).admin();
    await admin.connect();
    // kafkajs finds the leaders from metadata it must have loaded first.
    await admin.fetchTopicMetadata({ topics: [topic] });
    await admin.deleteTopicRecords({ topic, partitions: [{ partition: 1, offset: '50' }] });
    await admin.disconnect();
    const moved: Array<[number, number, number]> = [];
    const records: number[] = [];
    await readPartitions(raw, {
      topic,
      ranges: [{ partition: 1, start: 5, end: 55 }],
      onRelocated: (p, from, to) => moved.push([p, from, to]),
      onBatch: (b) => void records.push(...b.records.map((r) => r.offset)),
    });
    expect(moved).toEqual([[1, 5, 50]]);
    expect(records).toEqual([50, 51, 52, 53, 54]);
  });

  it('tails an unbounded range until aborted', async () => {
    const t = uniqueName('raw-tail');
    const admin = createKafka({ brokers: testBrokers() }).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: t, numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();
    const stop = new AbortController();
    const values: string[] = [];
    const reading = readPartitions(raw, {
      topic: t, ranges: [{ partition: 0, start: 0, end: null }], signal: stop.signal, maxWaitMs: 200,
      onBatch: (b) => void values.push(...b.records.map((r) => r.value!.toString())),
    });
    await produce(t, [{ partition: 0, value: 'a' }, { partition: 0, value: 'b' }]);
    await expect.poll(() => values.length, { timeout: 15_000 }).toBe(2);
    stop.abort();
    await reading;
    expect(values).toEqual(['a', 'b']);
  });

  it('hides aborted transactions and control records', async () => {
    const t = uniqueName('raw-txn');
    const kafka = createKafka({ brokers: testBrokers() });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: t, numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();
    const producer = kafka.producer({ transactionalId: uniqueName('raw-txn-id'), idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const aborted = await producer.transaction();
    await aborted.send({ topic: t, messages: [{ value: 'aborted' }] });
    await aborted.abort();
    const committed = await producer.transaction();
    await committed.send({ topic: t, messages: [{ value: 'committed' }] });
    await committed.commit();
    await producer.disconnect();
    // The aborted record, its abort marker, the committed record and its commit marker. The
    // coordinator writes the commit marker after EndTxn has answered, so wait for it.
    const high = 4;
    await expect.poll(async () => (await raw.listOffsets(t, [0], 'latest')).get(0), { timeout: 10_000 }).toBe(high);
    const batches = await readAll([{ partition: 0, start: 0, end: high }], { t });
    expect(batches.flatMap((b) => b.records.map((r) => r.value!.toString()))).toEqual(['committed']);
  });
});

describe('requests kafkajs lacks', () => {
  it('commits offsets for a group without joining it, and is refused while it has members', async () => {
    const group = uniqueName('raw-group');
    await raw.commitGroupOffsets(group, topic, [{ partition: 0, offset: 7 }]);
    const admin = createKafka({ brokers: testBrokers() }).admin();
    await admin.connect();
    const offsets = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    expect(offsets[0]!.partitions.find((p) => p.partition === 0)!.offset).toBe('7');
    const consumer = createKafka({ brokers: testBrokers() }).consumer({ groupId: group, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic] });
    await consumer.run({ eachMessage: async () => {} });
    await expect.poll(async () => (await admin.describeGroups([group])).groups[0]!.state, { timeout: 30_000 }).toBe('Stable');
    await expect(raw.commitGroupOffsets(group, topic, [{ partition: 0, offset: 1 }])).rejects.toMatchObject({ type: expect.stringMatching(/UNKNOWN_MEMBER_ID|ILLEGAL_GENERATION/) });
    await consumer.disconnect();
    await admin.disconnect();
  });

  it('reads replica sizes (DescribeLogDirs) and the finalized features (ApiVersions v3)', async () => {
    const ids = await raw.brokerIds();
    expect(ids.length).toBeGreaterThan(0);
    const dirs = await describeLogDirs(raw, ids[0]!);
    expect(dirs.length).toBeGreaterThan(0);
    expect(topicSizes([dirs]).get(topic)).toBeGreaterThan(0);
    const features = await brokerFeatures(raw, ids[0]!);
    const level = features!.finalized['metadata.version']!;
    expect(releaseOfMetadataVersion(level)).toBe('4.1');
    expect(features!.apiCount).toBeGreaterThan(50);
  });
});
