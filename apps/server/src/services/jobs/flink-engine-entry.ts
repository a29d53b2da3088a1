import type { DeployOptions, Job } from '@weir/compiler';
import { createFlinkEngine, isFlinkError, type FlinkEndpoints, type FlinkEngine, type FlinkJob, type FlinkPlan } from '@weir/flink';
import { ApiError } from '../../api-error';
import type { EngineEntry, SuspendedJob } from './engine-registry';

export interface FlinkEntryOptions {
  /** Weir's data directory: a cluster started on demand lives in `<dataDir>/flink`. */
  dataDir: string;
  /** An existing cluster (FLINK_REST_URL and FLINK_SQL_GATEWAY_URL): nothing is started. */
  restUrl?: string;
  gatewayUrl?: string;
  /** Starts (or finds) the local cluster on the first deploy; default: @weir/stack's startFlink in `<dataDir>/flink`. */
  startLocal?: () => Promise<FlinkEndpoints>;
  onProgress?: (message: string) => void;
}

/** GET url within a few seconds, true when it answers 2xx. */
async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * The failure of reaching or starting Flink as the deploy call's answer: ENGINE_UNAVAILABLE,
 * with Flink's own code (FLINK_START_FAILED, FLINK_UNREACHABLE) in `details.cause`.
 */
function unavailable(cause: string, reason: string): ApiError {
  return new ApiError(503, 'ENGINE_UNAVAILABLE', `Cannot run jobs on Apache Flink: ${reason}`, { engine: 'flink', cause, reason });
}

// Flink refuses a savepoint until every task of the job runs (a job deployed moments ago).
const NOT_YET_RUNNING = /Not all required tasks are currently running|is not being executed at the moment/;
const SAVEPOINT_ATTEMPTS = 15;

/** Stops a job with a savepoint for a shutdown, waiting (a while) for a job still starting. */
async function savepointAndStop(job: FlinkJob): Promise<SuspendedJob> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await job.stop({ savepoint: true });
      return { jobId: job.id, savepoint: result.savepoint ?? null };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (attempt < SAVEPOINT_ATTEMPTS && NOT_YET_RUNNING.test(message)) {
        await new Promise((r) => setTimeout(r, 1000));
        continue;
      }
      job.detach();
      return { jobId: job.id, savepoint: null, error: message };
    }
  }
}

/**
 * The Flink engine as the server runs it. Its cluster is the one named by FLINK_REST_URL and
 * FLINK_SQL_GATEWAY_URL, else a local one started on the first deploy (never at server start,
 * which stays fast and needs no Java until someone picks Flink). On shutdown the jobs on a
 * configured cluster keep running and are followed again on the next start; the jobs on a
 * local cluster, which stops with the server, are stopped with a savepoint to resume from.
 */
export function flinkEngineEntry(options: FlinkEntryOptions): EngineEntry {
  const configured = options.restUrl !== undefined && options.gatewayUrl !== undefined;
  let known: FlinkEndpoints | null = configured ? { restUrl: options.restUrl!, gatewayUrl: options.gatewayUrl! } : null;
  const engine: FlinkEngine = createFlinkEngine({
    dataDir: options.dataDir,
    ...(configured ? { restUrl: options.restUrl!, gatewayUrl: options.gatewayUrl! } : {}),
    ...(options.startLocal ? { startLocal: options.startLocal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });

  return {
    name: 'flink',
    engine,
    reason: null,
    async prepare() {
      try {
        if (configured) {
          // A configured cluster is not started by us: say plainly which URL does not answer.
          if (!(await answers(`${options.restUrl!.replace(/\/$/, '')}/overview`))) {
            throw unavailable('FLINK_UNREACHABLE', `FLINK_REST_URL ${options.restUrl} does not answer as Flink's REST API (GET /overview)`);
          }
          if (!(await answers(`${options.gatewayUrl!.replace(/\/$/, '')}/v1/info`))) {
            throw unavailable('FLINK_UNREACHABLE', `FLINK_SQL_GATEWAY_URL ${options.gatewayUrl} does not answer as a Flink SQL Gateway (GET /v1/info)`);
          }
        }
        known = await engine.endpoints();
      } catch (err) {
        if (err instanceof ApiError) throw err;
        throw unavailable(isFlinkError(err) ? err.code : 'FLINK_START_FAILED', err instanceof Error ? err.message : String(err));
      }
    },
    async reattach(plan: unknown, deploy: DeployOptions, externalId: string): Promise<Job | null> {
      if (!/^[0-9a-f]{32}$/.test(externalId)) return null;
      const job = await engine.attach(plan as FlinkPlan, deploy, externalId);
      known = await engine.endpoints();
      return job;
    },
    async suspend(): Promise<SuspendedJob[]> {
      const jobs = engine.jobs();
      if (configured) {
        for (const job of jobs) job.detach();
        return [];
      }
      return Promise.all(jobs.map((job) => savepointAndStop(job)));
    },
    uiUrl() {
      return known ? `${known.restUrl.replace(/\/$/, '')}/#/overview` : null;
    },
  };
}
