import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKafka, type Consumer } from '@weir/kafka';
import { createRawCluster } from '@weir/kafka/raw-cluster';
import { testBrokers } from '@weir/kafka/testing';
import { ApiErrorBodySchema, AuditResponseSchema, GroupDetailSchema, GroupListSchema, ResetOffsetsPreviewSchema } from '@weir/protocol';
import { runKafkaTool } from '@weir/stack';
import type { TestApp, TestSession } from '../../../testing/test-app';
import { kafkaTestApp, topicWith, uniqueName } from './kafka-test-kit';

let t: TestApp;
let viewer: TestSession;
let operator: TestSession;
let admin: TestSession;
const topic = uniqueName('console-groups');
const group = uniqueName('console-group');
const T0 = Date.UTC(2026, 0, 1);
const base = '/api/kafka/clusters/default/groups';

/** Commits offsets for a group without joining it, as Kafka's admin tools do. */
async function commit(groupId: string, offsets: Array<{ partition: number; offset: number }>): Promise<void> {
  const raw = createRawCluster({ brokers: testBrokers() });
  try {
    await raw.commitGroupOffsets(groupId, topic, offsets);
  } finally {
    await raw.disconnect();
  }
}

/** `kafka-consumer-groups --describe`: per partition CURRENT-OFFSET, LOG-END-OFFSET and LAG. */
async function kafkaToolDescribe(groupId: string): Promise<Map<string, { current: string; end: string; lag: string }>> {
  const r = await runKafkaTool('org.apache.kafka.tools.consumer.group.ConsumerGroupCommand', ['--bootstrap-server', testBrokers(), '--describe', '--group', groupId]);
  const rows = new Map<string, { current: string; end: string; lag: string }>();
  for (const line of r.stdout.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols[0] !== groupId || cols.length < 6) continue;
    rows.set(`${cols[1]}:${cols[2]}`, { current: cols[3]!, end: cols[4]!, lag: cols[5]! });
  }
  return rows;
}

beforeAll(async () => {
  // 100 messages per partition, one a second from T0 in each.
  await topicWith(topic, 3, Array.from({ length: 300 }, (_, n) => ({ partition: n % 3, value: `m-${n}`, timestamp: T0 + Math.floor(n / 3) * 1000 })));
  await commit(group, [{ partition: 0, offset: 10 }, { partition: 1, offset: 55 }, { partition: 2, offset: 100 }]);
  t = await kafkaTestApp();
  [viewer, operator, admin] = await Promise.all([t.login('viewer'), t.login('operator'), t.login('admin')]);
});
afterAll(async () => t?.close());

const call = (s: TestSession, method: string, url: string, payload?: object) => t.call(s, { method: method as 'GET', url, ...(payload ? { payload } : {}) });

