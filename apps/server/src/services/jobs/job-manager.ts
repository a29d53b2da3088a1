import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { DeployOptions, Engine, Job } from '@weir/compiler';
import { ENGINES, type EngineName, type JobError, type JobState, type MetricsSnapshot } from '@weir/model';
import type { EngineInfo, JobRecord } from '@weir/protocol';
import { ApiError } from '../../api-error';
import type { AuditService } from '../audit-service';
import { requireRole, type Actor } from '../auth/actor';
import { completeRegistry, engineInfo, type EngineEntry } from './engine-registry';
import { toJobRecord } from './job-record';
import { jobErrorOf } from './job-error';
import { createJobTracker } from './job-tracker';
import { keyedLock } from './keyed-lock';
import { reattachJob } from './reattach-job';
import { ACTIVE_JOB_STATES } from '../pipeline-service';
import type { JobRow } from '../store/jobs-repo';
import type { Store } from '../store/store';

export interface JobManagerDeps {
  store: Store;
  audit: AuditService;
  now: () => number;
  log: FastifyBaseLogger;
  engines: readonly EngineEntry[];
  /** Bootstrap servers of the Kafka cluster `default`; absent: nothing can be deployed. */
  kafkaBrokers?: string;
  /** Jobs keep their files under `<dataDir>/jobs/<job id>`. */
  dataDir: string;
  /** The PostgreSQL connection `default` of postgres-sink nodes. */
  postgresUrl?: string;
}

/** States a job was in when the server stopped that mean "keep it running". */
const RESUMABLE: readonly JobState[] = ['CREATED', 'RUNNING', 'RESTARTING'];

/**
 * Owns the lifecycle of every job over the Engine interface (packages/compiler/src/engine.ts):
 * compile → deploy → watch (status, metrics, done) → stop/restart, with each job's row kept
 * current in the store. On start it resumes the jobs that were running when the server
 * stopped; on close it leaves their rows as they are, so the next start resumes them again.
 */
