import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '@weir/compiler';
import { ApiErrorBodySchema, JobListSchema, JobRecordSchema, PipelineRecordSchema, type JobRecord } from '@weir/protocol';
import { ApiError } from '../../api-error';
import { revenueDocument } from '../../testing/documents';
import { FakeEngine } from '../../testing/fake-engine';
import { startTestApp, type TestApp, type TestSession } from '../../testing/test-app';
import type { EngineEntry, SuspendedJob } from './engine-registry';

// The job manager's use of an engine's hooks (prepare, reattach, suspend, uiUrl), as the Flink
// entry has them, with a fake engine in Flink's place; flink-jobs.int.test.ts uses real Flink.
let apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps) await a.close();
  apps = [];
});

interface Hooks {
  prepare?: EngineEntry['prepare'];
  reattach?: EngineEntry['reattach'];
  suspend?: EngineEntry['suspend'];
  uiUrl?: EngineEntry['uiUrl'];
}

async function start(engine: FakeEngine, hooks: Hooks, dataDir?: string) {
  const t = await startTestApp({
    engines: [{ name: 'flink', engine, reason: null, ...hooks }],
    config: { kafkaBrokers: '127.0.0.1:1', ...(dataDir ? { dataDir } : {}) },
  });
  apps.push(t);
  return t;
}

async function deployOne(t: TestApp, operator?: TestSession) {
  const op = operator ?? (await t.login('operator', 'olga'));
  const created = await t.call(op, { method: 'POST', url: '/api/pipelines', payload: { document: revenueDocument('rev') } });
  const pipeline = PipelineRecordSchema.parse(created.json());
  const res = await t.call(op, { method: 'POST', url: `/api/pipelines/${pipeline.id}/deploy`, payload: { engine: 'flink' } });
  return { op, pipeline, res };
}

async function job(t: TestApp, s: TestSession, id: string): Promise<JobRecord> {
  return JobRecordSchema.parse((await t.call(s, { method: 'GET', url: `/api/jobs/${id}` })).json());
}

