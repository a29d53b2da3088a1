import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ApiErrorBodySchema, AuditResponseSchema, EngineListSchema, JobListSchema, JobRecordSchema, PipelineRecordSchema, type JobRecord,
} from '@weir/protocol';
import { draftWithProblem, revenueDocument } from '../../testing/documents';
import { FakeEngine } from '../../testing/fake-engine';
import { startTestApp, type TestApp, type TestSession } from '../../testing/test-app';

// The lifecycle logic of the job manager against a fake engine; jobs.int.test.ts runs real pipelines.
let apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps) await a.close();
  apps = [];
});

async function start(engine: FakeEngine, config: Parameters<typeof startTestApp>[0] = {}) {
  const t = await startTestApp({
    engines: [{ name: 'embedded', engine, reason: null }],
    ...config,
    config: { kafkaBrokers: '127.0.0.1:1', ...config.config },
  });
  apps.push(t);
  return t;
}

function errorOf(body: string) {
  return ApiErrorBodySchema.parse(JSON.parse(body)).error;
}

async function setup(engine = new FakeEngine()) {
  const t = await start(engine);
  const operator = await t.login('operator', 'olga');
  const created = await t.call(operator, { method: 'POST', url: '/api/pipelines', payload: { document: revenueDocument('rev') } });
  const pipeline = PipelineRecordSchema.parse(created.json());
  return { t, engine, operator, pipeline };
}

async function deploy(t: TestApp, s: TestSession, pipelineId: string, body: object = { engine: 'embedded' }) {
  return t.call(s, { method: 'POST', url: `/api/pipelines/${pipelineId}/deploy`, payload: body });
}

async function job(t: TestApp, s: TestSession, id: string): Promise<JobRecord> {
  return JobRecordSchema.parse((await t.call(s, { method: 'GET', url: `/api/jobs/${id}` })).json());
}

const snapshot = { time: 1, nodes: {}, partitions: [], checkpoints: { lastCompleted: null, inProgress: null, completed: 0, failed: 0 } };

