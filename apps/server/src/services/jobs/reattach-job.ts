import type { DeployOptions, Engine, Job } from '@weir/compiler';
import { ENGINES, type JobError } from '@weir/model';
import type { JobRow } from '../store/jobs-repo';
import type { EngineEntry } from './engine-registry';
import { jobErrorOf } from './job-error';

export interface ReattachDeps {
  entry: EngineEntry;
  /** The job's deploy options, with no restore point (the engine's job carries its own state). */
  options: DeployOptions;
  now: () => number;
  /** Tracks the job again (its row and snapshots follow it). */
  follow(job: Job): Promise<void>;
  /** Records the job as FAILED with this error. */
  fail(error: JobError): Promise<void>;
}

export type ReattachOutcome = 'followed' | 'relaunch' | 'ended';

/**
 * After a server restart, for a job that was running: follows it again when its engine still
 * runs it under its own id (a Flink job on a cluster that outlived the server; one that ended
 * meanwhile then reports its own end), or says it must be deployed again ('relaunch', from its
 * savepoint when it has one). A job the engine has forgotten without a savepoint to resume
 * from is failed with ENGINE_LOST_JOB rather than silently started over.
 */
export async function reattachJob(j: JobRow, engine: Engine, document: unknown, deps: ReattachDeps): Promise<ReattachOutcome> {
  if (!deps.entry.reattach || j.externalId === null) return 'relaunch';
  const compiled = engine.compile(document, deps.options);
  // A document that no longer compiles: the relaunch records why.
  if (!compiled.ok) return 'relaunch';
  let job: Job | null;
  try {
    job = await deps.entry.reattach(compiled.plan, deps.options, j.externalId);
  } catch (err) {
    await deps.fail(jobErrorOf('RESUME_FAILED', err, deps.now()));
    return 'ended';
  }
  if (job) {
    await deps.follow(job);
    return 'followed';
  }
  if (j.savepoint !== null) return 'relaunch';
  await deps.fail({
    code: 'ENGINE_LOST_JOB',
    message: `${ENGINES[j.engine].label} no longer knows job ${j.externalId} (its cluster was restarted) and no savepoint of it was taken; restart the job to run it again from its sources' start positions`,
    time: deps.now(),
  });
  return 'ended';
}
