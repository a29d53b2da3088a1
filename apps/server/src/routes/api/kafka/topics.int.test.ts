import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiErrorBodySchema, AuditResponseSchema, KafkaClusterOverviewSchema, TopicConfigsSchema, TopicDetailSchema, TopicListSchema,
} from '@weir/protocol';
import type { TestApp, TestSession } from '../../../testing/test-app';
import { kafkaTestApp, produce, topicWith, uniqueName } from './kafka-test-kit';

let t: TestApp;
let viewer: TestSession;
let operator: TestSession;
let admin: TestSession;
const base = '/api/kafka/clusters/default';

beforeAll(async () => {
  t = await kafkaTestApp();
  [viewer, operator, admin] = await Promise.all([t.login('viewer'), t.login('operator'), t.login('admin')]);
});
afterAll(async () => t?.close());

const call = (s: TestSession, method: string, url: string, payload?: object) => t.call(s, { method: method as 'GET', url, ...(payload ? { payload } : {}) });
const errorCode = (body: string) => ApiErrorBodySchema.parse(JSON.parse(body)).error.code;

describe('cluster overview', () => {
  it('names the brokers, the controller, the Kafka release and the counts', async () => {
    const res = await call(viewer, 'GET', base);
    expect(res.statusCode, res.body).toBe(200);
    const o = KafkaClusterOverviewSchema.parse(res.json());
    expect(o.brokers.length).toBeGreaterThan(0);
    expect(o.brokers.map((b) => b.nodeId)).toContain(o.controller);
    // The test broker is Kafka 4.1 (packages/stack); the release comes from metadata.version.
    expect(o.kafkaVersion).toMatch(/^4\.\d+/);
    expect(o.features['metadata.version']).toBeGreaterThan(0);
    expect(o.partitionCount).toBeGreaterThanOrEqual(o.topicCount);
  });

  it('answers 404 for a connection that does not exist', async () => {
    const res = await call(viewer, 'GET', '/api/kafka/clusters/nowhere');
    expect(res.statusCode).toBe(404);
  });
});

