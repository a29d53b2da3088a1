import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOutput, writeInput } from '@weir/flink/testing/kafka-rows';
import { useTestFlink } from '@weir/flink/testing/test-flink';
import { startTestFlink } from '@weir/flink/testing/test-flink-cluster';
import { testBrokers, uniqueName } from '@weir/kafka/testing';
import { MetricsSnapshotSchema, type MetricsSnapshot } from '@weir/model';
import { ApiErrorBodySchema, AuditResponseSchema, EngineListSchema, JobRecordSchema, PipelineRecordSchema, type JobRecord } from '@weir/protocol';
import { startTestApp, type TestApp, type TestSession } from '../../testing/test-app';
import { flinkEngineEntry } from './flink-engine-entry';

/**
 * Jobs on a real Flink through the server's API: the test Flink (started once per integration
 * run, see packages/flink/src/testing) serves both as the local cluster a server "starts" on
 * its first Flink deploy and as a configured one (FLINK_REST_URL). Output is read from the
 * real broker; metrics come from Flink's REST API through the job manager to the live view.
 */

const flink = useTestFlink();
const run = uniqueName('srv-flink');
const apps: TestApp[] = [];
afterAll(async () => {
  for (const a of apps) await a.close().catch(() => {});
});

const order = (i: number) => ({ order_id: `o-${i}`, amount: i * 10, ts: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString() });

function pipeline(name: string, input: string, output: string, bounded: boolean) {
  return {
    version: 1, name, settings: { checkpointInterval: '1s' },
    nodes: [
      {
        id: 'orders', kind: 'kafka-source',
        config: {
          topic: input, startFrom: 'earliest', eventTime: { field: 'ts' }, ...(bounded ? { bounded: 'latest' } : {}),
          schema: [{ name: 'order_id', type: 'string' }, { name: 'amount', type: 'double' }, { name: 'ts', type: 'timestamp' }],
        },
      },
      { id: 'big', kind: 'filter', config: { where: 'amount >= 30' } },
      { id: 'out', kind: 'kafka-sink', config: { topic: output, key: ['order_id'] } },
    ],
    edges: [{ from: 'orders', to: 'big' }, { from: 'big', to: 'out' }],
  };
}

/** A server whose Flink is "started" on the first Flink deploy: the test cluster, taken as a local one. */
async function serverStartingFlink(dataDir?: string): Promise<TestApp> {
  const t = await startTestApp({
    config: { kafkaBrokers: testBrokers(), ...(dataDir ? { dataDir } : {}) },
    engines: [flinkEngineEntry({
      dataDir: mkdtempSync(join(tmpdir(), 'weir-flink-entry-')),
      startLocal: async () => {
        const h = await startTestFlink();
        return { restUrl: h.restUrl, gatewayUrl: h.gatewayUrl, stop: h.stop };
      },
    })],
  });
  apps.push(t);
  return t;
}

/** A server configured with FLINK_REST_URL and FLINK_SQL_GATEWAY_URL (the default registry). */
async function serverWithFlinkUrls(dataDir?: string): Promise<TestApp> {
  const t = await startTestApp({
    config: { kafkaBrokers: testBrokers(), flinkRestUrl: flink().restUrl, flinkGatewayUrl: flink().gatewayUrl, ...(dataDir ? { dataDir } : {}) },
  });
  apps.push(t);
  return t;
}

async function closeKeepingData(t: TestApp): Promise<void> {
  apps.splice(apps.indexOf(t), 1);
  await t.app.close();
}

async function deploy(t: TestApp, s: TestSession, doc: ReturnType<typeof pipeline>): Promise<JobRecord> {
  const created = await t.call(s, { method: 'POST', url: '/api/pipelines', payload: { document: doc } });
  expect(created.statusCode, created.body).toBe(200);
  const p = PipelineRecordSchema.parse(created.json());
  const res = await t.call(s, { method: 'POST', url: `/api/pipelines/${p.id}/deploy`, payload: { engine: 'flink' } });
  expect(res.statusCode, res.body).toBe(200);
  return JobRecordSchema.parse(res.json());
}