export function createJobManager(deps: JobManagerDeps) {
  const { store, audit, now, log } = deps;
  const registry = completeRegistry(deps.engines);
  const tracker = createJobTracker({ store, now, log });
  const { write, finish } = tracker;
  const withLock = keyedLock();
  const resuming = new Set<Promise<unknown>>();

  function unavailableReason(entry: EngineEntry): string | null {
    if (!entry.engine) return entry.reason ?? `The ${ENGINES[entry.name].label} engine is not available.`;
    if (!deps.kafkaBrokers) return 'No Kafka cluster is configured (set KAFKA_BROKERS, or start Weir with weir up).';
    return null;
  }

  function engineFor(name: EngineName): Engine {
    const entry = entryOf(name);
    const reason = unavailableReason(entry);
    if (reason !== null || !entry.engine) {
      throw new ApiError(503, 'ENGINE_UNAVAILABLE', `Cannot run jobs on ${ENGINES[name].label}: ${reason}`, { engine: name, reason });
    }
    return entry.engine;
  }

  function deployOptions(jobId: string, restoreFrom: string | null): DeployOptions {
    return {
      jobId,
      kafkaClusters: { default: { brokers: deps.kafkaBrokers ?? '' } },
      ...(deps.postgresUrl ? { postgresConnections: { default: { url: deps.postgresUrl } } } : {}),
      dataDir: join(deps.dataDir, 'jobs', jobId),
      ...(restoreFrom !== null ? { restoreFrom } : {}),
    };
  }

  async function row(id: string): Promise<JobRow> {
    const j = await store.jobs.get(id);
    if (!j) throw new ApiError(404, 'NOT_FOUND', `No job with id ${id}`);
    return j;
  }

  function jobError(code: string, err: unknown): JobError {
    return jobErrorOf(code, err, now());
  }

  function entryOf(name: EngineName): EngineEntry {
    return registry.find((e) => e.name === name)!;
  }

  /** A job as the API shows it, with its engine's own UI when the job has no link of its own. */
  function recordOf(j: JobRow): JobRecord {
    return toJobRecord(j, entryOf(j.engine).uiUrl?.() ?? null);
  }

  /**
   * Compiles the job's pipeline version and starts it on its engine. A document that no
   * longer compiles, or an engine that refuses it, leaves the job FAILED with the cause.
   */
  async function launch(j: JobRow, engine: Engine, document: unknown): Promise<void> {
    const options = deployOptions(j.id, j.savepoint);
    const compiled = engine.compile(document, options);
    if (!compiled.ok) {
      const message = compiled.problems.map((p) => p.message).join('; ');
      await write(j.id, { state: 'FAILED', endedAt: now(), error: { code: 'PIPELINE_INVALID', message, time: now() } });
      return;
    }
    let job: Job;
    try {
      job = await engine.deploy(compiled.plan, options);
    } catch (err) {
      await write(j.id, { state: 'FAILED', endedAt: now(), error: jobError('DEPLOY_FAILED', err) });
      return;
    }
    await tracker.follow(j.id, job);
  }

  async function documentOf(j: Pick<JobRow, 'pipelineId' | 'version'>): Promise<unknown> {
    const v = await store.pipelines.getVersion(j.pipelineId, j.version);
    if (!v) throw new ApiError(404, 'NOT_FOUND', `Version ${j.version} of pipeline ${j.pipelineId} does not exist`);
    return JSON.parse(v.document) as unknown;
  }

  const isActive = (j: JobRow) => tracker.job(j.id) !== undefined || ACTIVE_JOB_STATES.includes(j.state);

  return {
    engines(actor: Actor): EngineInfo[] {
      requireRole(actor, 'viewer');
      return registry.map((entry) => engineInfo(entry, unavailableReason(entry)));
    },

    /** Deploys a version (default: the latest) of a pipeline as a new job (operator). */
    async deploy(actor: Actor, pipelineId: string, request: { version?: number | undefined; engine: EngineName }): Promise<JobRecord> {
      requireRole(actor, 'operator');
      const engine = engineFor(request.engine);
      const p = await store.pipelines.get(pipelineId);
      if (!p) throw new ApiError(404, 'NOT_FOUND', `No pipeline with id ${pipelineId}`);
      const version = request.version ?? p.latestVersion;
      const v = await store.pipelines.getVersion(p.id, version);
      if (!v) throw new ApiError(404, 'NOT_FOUND', `Pipeline ${p.name} has no version ${version}; its latest is ${p.latestVersion}`);
      const id = randomUUID();
      const document = JSON.parse(v.document) as unknown;
      const compiled = engine.compile(document, deployOptions(id, null));
      if (!compiled.ok) {
        throw new ApiError(422, 'PIPELINE_INVALID', `Version ${version} of ${p.name} cannot run on ${ENGINES[request.engine].label}: ${compiled.problems.length} problem${compiled.problems.length === 1 ? '' : 's'}`, { problems: compiled.problems });
      }
      // Flink's cluster is reached or started here: its failure is this call's answer, and no job is recorded.
      await entryOf(request.engine).prepare?.();
      const j: JobRow = {
        id, pipelineId: p.id, pipelineName: p.name, version, engine: request.engine, state: 'CREATED', error: null,
        createdAt: now(), createdBy: actor.name, startedAt: null, endedAt: null, savepoint: null, externalId: null, externalUrl: null,
      };
      await store.transaction(async (tx) => {
        await tx.jobs.insert(j);
        await audit.record(actor, { action: 'job.deploy', target: `job:${id}`, details: { pipeline: p.name, pipelineId: p.id, version, engine: request.engine } }, tx);
      });
      await withLock(id, () => launch(j, engine, document));
      return recordOf(await row(id));
    },

    async list(actor: Actor, filter: { pipelineId?: string | undefined } = {}): Promise<JobRecord[]> {
      requireRole(actor, 'viewer');
      return (await store.jobs.list(filter.pipelineId !== undefined ? { pipelineId: filter.pipelineId } : {})).map(recordOf);
    },

    async get(actor: Actor, id: string): Promise<JobRecord> {
      requireRole(actor, 'viewer');
      return recordOf(await row(id));
    },

    async metrics(actor: Actor, id: string): Promise<MetricsSnapshot | null> {
      requireRole(actor, 'viewer');
      await row(id);
      return tracker.latest(id);
    },

    /** Every snapshot of every job as it arrives (no permission check: for services, not users). */
    onSnapshot(listener: (snapshot: MetricsSnapshot) => void): () => void {
      return tracker.onSnapshot(listener);
    },

    /** Stops a running job (operator); with `savepoint`, the next restart resumes from it. */
    async stop(actor: Actor, id: string, options: { savepoint: boolean }): Promise<JobRecord> {
      requireRole(actor, 'operator');
      return withLock(id, async () => {
        const j = await row(id);
        if (!isActive(j)) throw new ApiError(409, 'JOB_NOT_ACTIVE', `Job ${id} of ${j.pipelineName} has already ended (${j.state})`, { state: j.state });
        const running = tracker.job(id);
        let savepoint: string | undefined;
        if (running) {
          let result: Awaited<ReturnType<Job['stop']>>;
          try {
            result = await running.stop({ savepoint: options.savepoint });
          } catch (err) {
            const cause = jobErrorOf('STOP_FAILED', err, now());
            throw new ApiError(409, 'JOB_STOP_FAILED', `${ENGINES[j.engine].label} could not stop job ${id} of ${j.pipelineName}; it keeps running: ${cause.message}`, { cause: cause.code });
          }
          savepoint = result.savepoint;
          await finish(id, running, await running.done);
        } else {
          // Its row says active but no engine runs it (the engine went away): record the end.
          await write(id, { state: 'CANCELED', endedAt: now() });
        }
        if (savepoint !== undefined) await write(id, { savepoint });
        await audit.record(actor, { action: 'job.stop', target: `job:${id}`, details: { pipeline: j.pipelineName, savepoint: savepoint ?? null } });
        return recordOf(await row(id));
      });
    },

    /** Starts an ended job again under the same id, from its savepoint or latest checkpoint (operator). */
    async restart(actor: Actor, id: string): Promise<JobRecord> {
      requireRole(actor, 'operator');
      return withLock(id, async () => {
        const j = await row(id);
        if (isActive(j)) throw new ApiError(409, 'JOB_ACTIVE', `Job ${id} of ${j.pipelineName} is ${j.state}; stop it before restarting it`, { state: j.state });
        const engine = engineFor(j.engine);
        const document = await documentOf(j);
        // As for a deploy: a cluster that cannot be reached or started is this call's answer.
        await entryOf(j.engine).prepare?.();
        await write(id, { state: 'RESTARTING', error: null, endedAt: null });
        await audit.record(actor, { action: 'job.restart', target: `job:${id}`, details: { pipeline: j.pipelineName, version: j.version, savepoint: j.savepoint } });
        await launch({ ...j, state: 'RESTARTING' }, engine, document);
        return recordOf(await row(id));
      });
    },

    /**
     * Deploys again (or follows again) every job that was running when the server stopped.
     * Jobs of an engine that must first reach or start its cluster (Flink: half a minute or
     * more) resume in the background, so the server answers meanwhile.
     */
    async resume(): Promise<void> {
      for (const j of await store.jobs.list({ states: ACTIVE_JOB_STATES })) {
        const work = () => withLock(j.id, async () => {
          if (!RESUMABLE.includes(j.state)) {
            // It was on its way out when the server stopped; record where it was going.
            await write(j.id, { state: j.state === 'FAILING' ? 'FAILED' : 'CANCELED', endedAt: now() });
            return;
          }
          let engine: Engine;
          try {
            engine = engineFor(j.engine);
          } catch (err) {
            await write(j.id, { state: 'FAILED', endedAt: now(), error: jobError('ENGINE_UNAVAILABLE', err) });
            return;
          }
          const document = await documentOf(j);
          const outcome = await reattachJob(j, engine, document, {
            entry: entryOf(j.engine), options: deployOptions(j.id, null), now,
            follow: (job) => tracker.follow(j.id, job, j),
            fail: (error) => write(j.id, { state: 'FAILED', endedAt: now(), error }),
          });
          await audit.record(null, { action: 'job.resume', target: `job:${j.id}`, details: { pipeline: j.pipelineName, version: j.version, reattached: outcome === 'followed' } });
          if (outcome === 'relaunch') await launch(j, engine, document);
        });
        if (entryOf(j.engine).prepare === undefined) {
          await work();
          continue;
        }
        const pending = work().catch((err: unknown) => log.error({ err, jobId: j.id }, 'could not resume a job'));
        resuming.add(pending);
        void pending.finally(() => resuming.delete(pending));
      }
    },

    /**
     * Stops the engines' jobs without recording them as stopped: the next start resumes them.
     * An engine whose jobs outlive the server (Flink) lets go of them first; the savepoints it
     * took are where they resume from.
     */
    async close(): Promise<void> {
      tracker.close();
      // A job resuming in the background is let go of below with the others.
      await Promise.all(resuming);
      for (const entry of registry) {
        const suspended = await entry.suspend?.().catch((err: unknown) => {
          log.warn({ err, engine: entry.name }, 'could not let go of the engine\'s jobs');
          return [];
        }) ?? [];
        for (const s of suspended) {
          // The engine's job is gone with its savepoint: the next start deploys from it.
          if (s.savepoint !== null) await store.jobs.update(s.jobId, { savepoint: s.savepoint, externalId: null, externalUrl: null });
          else log.warn({ jobId: s.jobId, engine: entry.name, reason: s.error }, 'no savepoint of a job at shutdown; it resumes from its last savepoint or not at all');
        }
      }
      await Promise.all(registry.map((e) => e.engine?.close().catch((err: unknown) => log.warn({ err, engine: e.name }, 'engine did not close cleanly'))));
    },
  };
}
export type JobManager = ReturnType<typeof createJobManager>;