describe('job manager lifecycle', () => {
  it('deploys the latest version, lists the job, keeps the latest metrics and records the end', async () => {
    const { t, engine, operator, pipeline } = await setup();
    const res = await deploy(t, operator, pipeline.id);
    expect(res.statusCode, res.body).toBe(200);
    const deployed = JobRecordSchema.parse(res.json());
    expect(deployed).toMatchObject({ pipelineId: pipeline.id, pipelineName: 'rev', version: 1, engine: 'embedded', state: 'RUNNING', error: null, createdBy: 'olga', endedAt: null });
    expect(deployed.startedAt).not.toBeNull();
    const fake = engine.job(deployed.id);
    expect(fake.options).toMatchObject({ jobId: deployed.id, kafkaClusters: { default: { brokers: '127.0.0.1:1' } } });
    expect(fake.options.dataDir).toBe(`${t.dataDir}/jobs/${deployed.id}`);

    expect((await t.call(operator, { method: 'GET', url: `/api/jobs/${deployed.id}/metrics` })).json()).toBeNull();
    fake.emit({ ...snapshot, time: 42 });
    await vi.waitFor(async () => {
      expect((await t.call(operator, { method: 'GET', url: `/api/jobs/${deployed.id}/metrics` })).json()).toMatchObject({ jobId: deployed.id, time: 42 });
    });
    const list = JobListSchema.parse((await t.call(operator, { method: 'GET', url: `/api/jobs?pipelineId=${pipeline.id}` })).json());
    expect(list.jobs.map((j) => j.id)).toEqual([deployed.id]);

    fake.finish();
    await vi.waitFor(async () => expect((await job(t, operator, deployed.id)).state).toBe('FINISHED'));
    expect((await job(t, operator, deployed.id)).endedAt).not.toBeNull();
  });

  it("records a failed job's cause", async () => {
    const { t, engine, operator, pipeline } = await setup();
    const deployed = JobRecordSchema.parse((await deploy(t, operator, pipeline.id)).json());
    engine.job(deployed.id).fail({ code: 'SINK_FAILED', message: 'topic revenue is not writable', node: 'out', time: 5 });
    await vi.waitFor(async () => expect((await job(t, operator, deployed.id)).state).toBe('FAILED'));
    expect((await job(t, operator, deployed.id)).error).toEqual({ code: 'SINK_FAILED', message: 'topic revenue is not writable', node: 'out', time: 5 });
  });

  it('shows why a job is restarting, and clears it once the job runs again', async () => {
    const { t, engine, operator, pipeline } = await setup();
    const deployed = JobRecordSchema.parse((await deploy(t, operator, pipeline.id)).json());
    const fake = engine.job(deployed.id);
    const cause = { code: 'SINK_FAILED', message: 'the broker went away', node: 'out', time: 7 };
    fake.restarting(cause);
    fake.emit({ ...snapshot, time: 1 });
    await vi.waitFor(async () => expect(await job(t, operator, deployed.id)).toMatchObject({ state: 'RESTARTING', error: cause }));
    fake.restarting(null);
    fake.emit({ ...snapshot, time: 2 });
    await vi.waitFor(async () => expect(await job(t, operator, deployed.id)).toMatchObject({ state: 'RUNNING', error: null }));
  });

  it('records a deployment the engine refuses as FAILED with DEPLOY_FAILED', async () => {
    const engine = new FakeEngine();
    engine.failNextDeploy = new Error('worker could not start');
    const { t, operator, pipeline } = await setup(engine);
    const deployed = JobRecordSchema.parse((await deploy(t, operator, pipeline.id)).json());
    expect(deployed).toMatchObject({ state: 'FAILED', error: { code: 'DEPLOY_FAILED', message: 'worker could not start' } });
  });

  it('stops with a savepoint, restarts from it under the same id, and refuses out-of-state calls', async () => {
    const { t, engine, operator, pipeline } = await setup();
    const deployed = JobRecordSchema.parse((await deploy(t, operator, pipeline.id)).json());

    const running = await t.call(operator, { method: 'POST', url: `/api/jobs/${deployed.id}/restart` });
    expect(running.statusCode).toBe(409);
    expect(errorOf(running.body).code).toBe('JOB_ACTIVE');

    const stopped = await t.call(operator, { method: 'POST', url: `/api/jobs/${deployed.id}/stop`, payload: { savepoint: true } });
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect(JobRecordSchema.parse(stopped.json())).toMatchObject({ state: 'CANCELED', savepoint: 'file:///savepoints/sp-1' });

    const again = await t.call(operator, { method: 'POST', url: `/api/jobs/${deployed.id}/stop` });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again.body).code).toBe('JOB_NOT_ACTIVE');

    const restarted = await t.call(operator, { method: 'POST', url: `/api/jobs/${deployed.id}/restart` });
    expect(restarted.statusCode, restarted.body).toBe(200);
    expect(JobRecordSchema.parse(restarted.json())).toMatchObject({ id: deployed.id, state: 'RUNNING', endedAt: null, error: null });
    expect(engine.deployed.filter((j) => j.id === deployed.id)).toHaveLength(2);
    expect(engine.job(deployed.id).options.restoreFrom).toBe('file:///savepoints/sp-1');
  });

  it('refuses an invalid version with 422 PIPELINE_INVALID listing the problems, and creates no job', async () => {
    const { t, operator, pipeline } = await setup();
    await t.call(operator, { method: 'PUT', url: `/api/pipelines/${pipeline.id}`, payload: { baseVersion: 1, document: draftWithProblem('rev') } });
    const res = await deploy(t, operator, pipeline.id);
    expect(res.statusCode).toBe(422);
    expect(errorOf(res.body)).toMatchObject({ code: 'PIPELINE_INVALID', details: { problems: [expect.objectContaining({ code: 'UNKNOWN_FIELD', node: 'big' })] } });
    expect(JobListSchema.parse((await t.call(operator, { method: 'GET', url: '/api/jobs' })).json()).jobs).toEqual([]);
    // Version 1 is still valid and deployable by number.
    expect((await deploy(t, operator, pipeline.id, { engine: 'embedded', version: 1 })).statusCode).toBe(200);
    expect((await deploy(t, operator, pipeline.id, { engine: 'embedded', version: 7 })).statusCode).toBe(404);
  });

  it('reports an engine that is not registered as unavailable with a reason, and refuses to deploy to it with 503 ENGINE_UNAVAILABLE', async () => {
    const { t, operator, pipeline } = await setup();
    const engines = EngineListSchema.parse((await t.call(operator, { method: 'GET', url: '/api/engines' })).json()).engines;
    expect(engines.map((e) => [e.name, e.available])).toEqual([['embedded', true], ['flink', false]]);
    expect(engines[1]!.reason).toBeTruthy();
    expect(engines[1]!.capabilities.unsupportedReasons['count-window']).toContain('count windows');
    const res = await deploy(t, operator, pipeline.id, { engine: 'flink' });
    expect(res.statusCode).toBe(503);
    expect(errorOf(res.body)).toMatchObject({ code: 'ENGINE_UNAVAILABLE', details: { engine: 'flink' } });
  });

  it('says why the engines are unavailable without Kafka; with it, both the embedded engine and Flink are offered', async () => {
    const t = await startTestApp();
    apps.push(t);
    const viewer = await t.login('viewer');
    const engines = EngineListSchema.parse((await t.call(viewer, { method: 'GET', url: '/api/engines' })).json()).engines;
    expect(engines[0]).toMatchObject({ name: 'embedded', available: false, reason: expect.stringContaining('KAFKA_BROKERS') });
    expect(engines[1]).toMatchObject({ name: 'flink', available: false, reason: expect.stringContaining('KAFKA_BROKERS') });
    // The default registry: Flink is there (its cluster is started on the first deploy, not now).
    const withKafka = await startTestApp({ config: { kafkaBrokers: '127.0.0.1:1' } });
    apps.push(withKafka);
    const offered = EngineListSchema.parse((await withKafka.call(await withKafka.login('viewer'), { method: 'GET', url: '/api/engines' })).json()).engines;
    expect(offered.map((e) => [e.name, e.available, e.reason])).toEqual([['embedded', true, null], ['flink', true, null]]);
  });

  it('lets a viewer see jobs but not deploy, stop or restart them (403 naming operator)', async () => {
    const { t, operator, pipeline } = await setup();
    const viewer = await t.login('viewer');
    const deployed = JobRecordSchema.parse((await deploy(t, operator, pipeline.id)).json());
    for (const [method, url, payload] of [
      ['POST', `/api/pipelines/${pipeline.id}/deploy`, { engine: 'embedded' }],
      ['POST', `/api/jobs/${deployed.id}/stop`, {}],
      ['POST', `/api/jobs/${deployed.id}/restart`, undefined],
    ] as const) {
      const res = await t.call(viewer, { method, url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, url).toBe(403);
      expect(errorOf(res.body)).toMatchObject({ code: 'FORBIDDEN', details: { required: 'operator' } });
    }
    expect((await job(t, viewer, deployed.id)).state).toBe('RUNNING');
  });

  it('will not delete a pipeline whose job runs (409 JOB_ACTIVE), and audits deploy, stop and restart', async () => {
    const { t, operator, pipeline } = await setup();
    const deployed = JobRecordSchema.parse((await deploy(t, operator, pipeline.id)).json());
    const del = await t.call(operator, { method: 'DELETE', url: `/api/pipelines/${pipeline.id}` });
    expect(del.statusCode).toBe(409);
    expect(errorOf(del.body)).toMatchObject({ code: 'JOB_ACTIVE', details: { jobs: [deployed.id] } });
    await t.call(operator, { method: 'POST', url: `/api/jobs/${deployed.id}/stop` });
    await t.call(operator, { method: 'POST', url: `/api/jobs/${deployed.id}/restart` });
    const admin = await t.login('admin');
    const log = AuditResponseSchema.parse((await t.call(admin, { method: 'GET', url: '/api/audit' })).json());
    expect(log.entries.filter((e) => e.target === `job:${deployed.id}`).map((e) => [e.action, e.user?.name])).toEqual([
      ['job.restart', 'olga'], ['job.stop', 'olga'], ['job.deploy', 'olga'],
    ]);
  });
});