describe('consumer group lag', () => {
  it("matches what Kafka's own kafka-consumer-groups tool reports", async () => {
    const res = await call(viewer, 'GET', `${base}/${group}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = GroupDetailSchema.parse(res.json());
    expect(d.state).toBe('Empty');
    expect(d.offsets.map((o) => [o.partition, o.committed, o.end, o.lag])).toEqual([[0, 10, 100, 90], [1, 55, 100, 45], [2, 100, 100, 0]]);
    expect(d.totalLag).toBe(135);

    const tool = await kafkaToolDescribe(group);
    expect(tool.size).toBe(3);
    for (const o of d.offsets) {
      expect(tool.get(`${o.topic}:${o.partition}`), `${o.topic}:${o.partition}`).toEqual({ current: String(o.committed), end: String(o.end), lag: String(o.lag) });
    }
  });

  it('lists the group with its state, topics and total lag', async () => {
    await (await t.app.kafka.cluster('default')).sampler.sampleNow();
    const list = GroupListSchema.parse((await call(viewer, 'GET', base)).json());
    expect(list.groups.find((g) => g.groupId === group)).toMatchObject({ state: 'Empty', members: 0, topics: [topic], lag: 135 });
  });

  it('keeps a lag history sampled by the server', async () => {
    const { sampler } = await t.app.kafka.cluster('default');
    await sampler.sampleNow();
    await commit(group, [{ partition: 0, offset: 40 }]);
    await sampler.sampleNow();
    const d = GroupDetailSchema.parse((await call(viewer, 'GET', `${base}/${group}`)).json());
    const lags = d.history.map((p) => p.lag);
    expect(lags.length).toBeGreaterThanOrEqual(2);
    expect(lags.slice(-2)).toEqual([135, 105]);
    expect(d.history.at(-1)!.topics).toEqual({ [topic]: 105 });
    expect(d.sampleIntervalMs).toBe(5000);
  });

  it('answers 404 for a group that does not exist', async () => {
    expect((await call(viewer, 'GET', `${base}/${uniqueName('no-such-group')}`)).statusCode).toBe(404);
  });
});

describe('resetting offsets', () => {
  const url = `${base}/${group}/reset-offsets`;

  it('previews the new offsets without committing them', async () => {
    const res = await call(admin, 'POST', `${url}/preview`, { topic, to: { kind: 'timestamp', timestamp: new Date(T0 + 20_000).toISOString() } });
    expect(res.statusCode, res.body).toBe(200);
    const p = ResetOffsetsPreviewSchema.parse(res.json());
    expect(p.state).toBe('Empty');
    expect(p.partitions.map((x) => [x.partition, x.current, x.target, x.lagAfter])).toEqual([[0, 40, 20, 80], [1, 55, 20, 80], [2, 100, 20, 80]]);
    const d = GroupDetailSchema.parse((await call(viewer, 'GET', `${base}/${group}`)).json());
    expect(d.offsets.map((o) => o.committed)).toEqual([40, 55, 100]);
  });

  it('applies a reset to earliest, latest or an offset (clamped), and the tool agrees', async () => {
    const apply = async (body: object) => {
      const res = await call(admin, 'POST', url, body);
      expect(res.statusCode, res.body).toBe(200);
      return GroupDetailSchema.parse((await call(viewer, 'GET', `${base}/${group}`)).json()).offsets.map((o) => o.committed);
    };
    expect(await apply({ topic, to: { kind: 'earliest' } })).toEqual([0, 0, 0]);
    expect(await apply({ topic, partitions: [1], to: { kind: 'latest' } })).toEqual([0, 100, 0]);
    expect(await apply({ topic, partitions: [0, 2], to: { kind: 'offset', offset: 1000 } })).toEqual([100, 100, 100]);
    expect(await apply({ topic: null, to: { kind: 'offset', offset: 30 } })).toEqual([30, 30, 30]);
    const tool = await kafkaToolDescribe(group);
    expect([...tool.values()].map((r) => r.current)).toEqual(['30', '30', '30']);

    const log = AuditResponseSchema.parse((await call(admin, 'GET', '/api/audit?limit=20')).json());
    expect(log.entries.filter((e) => e.target === `group:default/${group}` && e.action === 'group.reset-offsets').length).toBe(4);
  });

  it('refuses while the group has members: 409 GROUP_NOT_EMPTY, though the preview still answers', async () => {
    const active = uniqueName('console-active');
    const consumer: Consumer = createKafka({ brokers: testBrokers() }).consumer({ groupId: active, maxWaitTimeInMs: 100 });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      let read = 0;
      await consumer.run({ eachMessage: async () => { read++; } });
      await expect.poll(() => read, { timeout: 30_000 }).toBeGreaterThan(0);
      const body = { topic, to: { kind: 'earliest' } };
      const preview = ResetOffsetsPreviewSchema.parse((await call(admin, 'POST', `${base}/${active}/reset-offsets/preview`, body)).json());
      expect(preview.state).toBe('Stable');
      const res = await call(admin, 'POST', `${base}/${active}/reset-offsets`, body);
      expect(res.statusCode).toBe(409);
      expect(ApiErrorBodySchema.parse(res.json()).error).toMatchObject({ code: 'GROUP_NOT_EMPTY', details: { state: 'Stable' } });
    } finally {
      await consumer.disconnect();
    }
  });

  it('refuses viewers and operators with 403', async () => {
    for (const who of [viewer, operator]) {
      for (const path of [url, `${url}/preview`]) {
        const res = await call(who, 'POST', path, { topic, to: { kind: 'earliest' } });
        expect(res.statusCode).toBe(403);
        expect(ApiErrorBodySchema.parse(res.json()).error.details).toMatchObject({ required: 'admin' });
      }
    }
  });
});
