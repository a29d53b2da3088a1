import { compile, type DeployOptions, type EmbeddedPlan, type Engine, type EngineCompileResult } from '@weir/compiler';
import { ENGINES } from '@weir/model';
import type { TuningInput } from '../job/tuning';
import type { EmbeddedJob } from './embedded-job';
import { deployInThread } from './in-thread';
import { deployInWorker } from './worker-job';
import { MAX_TRANSACTION_TIMEOUT_MS } from '../checkpoint/job-transactions';

export interface EmbeddedEngineOptions {
  /** `worker` (default): each job in its own worker thread; `in-thread`: in the caller's thread (`weir run`). */
  mode?: 'worker' | 'in-thread';
  /** Buffer sizes, intervals and timeouts of the jobs this engine runs. */
  tuning?: TuningInput;
}

export interface EmbeddedEngine extends Engine<EmbeddedPlan> {
  deploy(plan: EmbeddedPlan, options: DeployOptions): Promise<EmbeddedJob>;
  /** Jobs deployed and not yet ended. */
  jobs(): EmbeddedJob[];
}

const RESOURCE_PREFIX = /^[A-Za-z0-9._-]{1,200}$/;

/** Weir's embedded engine (design.md, The embedded runtime). */
export function createEmbeddedEngine(options: EmbeddedEngineOptions = {}): EmbeddedEngine {
  const mode = options.mode ?? 'worker';
  const running = new Set<EmbeddedJob>();
  return {
    name: 'embedded',
    capabilities: ENGINES.embedded,
    compile(document: unknown, deploy: DeployOptions): EngineCompileResult<EmbeddedPlan> {
      // Consumer groups are named after the job, so a redeployed job resumes its offsets.
      const prefix = `weir.${deploy.jobId}`;
      const result = compile(document, 'plan', RESOURCE_PREFIX.test(prefix) ? { resourcePrefix: prefix } : {});
      if (!result.ok) return { ok: false, problems: result.problems };
      if (result.target !== 'plan') throw new Error('internal: compile returned another target');
      const warnings = [...result.warnings];
      const { delivery, checkpointIntervalMs } = result.plan.settings;
      // A transaction stays open for a checkpoint interval plus the checkpoint, and after a
      // crash until the job is back: Kafka must not abort it first (the same rule as on Flink).
      if (delivery === 'exactly-once' && checkpointIntervalMs > MAX_TRANSACTION_TIMEOUT_MS / 2) {
        return {
          ok: false,
          problems: [{
            code: 'TRANSACTION_TIMEOUT_TOO_SHORT', field: 'settings.checkpointInterval',
            message: `settings: checkpointInterval ${checkpointIntervalMs / 1000}s is too long for exactly-once on the embedded engine: ` +
              `Kafka aborts a transaction after at most ${MAX_TRANSACTION_TIMEOUT_MS / 60_000} min, and one stays open for a checkpoint interval ` +
              `plus the checkpoint and recovery; use ${MAX_TRANSACTION_TIMEOUT_MS / 120_000} min or less`,
          }],
        };
      }
      return { ok: true, plan: result.plan, warnings };
    },
    async deploy(plan, deploy) {
      const job = mode === 'worker' ? deployInWorker(plan, deploy, options.tuning) : await deployInThread(plan, deploy, options.tuning);
      running.add(job);
      void job.done.then(() => running.delete(job));
      return job;
    },
    jobs() {
      return [...running];
    },
    async close() {
      await Promise.all([...running].map((job) => job.stop().catch(() => undefined)));
      await Promise.all([...running].map((job) => job.done));
    },
  };
}
