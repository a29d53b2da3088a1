import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { JobRecordSchema, PipelineRecordSchema } from '@weir/protocol';
import {
  ALL_JOBS_ROOM, JOB_EVENTS, jobRoom, JobHistoryEventSchema, JobSnapshotEventSchema, JobSparklinesEventSchema, JobSummariesEventSchema,
} from '@weir/protocol/live-jobs';
import { connect, connected, join, listen, refused, waitFor } from '../../routes/api/kafka/kafka-test-kit';
import { revenueDocument } from '../../testing/documents';
import { FakeEngine, type FakeJob } from '../../testing/fake-engine';
import { startTestApp, type TestApp, type TestSession } from '../../testing/test-app';
import { nodeMetrics } from './test-snapshot.test-util';

// The job rooms and /metrics over a real server and real sockets; the engine is the test's.
let t: TestApp;
let base: string;
let operator: TestSession;
let viewer: TestSession;
let jobId: string;
let fake: FakeJob;
const engine = new FakeEngine();
const sockets: Socket[] = [];
const TOKEN = 'x'.repeat(12) + '-metrics-token';

function open(session: TestSession | null): Socket {
  const s = connect(base, session, { origin: base });
  sockets.push(s);
  return s;
}

function emitSecond(i: number, over: { bp?: number } = {}) {
  fake.emit({
    time: 1_000_000 + i * 1000,
    nodes: {
      orders: nodeMetrics({ recordsOutPerSecond: 100 + i, recordsOutTotal: 100 * i }),
      big: nodeMetrics({ recordsInPerSecond: 100 + i, recordsOutPerSecond: 50, backPressuredTimeMsPerSecond: over.bp ?? 0 }),
      'per-minute': nodeMetrics({ recordsInPerSecond: 50, recordsOutPerSecond: 1, currentWatermark: 999_000 }),
      out: nodeMetrics({ recordsInPerSecond: 1 }),
    },
    partitions: [{ node: 'orders', topic: 'orders', partition: 0, offset: i, endOffset: i + 5, lag: 5, lagMs: 100 }],
    checkpoints: { lastCompleted: null, inProgress: null, completed: 0, failed: 0 },
  });
}

beforeAll(async () => {
  t = await startTestApp({ engines: [{ name: 'embedded', engine, reason: null }], env: { WEIR_METRICS_TOKEN: TOKEN }, config: { kafkaBrokers: '127.0.0.1:1' } });
  base = await listen(t);
  operator = await t.login('operator');
  viewer = await t.login('viewer');
  const created = await t.call(operator, { method: 'POST', url: '/api/pipelines', payload: { document: revenueDocument('live') } });
  const pipeline = PipelineRecordSchema.parse(created.json());
  const deployed = await t.call(operator, { method: 'POST', url: `/api/pipelines/${pipeline.id}/deploy`, payload: { engine: 'embedded' } });
  jobId = JobRecordSchema.parse(deployed.json()).id;
  fake = engine.job(jobId);
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t?.close();
});

describe('job rooms', () => {
  it('refuses a socket without a session (connect_error)', async () => {
    const err = await refused(open(null));
    expect(err.message).toBe('UNAUTHENTICATED');
  });

  it('sends a joining viewer the history, then one snapshot per second', async () => {
    for (let i = 1; i <= 3; i++) emitSecond(i);
    await vi.waitFor(() => expect(t.app.jobsLive.history(jobId)).toHaveLength(3));
    const s = open(viewer);
    await connected(s);
    const history = waitFor(s, JOB_EVENTS.history, () => true, 10_000);
    expect(await join(s, jobRoom(jobId), { jobId })).toEqual({ ok: true, room: jobRoom(jobId) });
    const h = JobHistoryEventSchema.parse(await history);
    expect(h.points.map((p) => p.time)).toEqual([1_001_000, 1_002_000, 1_003_000]);
    // Sources and sinks come from the document once it has been read.
    expect(h.points.at(-1)).toMatchObject({ recordsIn: 103, lag: 5 });
    expect(h.latest?.time).toBe(1_003_000);

    const next = waitFor(s, JOB_EVENTS.snapshot, () => true, 10_000);
    emitSecond(4, { bp: 800 });
    const e = JobSnapshotEventSchema.parse(await next);
    expect(e.snapshot.time).toBe(1_004_000);
    expect(e.point).toMatchObject({ recordsIn: 104, recordsOut: 1, maxBackPressuredMs: 800 });
    expect(e.snapshot.nodes.big?.backPressuredTimeMsPerSecond).toBe(800);
  });

  it('a second member gets the history too; a later joiner of jobs:all gets sparklines and summaries', async () => {
    const s = open(viewer);
    await connected(s);
    const history = waitFor(s, JOB_EVENTS.history, () => true, 10_000);
    await join(s, jobRoom(jobId), { jobId });
    expect(JobHistoryEventSchema.parse(await history).points.length).toBeGreaterThanOrEqual(4);

    const sparks = waitFor(s, JOB_EVENTS.sparklines, () => true, 10_000);
    expect(await join(s, ALL_JOBS_ROOM, {})).toEqual({ ok: true, room: ALL_JOBS_ROOM });
    expect(JobSparklinesEventSchema.parse(await sparks).jobs[jobId]?.slice(-2)).toEqual([103, 104]);
    const summaries = waitFor<unknown>(s, JOB_EVENTS.summaries, (e) => JobSummariesEventSchema.parse(e).jobs.some((j) => j.time === 1_005_000), 10_000);
    emitSecond(5);
    const sum = JobSummariesEventSchema.parse(await summaries);
    expect(sum.jobs.find((j) => j.jobId === jobId)).toMatchObject({ recordsIn: 105, lag: 5, state: 'RUNNING' });
  }, 20_000);

  it('refuses a room for a job that does not exist', async () => {
    const s = open(viewer);
    await connected(s);
    const ack = await join(s, jobRoom('nope'), { jobId: 'nope' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('GET /metrics', () => {
  it('needs the bearer token or a session, never nothing', async () => {
    expect((await t.call(null, { url: '/metrics' })).statusCode).toBe(401);
    expect((await t.call(null, { url: '/metrics', headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401);
    const byToken = await t.call(null, { url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(byToken.statusCode).toBe(200);
    expect(byToken.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(byToken.body).toContain(`weir_node_records_in_per_second{job="${jobId}",pipeline="live",node="big"}`);
    expect(byToken.body).toContain(`weir_partition_lag_records{job="${jobId}",pipeline="live",node="orders",topic="orders",partition="0"} 5`);
    const bySession = await t.call(viewer, { url: '/metrics' });
    expect(bySession.statusCode).toBe(200);
  });
});