describe('topics', () => {
  const topic = uniqueName('console-topic');

  it('lets an operator create a topic with configs, and refuses a viewer', async () => {
    const refused = await call(viewer, 'POST', `${base}/topics`, { name: topic, partitions: 3 });
    expect(refused.statusCode).toBe(403);
    expect(errorCode(refused.body)).toBe('FORBIDDEN');

    const res = await call(operator, 'POST', `${base}/topics`, { name: topic, partitions: 3, configs: { 'retention.ms': '86400000' } });
    expect(res.statusCode, res.body).toBe(200);
    const d = TopicDetailSchema.parse(res.json());
    expect(d.partitions.map((p) => p.partition)).toEqual([0, 1, 2]);
    expect(d.replicationFactor).toBe(1);
    expect(d.configs.find((c) => c.name === 'retention.ms')).toMatchObject({ value: '86400000', source: 'DYNAMIC_TOPIC_CONFIG' });

    const again = await call(operator, 'POST', `${base}/topics`, { name: topic, partitions: 3 });
    expect(again.statusCode).toBe(409);
    expect(errorCode(again.body)).toBe('TOPIC_EXISTS');
  });

  it("passes on Kafka's refusal with its name", async () => {
    const res = await call(operator, 'POST', `${base}/topics`, { name: uniqueName('too-many-replicas'), partitions: 1, replicationFactor: 5 });
    expect(res.statusCode, res.body).toBe(422);
    const body = ApiErrorBodySchema.parse(res.json());
    expect(body.error.code).toBe('KAFKA_REJECTED');
    expect(body.error.details).toMatchObject({ kafkaError: 'INVALID_REPLICATION_FACTOR' });
  });

  it('counts messages per partition and in the list, with sizes from the brokers', async () => {
    await produce(topic, [
      ...Array.from({ length: 5 }, (_, i) => ({ partition: 0, value: `a${i}` })),
      ...Array.from({ length: 2 }, (_, i) => ({ partition: 2, value: `c${i}` })),
    ]);
    const d = TopicDetailSchema.parse((await call(viewer, 'GET', `${base}/topics/${topic}`)).json());
    expect(d.partitions.map((p) => [p.partition, p.low, p.high, p.messages])).toEqual([[0, 0, 5, 5], [1, 0, 0, 0], [2, 0, 2, 2]]);
    expect(d.messages).toBe(7);
    expect(d.partitions[0]!.isr).toEqual(d.partitions[0]!.replicas);

    const list = TopicListSchema.parse((await call(viewer, 'GET', `${base}/topics`)).json());
    const row = list.topics.find((r) => r.name === topic);
    expect(row).toMatchObject({ partitions: 3, replicationFactor: 1, messages: 7, internal: false });
    expect(list.sizes.available).toBe(true);
    expect(row!.sizeBytes).not.toBeNull();
    expect(list.topics.some((r) => r.internal)).toBe(false);
  });

  it('lets an admin set and reset configs, keeping the other topic-level values', async () => {
    const refused = await call(operator, 'PATCH', `${base}/topics/${topic}/configs`, { set: { 'retention.ms': '1000' } });
    expect(refused.statusCode).toBe(403);
    const res = await call(admin, 'PATCH', `${base}/topics/${topic}/configs`, { set: { 'max.message.bytes': '2000000' } });
    expect(res.statusCode, res.body).toBe(200);
    const after = TopicConfigsSchema.parse(res.json()).configs;
    expect(after.find((c) => c.name === 'max.message.bytes')).toMatchObject({ value: '2000000', source: 'DYNAMIC_TOPIC_CONFIG' });
    expect(after.find((c) => c.name === 'retention.ms')).toMatchObject({ value: '86400000', source: 'DYNAMIC_TOPIC_CONFIG' });
    const reset = TopicConfigsSchema.parse((await call(admin, 'PATCH', `${base}/topics/${topic}/configs`, { reset: ['retention.ms'] })).json()).configs;
    expect(reset.find((c) => c.name === 'retention.ms')!.source).not.toBe('DYNAMIC_TOPIC_CONFIG');
    expect(reset.find((c) => c.name === 'max.message.bytes')!.value).toBe('2000000');
  });

  it('deletes a topic only for an admin who repeats its name, and writes the audit log', async () => {
    const byOperator = await call(operator, 'DELETE', `${base}/topics/${topic}`, { confirm: topic });
    expect(byOperator.statusCode).toBe(403);
    const wrong = await call(admin, 'DELETE', `${base}/topics/${topic}`, { confirm: `${topic}x` });
    expect(wrong.statusCode).toBe(400);
    expect(errorCode(wrong.body)).toBe('CONFIRMATION_MISMATCH');
    expect((await call(viewer, 'GET', `${base}/topics/${topic}`)).statusCode).toBe(200);

    const ok = await call(admin, 'DELETE', `${base}/topics/${topic}`, { confirm: topic });
    expect(ok.statusCode, ok.body).toBe(200);
    const gone = await call(viewer, 'GET', `${base}/topics/${topic}`);
    expect(gone.statusCode).toBe(404);

    const log = AuditResponseSchema.parse((await call(admin, 'GET', '/api/audit?limit=100')).json());
    const mine = log.entries.filter((e) => e.target === `topic:default/${topic}`).map((e) => e.action);
    expect(mine).toEqual(expect.arrayContaining(['topic.create', 'topic.configs', 'topic.delete']));
  });

  it('answers 404 for a topic that does not exist', async () => {
    const res = await call(viewer, 'GET', `${base}/topics/${uniqueName('never-made')}`);
    expect(res.statusCode).toBe(404);
    expect(errorCode(res.body)).toBe('NOT_FOUND');
  });

  it('does not list a deleted topic, nor the topics of other tests as internal', async () => {
    const other = uniqueName('console-listed');
    await topicWith(other, 1);
    const list = TopicListSchema.parse((await call(viewer, 'GET', `${base}/topics`)).json());
    expect(list.topics.map((r) => r.name)).toContain(other);
    expect(list.topics.map((r) => r.name)).not.toContain(topic);
    const withInternal = TopicListSchema.parse((await call(viewer, 'GET', `${base}/topics?includeInternal=true`)).json());
    expect(withInternal.topics.length).toBeGreaterThanOrEqual(list.topics.length);
  });
});