describe('an engine with a cluster of its own (Flink)', () => {
  it('answers a deploy whose cluster cannot start with 503, the cause and no job recorded', async () => {
    const engine = new FakeEngine();
    const t = await start(engine, {
      prepare: async () => {
        throw new ApiError(503, 'ENGINE_UNAVAILABLE', 'Cannot run jobs on Apache Flink: Could not start a local Flink: NO_JAVA: java 17 not found', { engine: 'flink', cause: 'FLINK_START_FAILED' });
      },
    });
    const { op, res } = await deployOne(t);
    expect(res.statusCode).toBe(503);
    expect(ApiErrorBodySchema.parse(res.json()).error).toMatchObject({
      code: 'ENGINE_UNAVAILABLE', message: expect.stringContaining('NO_JAVA: java 17 not found'), details: { cause: 'FLINK_START_FAILED' },
    });
    expect(JobListSchema.parse((await t.call(op, { method: 'GET', url: '/api/jobs' })).json()).jobs).toEqual([]);
    expect(engine.deployed).toEqual([]);
  });

  it('records the engine\'s own code when a deploy fails after the cluster answered, and links its UI', async () => {
    const engine = new FakeEngine();
    engine.failNextDeploy = Object.assign(new Error('Flink refused the script: Object \'x\' not found'), { code: 'FLINK_SQL_ERROR' });
    const t = await start(engine, { prepare: async () => {}, uiUrl: () => 'http://127.0.0.1:18081/#/overview' });
    const { res } = await deployOne(t);
    expect(res.statusCode, res.body).toBe(200);
    expect(JobRecordSchema.parse(res.json())).toMatchObject({
      state: 'FAILED', error: { code: 'FLINK_SQL_ERROR', message: expect.stringContaining('Object') }, engineUrl: 'http://127.0.0.1:18081/#/overview',
    });
  });

  it('answers a stop the engine refuses with 409 JOB_STOP_FAILED and Flink\'s reason, and the job keeps running', async () => {
    const engine = new FakeEngine();
    const t = await start(engine, {});
    const { op, res } = await deployOne(t);
    const deployed = JobRecordSchema.parse(res.json());
    engine.job(deployed.id).stop = async () => {
      throw Object.assign(new Error('Flink could not stop job f00 with a savepoint: Not all required tasks are currently running.'), { code: 'FLINK_SAVEPOINT_FAILED' });
    };
    const stop = await t.call(op, { method: 'POST', url: `/api/jobs/${deployed.id}/stop`, payload: { savepoint: true } });
    expect(stop.statusCode).toBe(409);
    expect(ApiErrorBodySchema.parse(stop.json()).error).toMatchObject({
      code: 'JOB_STOP_FAILED', message: expect.stringContaining('Not all required tasks are currently running'), details: { cause: 'FLINK_SAVEPOINT_FAILED' },
    });
    expect((await job(t, op, deployed.id)).state).toBe('RUNNING');
  });

  it('on shutdown keeps the savepoints its engine took, and the next start deploys from them', async () => {
    const engine = new FakeEngine();
    const suspend = vi.fn(async (): Promise<SuspendedJob[]> => engine.deployed.map((j) => ({ jobId: j.id, savepoint: `file:///sp/${j.id}` })));
    const first = await start(engine, { suspend });
    const { res } = await deployOne(first);
    const deployed = JobRecordSchema.parse(res.json());
    await first.app.close();
    apps = apps.filter((a) => a !== first);
    expect(suspend).toHaveBeenCalledOnce();

    const next = new FakeEngine();
    const second = await start(next, { reattach: async () => null }, first.dataDir);
    await second.app.ready();
    expect(next.deployed.map((j) => [j.id, j.options.restoreFrom])).toEqual([[deployed.id, `file:///sp/${deployed.id}`]]);
    expect(await job(second, await second.login('viewer'), deployed.id)).toMatchObject({ state: 'RUNNING', savepoint: `file:///sp/${deployed.id}` });
  });

  it('resumes the jobs of an engine that must first reach its cluster in the background: the server is ready meanwhile', async () => {
    const first = await start(new FakeEngine(), { prepare: async () => {} });
    const { res } = await deployOne(first);
    const deployed = JobRecordSchema.parse(res.json());
    await first.app.close();
    apps = apps.filter((a) => a !== first);

    const next = new FakeEngine();
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const deploy = next.deploy.bind(next);
    next.deploy = async (plan, options) => {
      await gate;
      return deploy(plan, options);
    };
    const second = await start(next, { prepare: async () => {} }, first.dataDir);
    await second.app.ready();
    expect(next.deployed).toEqual([]);
    open();
    await vi.waitFor(() => expect(next.deployed.map((j) => j.id)).toEqual([deployed.id]));
    expect(await job(second, await second.login('viewer'), deployed.id)).toMatchObject({ state: 'RUNNING' });
  });

  it('after a restart follows a job the engine still runs instead of deploying it again', async () => {
    const engine = new FakeEngine();
    // The first server leaves its job running on the cluster (a configured Flink): suspend lets go of nothing.
    const first = await start(engine, { suspend: async () => [] });
    const { res } = await deployOne(first);
    const deployed = JobRecordSchema.parse(res.json());
    // The fake job has no engine id of its own: give the row one, as Flink's job id would be.
    await first.app.store.jobs.update(deployed.id, { externalId: 'f'.repeat(32), externalUrl: 'http://flink/#/job/running/fff' });
    await first.app.close();
    apps = apps.filter((a) => a !== first);

    const next = new FakeEngine();
    const still = await next.deploy(null, { jobId: deployed.id, kafkaClusters: {}, dataDir: '/tmp/unused' });
    next.deployed.length = 0;
    const reattach = vi.fn(async (_plan: unknown, _o: unknown, externalId: string): Promise<Job | null> => (externalId === 'f'.repeat(32) ? still : null));
    const second = await start(next, { reattach }, first.dataDir);
    await second.app.ready();
    expect(reattach).toHaveBeenCalledOnce();
    expect(next.deployed).toEqual([]);
    const viewer = await second.login('viewer');
    expect(await job(second, viewer, deployed.id)).toMatchObject({ state: 'RUNNING' });
    // It is followed: its end is recorded.
    (still as unknown as { finish(): void }).finish();
    await vi.waitFor(async () => expect((await job(second, viewer, deployed.id)).state).toBe('FINISHED'));
  });

  it('after a restart fails a job the engine has forgotten and that has no savepoint, saying so', async () => {
    const first = await start(new FakeEngine(), { suspend: async () => [] });
    const { res } = await deployOne(first);
    const deployed = JobRecordSchema.parse(res.json());
    await first.app.store.jobs.update(deployed.id, { externalId: 'a'.repeat(32) });
    await first.app.close();
    apps = apps.filter((a) => a !== first);

    const next = new FakeEngine();
    const second = await start(next, { reattach: async () => null }, first.dataDir);
    await second.app.ready();
    expect(next.deployed).toEqual([]);
    expect(await job(second, await second.login('viewer'), deployed.id)).toMatchObject({
      state: 'FAILED', error: { code: 'ENGINE_LOST_JOB', message: expect.stringContaining(`no longer knows job ${'a'.repeat(32)}`) },
    });
  });
});