describe('job manager across a server restart', () => {
  it('resumes the jobs that were running, under the same id, and leaves ended ones alone', async () => {
    const first = await setup();
    const running = JobRecordSchema.parse((await deploy(first.t, first.operator, first.pipeline.id)).json());
    const ended = JobRecordSchema.parse((await deploy(first.t, first.operator, first.pipeline.id)).json());
    first.engine.job(ended.id).finish();
    await vi.waitFor(async () => expect((await job(first.t, first.operator, ended.id)).state).toBe('FINISHED'));
    await first.t.app.close();
    apps = apps.filter((a) => a !== first.t);
    expect(first.engine.closed).toBe(true);

    const engine = new FakeEngine();
    const second = await start(engine, { config: { dataDir: first.t.dataDir } });
    await second.app.ready();
    expect(engine.deployed.map((j) => j.id)).toEqual([running.id]);
    const operator = await second.login('operator');
    expect(await job(second, operator, running.id)).toMatchObject({ state: 'RUNNING', version: 1 });
    expect((await job(second, operator, ended.id)).state).toBe('FINISHED');
    const admin = await second.login('admin');
    const log = AuditResponseSchema.parse((await second.call(admin, { method: 'GET', url: '/api/audit' })).json());
    expect(log.entries.find((e) => e.action === 'job.resume')).toMatchObject({ user: null, target: `job:${running.id}` });
  });
});
