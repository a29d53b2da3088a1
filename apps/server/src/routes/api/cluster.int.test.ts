import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKafka, ensureTopics } from '@weir/kafka';
import { testBrokers, uniqueName } from '@weir/kafka/testing';
import { ClusterOverviewSchema, HealthSchema } from '@weir/protocol';
import { startTestApp, type TestApp, type TestSession } from '../../testing/test-app';

const topic = uniqueName('weir-cluster-route');
let app: TestApp;
let viewer: TestSession;

beforeAll(async () => {
  const brokers = testBrokers();
  const admin = createKafka({ brokers }).admin();
  await admin.connect();
  try {
    await ensureTopics(admin, [{ topic, partitions: 3 }]);
  } finally {
    await admin.disconnect();
  }
  app = await startTestApp({ env: { KAFKA_BROKERS: brokers } });
  viewer = await app.login('viewer');
});
afterAll(async () => app?.close());

describe('GET /api/cluster against the real broker', () => {
  it('lists the brokers, the controller and the topics with their partition counts', async () => {
    const res = await app.call(viewer, { method: 'GET', url: '/api/cluster' });
    expect(res.statusCode).toBe(200);
    const overview = ClusterOverviewSchema.parse(res.json());
    expect(overview.brokers.length).toBeGreaterThanOrEqual(1);
    expect(overview.brokers.map((b) => b.nodeId)).toContain(overview.controller);
    expect(overview.clusterId).toBeTruthy();
    expect(overview.topics).toContainEqual({ name: topic, partitions: 3, internal: false });
    expect(overview.topics.every((t) => !t.internal)).toBe(true);
    expect(overview.topicCount).toBeGreaterThanOrEqual(overview.topics.length);
  });

  it('includes internal topics when asked', async () => {
    const all = ClusterOverviewSchema.parse((await app.call(viewer, { method: 'GET', url: '/api/cluster?includeInternal=true' })).json());
    expect(all.topics.length).toBe(all.topicCount);
    expect(all.topics.map((t) => t.name)).toContain(topic);
  });

  it('reports Kafka reachable in /api/health', async () => {
    const health = HealthSchema.parse((await app.call(null, { method: 'GET', url: '/api/health' })).json());
    expect(health.kafka.reachable).toBe(true);
  });
});
