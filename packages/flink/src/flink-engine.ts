import { join } from 'node:path';
import type { DeployOptions, Engine, EngineCompileResult } from '@weir/compiler';
import { ENGINES } from '@weir/model';
import { isStackError, startFlink } from '@weir/stack';
import { ExternalIo } from './external-io';
import { FlinkError, isFlinkError } from './flink-error';
import { FlinkJob } from './flink-job';
import { compileFlinkPlan, type FlinkPlan } from './flink-plan';
import { GatewayClient, type GatewaySession } from './gateway-client';
import { FlinkRestClient } from './rest-client';
import { str } from './sql-literal';

/** A Flink cluster to deploy to: its REST API and SQL Gateway, and how to let go of it. */
export interface FlinkEndpoints {
  restUrl: string;
  gatewayUrl: string;
  /** Where stop-with-savepoint writes; absent: the cluster's own `execution.checkpointing.savepoint-dir`. */
  savepointDir?: string;
  stop?: () => Promise<void>;
}

export interface FlinkEngineOptions {
  /** An existing cluster (FLINK_REST_URL); with gatewayUrl, nothing is started. */
  restUrl?: string;
  gatewayUrl?: string;
  /** Weir's data directory: the local cluster lives in `<dataDir>/flink`. */
  dataDir: string;
  /** Starts (or finds) a cluster on first deploy when no URLs are given; default: @weir/stack's startFlink. */
  startLocal?: () => Promise<FlinkEndpoints>;
  onProgress?: (message: string) => void;
  pollIntervalMs?: number;
}

export interface FlinkEngine extends Engine<FlinkPlan> {
  deploy(plan: FlinkPlan, options: DeployOptions): Promise<FlinkJob>;
  jobs(): FlinkJob[];
  /**
   * Follows a job Flink already runs (a server restarted while its job ran on): null when the
   * cluster no longer knows that Flink job id. A job that has ended meanwhile reports its end.
   */
  attach(plan: FlinkPlan, options: DeployOptions, flinkJobId: string): Promise<FlinkJob | null>;
  /** The cluster in use (started on demand), e.g. for its web UI. */
  endpoints(): Promise<FlinkEndpoints>;
}

function defaultStartLocal(options: FlinkEngineOptions): () => Promise<FlinkEndpoints> {
  return async () => {
    try {
      const dataDir = join(options.dataDir, 'flink');
      const flink = await startFlink({ dataDir, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
      return {
        restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl, stop: flink.stop,
        // A cluster found by URL or port may not be ours: write savepoints where it is told to.
        ...(flink.pids.jobmanager !== undefined || flink.logDir !== undefined ? { savepointDir: `file://${join(dataDir, 'savepoints')}` } : {}),
      };
    } catch (err) {
      const reason = isStackError(err) ? `${err.code}: ${err.message}` : (err as Error).message;
      throw new FlinkError('FLINK_START_FAILED', `Could not start a local Flink: ${reason}`, { cause: err });
    }
  };
}

/** Does the cluster serve Flink's web UI (flink-runtime-web on its classpath)? */
async function hasWebUi(restUrl: string): Promise<boolean> {
  try {
    const res = await fetch(`${restUrl}/`, { signal: AbortSignal.timeout(3000) });
    return res.ok && (res.headers.get('content-type') ?? '').includes('html');
  } catch {
    return false;
  }
}

/**
 * The Flink engine (design.md, The Flink engine): compiles a document to Flink SQL, submits it
 * statement by statement through the SQL Gateway, and follows the job through the REST API.
 */
export function createFlinkEngine(options: FlinkEngineOptions): FlinkEngine {
  const running = new Set<FlinkJob>();
  const start = options.startLocal ?? defaultStartLocal(options);
  let cluster: Promise<FlinkEndpoints> | null = null;
  let webUi: Promise<boolean> | null = null;
  const endpoints = (): Promise<FlinkEndpoints> => {
    if (options.restUrl && options.gatewayUrl) return Promise.resolve({ restUrl: options.restUrl, gatewayUrl: options.gatewayUrl });
    // A failed start is not remembered: the next deploy tries again.
    cluster ??= start().catch((err: unknown) => {
      cluster = null;
      throw err;
    });
    return cluster;
  };

  async function follow(ep: FlinkEndpoints, rest: FlinkRestClient, io: ExternalIo, plan: FlinkPlan, deploy: DeployOptions, flinkJobId: string): Promise<FlinkJob> {
    webUi ??= hasWebUi(ep.restUrl);
    const job = new FlinkJob(deploy.jobId, flinkJobId, plan, {
      rest, io,
      ...(ep.savepointDir ? { savepointDir: ep.savepointDir } : {}),
      ...((await webUi) ? { webUiUrl: `${ep.restUrl}/#/job/running/${flinkJobId}` } : {}),
      ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}),
    });
    running.add(job);
    void job.done.then(() => running.delete(job));
    job.start();
    return job;
  }

  return {
    name: 'flink',
    capabilities: ENGINES.flink,
    compile(document: unknown, deploy: DeployOptions): EngineCompileResult<FlinkPlan> {
      return compileFlinkPlan(document, deploy);
    },
    endpoints,
    async deploy(plan, deploy) {
      const ep = await endpoints();
      const rest = new FlinkRestClient(ep.restUrl);
      webUi ??= hasWebUi(ep.restUrl);
      const io = new ExternalIo(deploy);
      let session: GatewaySession | null = null;
      try {
        await io.prepare(plan);
        session = await new GatewayClient(ep.gatewayUrl).openSession(`weir-${deploy.jobId}`);
        const statements = [
          ...(deploy.restoreFrom ? [`SET ${str('execution.savepoint.path')} = ${str(deploy.restoreFrom)}`] : []),
          ...plan.statements,
        ];
        let flinkJobId: string | null = null;
        for (const statement of statements) {
          const r = await session.execute(statement);
          flinkJobId = r.jobId ?? flinkJobId;
        }
        if (flinkJobId === null) throw new FlinkError('FLINK_NO_JOB', `Flink ran the script of ${plan.name} but submitted no job`);
        return await follow(ep, rest, io, plan, deploy, flinkJobId);
      } catch (err) {
        await io.close();
        throw err;
      } finally {
        await session?.close();
      }
    },
    jobs() {
      return [...running];
    },
    async attach(plan, deploy, flinkJobId) {
      const ep = await endpoints();
      const rest = new FlinkRestClient(ep.restUrl);
      try {
        await rest.job(flinkJobId);
      } catch (err) {
        // A restarted cluster has forgotten the jobs of the one before it.
        if (isFlinkError(err, 'FLINK_REST_ERROR') && / answered 404\b/.test(err.message)) return null;
        throw err;
      }
      return follow(ep, rest, new ExternalIo(deploy), plan, deploy, flinkJobId);
    },
    async close() {
      await Promise.all([...running].map((job) => job.stop().catch(() => job.detach())));
      await Promise.all([...running].map((job) => job.done));
      const started = cluster;
      cluster = null;
      if (started) await (await started.catch(() => null))?.stop?.();
    },
  };
}