async function job(t: TestApp, s: TestSession, id: string): Promise<JobRecord> {
  return JobRecordSchema.parse((await t.call(s, { method: 'GET', url: `/api/jobs/${id}` })).json());
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The newest snapshot the server's live view (what the socket rooms send) holds of a job, once it satisfies `ok`. */
function liveSnapshot(t: TestApp, id: string, ok: (s: MetricsSnapshot) => boolean): Promise<MetricsSnapshot> {
  return until(`a live snapshot of ${id}`, () => {
    const s = t.app.jobsLive.latest(id)?.snapshot;
    return s && ok(s) ? s : undefined;
  });
}

async function flinkJobState(flinkJobId: string): Promise<string> {
  const res = await fetch(`${flink().restUrl}/jobs/${flinkJobId}`);
  return ((await res.json()) as { state: string }).state;
}

const keys = async (topic: string) => (await readOutput(testBrokers(), [topic], 1000)).map((r) => r.key).sort();

describe('jobs on Flink through the server', () => {
  it('answers a deploy to a configured Flink that does not answer with 503 and the cause', async () => {
    const t = await startTestApp({ config: { kafkaBrokers: testBrokers(), flinkRestUrl: 'http://127.0.0.1:1', flinkGatewayUrl: 'http://127.0.0.1:2' } });
    apps.push(t);
    const operator = await t.login('operator');
    const engines = EngineListSchema.parse((await t.call(operator, { method: 'GET', url: '/api/engines' })).json()).engines;
    expect(engines.find((e) => e.name === 'flink')).toMatchObject({ available: true, reason: null });
    const created = await t.call(operator, { method: 'POST', url: '/api/pipelines', payload: { document: pipeline(`${run}-unreachable`, `${run}.in`, `${run}.out`, true) } });
    const p = PipelineRecordSchema.parse(created.json());
    const res = await t.call(operator, { method: 'POST', url: `/api/pipelines/${p.id}/deploy`, payload: { engine: 'flink' } });
    expect(res.statusCode).toBe(503);
    expect(ApiErrorBodySchema.parse(res.json()).error).toMatchObject({
      code: 'ENGINE_UNAVAILABLE', message: expect.stringContaining('FLINK_REST_URL http://127.0.0.1:1 does not answer'), details: { cause: 'FLINK_UNREACHABLE' },
    });
  });

  it('starts Flink on the first deploy and runs a bounded pipeline to FINISHED, with metrics and a link to Flink\'s UI', async () => {
    const input = `${run}.bounded.orders`;
    const output = `${run}.bounded.big`;
    await writeInput(testBrokers(), { orders: Array.from({ length: 10 }, (_, i) => order(i)) }, () => input);
    const t = await serverStartingFlink();
    const operator = await t.login('operator');
    const deployed = await deploy(t, operator, pipeline(`${run}-bounded`, input, output, true));
    expect(deployed).toMatchObject({ engine: 'flink', error: null, engineUrl: `${flink().restUrl}/#/overview` });
    expect(deployed.externalId).toMatch(/^[0-9a-f]{32}$/);
    expect(deployed.externalUrl).toBe(`${flink().restUrl}/#/job/running/${deployed.externalId}`);

    const finished = await until('FINISHED', async () => {
      const j = await job(t, operator, deployed.id);
      return j.state === 'FINISHED' || j.state === 'FAILED' ? j : undefined;
    });
    expect(finished).toMatchObject({ state: 'FINISHED', error: null, externalUrl: `${flink().restUrl}/#/job/completed/${deployed.externalId}` });
    expect(await keys(output)).toEqual(['o-3', 'o-4', 'o-5', 'o-6', 'o-7', 'o-8', 'o-9']);
    // Flink's snapshots reached the job manager and the live view the socket rooms read.
    const metrics = MetricsSnapshotSchema.parse((await t.call(operator, { method: 'GET', url: `/api/jobs/${deployed.id}/metrics` })).json());
    expect(metrics.jobId).toBe(deployed.id);
    expect(t.app.jobsLive.history(deployed.id).length).toBeGreaterThan(0);
  }, 240_000);

  it('stops a job with a savepoint, restarts it from there, and resumes it from a shutdown savepoint after a server restart', async () => {
    const input = `${run}.stream.orders`;
    const output = `${run}.stream.big`;
    await writeInput(testBrokers(), { orders: Array.from({ length: 10 }, (_, i) => order(i)) }, () => input);
    const t = await serverStartingFlink();
    const operator = await t.login('operator');
    const deployed = await deploy(t, operator, pipeline(`${run}-stream`, input, output, false));

    const seen = await liveSnapshot(t, deployed.id, (s) => s.state === 'RUNNING' && s.nodes.orders?.recordsOutTotal === 10);
    expect(seen.nodes.big).toMatchObject({ recordsInTotal: 10, recordsOutTotal: 7 });
    expect((await job(t, operator, deployed.id)).state).toBe('RUNNING');
    await until('the first rows', async () => ((await keys(output)).length === 7 ? true : undefined));

    const stopRes = await t.call(operator, { method: 'POST', url: `/api/jobs/${deployed.id}/stop`, payload: { savepoint: true } });
    expect(stopRes.statusCode, stopRes.body).toBe(200);
    const stopped = JobRecordSchema.parse(stopRes.json());
    expect(stopped.state).toBe('CANCELED');
    expect(stopped.savepoint).toMatch(/^file:.*savepoint-/);

    // Input while it is stopped: the restarted job reads only that, from the savepoint's offsets.
    await writeInput(testBrokers(), { orders: [order(10), order(11)] }, () => input);
    const restartRes = await t.call(operator, { method: 'POST', url: `/api/jobs/${deployed.id}/restart` });
    expect(restartRes.statusCode, restartRes.body).toBe(200);
    const restarted = JobRecordSchema.parse(restartRes.json());
    expect(restarted.externalId).toMatch(/^[0-9a-f]{32}$/);
    expect(restarted.externalId).not.toBe(deployed.externalId);
    await until('the rows written after the restart', async () => ((await keys(output)).length >= 9 ? true : undefined));
    expect(await keys(output)).toEqual(['o-10', 'o-11', 'o-3', 'o-4', 'o-5', 'o-6', 'o-7', 'o-8', 'o-9']);
    await liveSnapshot(t, deployed.id, (s) => s.state === 'RUNNING' && s.nodes.orders?.recordsOutTotal === 2);

    // Shutdown: the server's own Flink would go with it, so the job is savepointed first...
    await closeKeepingData(t);
    expect(await flinkJobState(restarted.externalId!)).toBe('FINISHED');
    await writeInput(testBrokers(), { orders: [order(12)] }, () => input);
    // ...and the next start deploys it again from that savepoint.
    const again = await serverStartingFlink(t.dataDir);
    await again.app.ready();
    const viewer = await again.login('viewer');
    const resumed = await until('the resumed job', async () => {
      const j = await job(again, viewer, deployed.id);
      return j.state === 'RUNNING' && j.externalId !== null ? j : undefined;
    });
    expect(resumed.externalId).not.toBe(restarted.externalId);
    expect(resumed.savepoint).toMatch(/^file:.*savepoint-/);
    await until('the row written after the server restart', async () => ((await keys(output)).length >= 10 ? true : undefined));
    expect(await keys(output)).toEqual(['o-10', 'o-11', 'o-12', 'o-3', 'o-4', 'o-5', 'o-6', 'o-7', 'o-8', 'o-9']);

    const operator2 = await again.login('operator');
    const end = await again.call(operator2, { method: 'POST', url: `/api/jobs/${deployed.id}/stop`, payload: { savepoint: false } });
    expect(JobRecordSchema.parse(end.json()).state).toBe('CANCELED');
  }, 400_000);

  it('follows a job on a configured Flink again after a server restart, without deploying it again', async () => {
    const input = `${run}.attach.orders`;
    const output = `${run}.attach.big`;
    await writeInput(testBrokers(), { orders: Array.from({ length: 5 }, (_, i) => order(i)) }, () => input);
    const t = await serverWithFlinkUrls();
    const operator = await t.login('operator');
    const deployed = await deploy(t, operator, pipeline(`${run}-attach`, input, output, false));
    await liveSnapshot(t, deployed.id, (s) => s.state === 'RUNNING');

    // A configured cluster outlives the server: its job keeps running through the restart.
    await closeKeepingData(t);
    expect(await flinkJobState(deployed.externalId!)).toBe('RUNNING');
    const again = await serverWithFlinkUrls(t.dataDir);
    await again.app.ready();
    const operator2 = await again.login('operator');
    const followed = await until('the job followed again', async () => {
      const j = await job(again, operator2, deployed.id);
      return j.state === 'CREATED' ? undefined : j;
    });
    expect(followed, JSON.stringify(followed.error)).toMatchObject({ state: 'RUNNING', externalId: deployed.externalId });
    await writeInput(testBrokers(), { orders: [order(6)] }, () => input);
    await liveSnapshot(again, deployed.id, (s) => s.nodes.orders?.recordsOutTotal === 6);
    const admin = await again.login('admin');
    const audit = AuditResponseSchema.parse((await again.call(admin, { method: 'GET', url: '/api/audit' })).json());
    expect(audit.entries.find((e) => e.action === 'job.resume' && e.target === `job:${deployed.id}`)?.details).toMatchObject({ reattached: true });

    const stopRes = await again.call(operator2, { method: 'POST', url: `/api/jobs/${deployed.id}/stop`, payload: { savepoint: true } });
    expect(JobRecordSchema.parse(stopRes.json())).toMatchObject({ state: 'CANCELED', savepoint: expect.stringMatching(/^file:.*savepoint-/) });
    expect(await flinkJobState(deployed.externalId!)).toBe('FINISHED');
  }, 300_000);
});
