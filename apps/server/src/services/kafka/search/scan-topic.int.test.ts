import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKafka } from '@weir/kafka';
import { createRawCluster, type RawCluster } from '@weir/kafka/raw-cluster';
import { testBrokers, uniqueName } from '@weir/kafka/testing';
import { compileSearch } from './compile-search';
import { resolveRange } from './resolve-range';
import { scanTopic } from './scan-topic';

let raw: RawCluster;
const topic = uniqueName('scan-topic');
const COUNT = 5000;

beforeAll(async () => {
  const kafka = createKafka({ brokers: testBrokers() });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: Array.from({ length: COUNT }, (_, n) => ({ partition: n % 2, value: JSON.stringify({ n, even: n % 2 === 0 }) })) });
  await producer.disconnect();
  raw = createRawCluster({ brokers: testBrokers() });
});
afterAll(async () => raw?.disconnect());

function search(expression: string) {
  const r = compileSearch(expression, [{ name: 'n', type: 'bigint' }, { name: 'even', type: 'boolean' }]);
  if (!r.ok) throw new Error(r.problems[0]!.message);
  return r.search;
}

describe('scanTopic', () => {
  it('scans every message of the range once and hands over exactly the matches', async () => {
    const { spans, total } = await resolveRange(raw, topic, { from: 'earliest', partition: null, last: 1 });
    expect(total).toBe(COUNT);
    const seen: number[] = [];
    const result = await scanTopic({
      raw, topic, spans, search: search('n % 7 = 0 AND even'),
      onMatch: (_p, r) => void seen.push((JSON.parse(r.value!.toString()) as { n: number }).n),
    });
    const expected = Array.from({ length: COUNT }, (_, n) => n).filter((n) => n % 7 === 0 && n % 2 === 0);
    expect(seen.sort((a, b) => a - b)).toEqual(expected);
    expect(result).toMatchObject({ reason: 'end', scanned: COUNT, matched: expected.length, total: COUNT, notJson: 0, evalErrors: 0 });
  });

  it('stops when cancelled, having scanned only part of the range', async () => {
    const { spans } = await resolveRange(raw, topic, { from: 'earliest', partition: null, last: 1 });
    const cancel = new AbortController();
    let matches = 0;
    const result = await scanTopic({
      raw, topic, spans, search: search(''), signal: cancel.signal,
      onMatch: () => {
        if (++matches === 10) cancel.abort();
      },
    });
    expect(result.reason).toBe('cancelled');
    expect(result.matched).toBe(10);
    expect(result.scanned).toBeLessThan(COUNT);
  });

  it('ends at a message budget and at a partition with its own range', async () => {
    const { spans } = await resolveRange(raw, topic, { from: 'offset', offset: 2000, partition: 1, last: 1 });
    expect(spans).toEqual([{ partition: 1, start: 2000, end: COUNT / 2, low: 0, high: COUNT / 2 }]);
    const result = await scanTopic({ raw, topic, spans, search: search(''), maxMessages: 100, onMatch: () => {} });
    expect(result).toMatchObject({ reason: 'max-messages', scanned: 100 });
  });
});
