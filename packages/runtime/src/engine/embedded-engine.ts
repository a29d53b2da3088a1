import { compile, type DeployOptions, type EmbeddedPlan, type Engine, type EngineCompileResult } from '@weir/compiler';
import { ENGINES } from '@weir/model';
import type { TuningInput } from '../job/tuning';
import type { EmbeddedJob } from './embedded-job';
import { deployInThread } from './in-thread';
import { deployInWorker } from './worker-job';

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
      if (result.plan.settings.delivery === 'exactly-once') {
        warnings.push({
          code: 'UNSUPPORTED_ON_ENGINE', field: 'settings.delivery',
          message: 'settings: the embedded engine delivers at-least-once until its checkpoints land; this pipeline runs at-least-once',
        });
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
