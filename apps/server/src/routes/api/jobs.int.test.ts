import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testBrokers, uniqueName } from '@weir/kafka/testing';
import { MetricsSnapshotSchema } from '@weir/model';
import { JobRecordSchema, PipelineRecordSchema, type JobRecord } from '@weir/protocol';
import { revenueDocument } from '../../testing/documents';
import { createTopics, produceJson, readTopicValues } from '../../testing/kafka-io';
import { startTestApp, type TestApp, type TestSession } from '../../testing/test-app';

// Deploys through the API onto the real embedded engine, against the real broker.
const CATEGORIES = ['books', 'games', 'garden', 'sports', 'test'];
const T0 = Date.UTC(2026, 0, 1);
const input = uniqueName('weir-server-orders');
const output = uniqueName('weir-server-revenue');

// Deterministic demo-like orders: 400 over about three and a half minutes of event time.
const orders = Array.from({ length: 400 }, (_, i) => ({
  key: `o-${i}`,
  value: { order_id: `o-${i}`, customer_id: `c-${i % 37}`, category: CATEGORIES[(i * 7) % CATEGORIES.length]!, amount: ((i * 37) % 50) + 0.5, ts: new Date(T0 + i * 500).toISOString() },
}));

let t: TestApp;
let operator: TestSession;

beforeAll(async () => {
  const brokers = testBrokers();
  await createTopics(brokers, [{ topic: input, partitions: 3 }, { topic: output, partitions: 1 }]);
  await produceJson(brokers, input, orders);
  t = await startTestApp({ config: { kafkaBrokers: brokers } });
  operator = await t.login('operator', 'olga');
});
afterAll(async () => t?.close());

async function job(id: string): Promise<JobRecord> {
  return JobRecordSchema.parse((await t.call(operator, { method: 'GET', url: `/api/jobs/${id}` })).json());
}

describe('deploying a bounded pipeline on the embedded engine', () => {
  it('runs it to FINISHED and writes revenue per category per minute', async () => {
    const created = await t.call(operator, {
      method: 'POST', url: '/api/pipelines',
      payload: { document: revenueDocument(uniqueName('revenue').toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 63), { input, output, bounded: true }) },
    });
    expect(created.statusCode, created.body).toBe(200);
    const pipeline = PipelineRecordSchema.parse(created.json());
    expect(pipeline.problems).toEqual([]);

    const res = await t.call(operator, { method: 'POST', url: `/api/pipelines/${pipeline.id}/deploy`, payload: { engine: 'embedded' } });
    expect(res.statusCode, res.body).toBe(200);
    const deployed = JobRecordSchema.parse(res.json());
    expect(deployed.error).toBeNull();

    await vi.waitFor(async () => expect((await job(deployed.id)).state).toBe('FINISHED'), { timeout: 90_000, interval: 500 });
    const finished = await job(deployed.id);
    expect(finished.endedAt).not.toBeNull();

    const expected = new Map<string, { revenue: number; orders: number }>();
    for (const { value: o } of orders) {
      if (o.amount < 10) continue;
      const minute = new Date(Math.floor(Date.parse(o.ts) / 60_000) * 60_000).toISOString();
      const k = `${o.category}|${minute}`;
      const e = expected.get(k) ?? { revenue: 0, orders: 0 };
      e.revenue += o.amount;
      e.orders += 1;
      expected.set(k, e);
    }
    const rows = (await readTopicValues(testBrokers(), output)).map((v) => JSON.parse(v) as { category: string; window_start: string; revenue: number; orders: number });
    expect(rows).toHaveLength(expected.size);
    for (const r of rows) {
      const e = expected.get(`${r.category}|${r.window_start}`);
      expect(e, `${r.category} ${r.window_start}`).toBeDefined();
      expect(r.orders).toBe(e!.orders);
      expect(r.revenue).toBeCloseTo(e!.revenue, 6);
    }

    const metrics = MetricsSnapshotSchema.parse((await t.call(operator, { method: 'GET', url: `/api/jobs/${deployed.id}/metrics` })).json());
    expect(metrics.jobId).toBe(deployed.id);
    expect(metrics.nodes.orders?.recordsOutTotal).toBe(orders.length);
  });
});

describe('a running job across a server restart', () => {
  it('is resumed on the next start under the same id, and stops on request', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'weir-resume-'));
    const brokers = testBrokers();
    const first = await startTestApp({ config: { kafkaBrokers: brokers, dataDir } });
    let second: TestApp | undefined;
    try {
      const op = await first.login('operator', 'otto');
      const doc = revenueDocument(`resume-${Date.now().toString(36)}`, { input, output: uniqueName('weir-server-resume-out') });
      const pipeline = PipelineRecordSchema.parse((await first.call(op, { method: 'POST', url: '/api/pipelines', payload: { document: doc } })).json());
      const deployed = JobRecordSchema.parse((await first.call(op, { method: 'POST', url: `/api/pipelines/${pipeline.id}/deploy`, payload: { engine: 'embedded' } })).json());
      await vi.waitFor(async () => {
        const j = JobRecordSchema.parse((await first.call(op, { method: 'GET', url: `/api/jobs/${deployed.id}` })).json());
        expect(j.state).toBe('RUNNING');
      }, { timeout: 60_000, interval: 250 });
      await first.close();

      second = await startTestApp({ config: { kafkaBrokers: brokers, dataDir } });
      await second.app.ready();
      const op2 = await second.login('operator', 'otto-2');
      const resumed = JobRecordSchema.parse((await second.call(op2, { method: 'GET', url: `/api/jobs/${deployed.id}` })).json());
      expect(['CREATED', 'RUNNING']).toContain(resumed.state);
      const stopped = await second.call(op2, { method: 'POST', url: `/api/jobs/${deployed.id}/stop` });
      expect(stopped.statusCode, stopped.body).toBe(200);
      expect(JobRecordSchema.parse(stopped.json())).toMatchObject({ id: deployed.id, state: 'CANCELED' });
    } finally {
      await second?.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
