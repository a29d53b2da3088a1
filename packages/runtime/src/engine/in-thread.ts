import type { DeployOptions, EmbeddedPlan } from '@weir/compiler';
import { toJobError } from '../job/job-options';
import { JobSupervisor } from '../job/job-supervisor';
import type { TuningInput } from '../job/tuning';
import { JobHandle } from './embedded-job';

/** Runs a job in the calling thread (`weir run`): the handle is fed directly by the runner. */
export async function deployInThread(plan: EmbeddedPlan, deploy: DeployOptions, tuning: TuningInput = {}): Promise<JobHandle> {
  const startedAt = Date.now();
  const handle = new JobHandle(deploy.jobId, plan, startedAt, deploy.dataDir);
  let runner: JobSupervisor;
  try {
    runner = createRunner();
  } catch (err) {
    handle.onDone({ state: 'FAILED', startedAt, endedAt: Date.now(), error: toJobError(err, undefined, Date.now()) });
    return handle;
  }
  handle.attach({ stop: (savepoint) => runner.stop({ savepoint }) });
  void runner.done.then((s) => handle.onDone(s));
  void runner.start();
  return handle;

  function createRunner(): JobSupervisor {
    return new JobSupervisor({
      jobId: deploy.jobId,
      plan,
      deploy,
      tuning,
      events: {
        status: (s) => handle.onStatus(s),
        snapshot: (s) => handle.onSnapshot(s),
        preview: (node, rows) => handle.onPreview(node, rows),
      },
    });
  }
}
