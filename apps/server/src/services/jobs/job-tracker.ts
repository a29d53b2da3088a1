import type { FastifyBaseLogger } from 'fastify';
import type { Job, JobStatus } from '@weir/compiler';
import type { JobState, MetricsSnapshot } from '@weir/model';
import type { JobPatch, JobRow } from '../store/jobs-repo';
import type { Store } from '../store/store';

interface Tracked {
  job: Job;
  /** The state last written to the store, so only changes are written. */
  written: JobState;
}

export interface JobTrackerDeps {
  store: Store;
  now: () => number;
  log: FastifyBaseLogger;
}

/**
 * The jobs the engines run right now, each followed until it ends: its row in the store
 * follows its status, its snapshots are kept (latest) and handed to the listeners (the live
 * gateway and metrics history, services/live), its end is recorded. Once closing, nothing
 * more is written: the rows stay as they were, so the next start resumes those jobs.
 */
export function createJobTracker(deps: JobTrackerDeps) {
  const { store, now, log } = deps;
  const tracked = new Map<string, Tracked>();
  const latest = new Map<string, MetricsSnapshot>();
  const listeners = new Set<(snapshot: MetricsSnapshot) => void>();
  let closing = false;

  async function write(id: string, patch: JobPatch): Promise<void> {
    if (closing) return;
    await store.jobs.update(id, patch);
  }

  async function syncState(id: string): Promise<void> {
    const t = tracked.get(id);
    if (!t) return;
    const status = t.job.status();
    if (status.state === t.written) return;
    t.written = status.state;
    // A job the engine is restarting shows why; once it runs again the cause is cleared.
    const error = status.state === 'RESTARTING' ? (status.error ?? null) : null;
    await write(id, { state: status.state, error, ...(status.externalId ? { externalId: status.externalId } : {}), ...(status.externalUrl ? { externalUrl: status.externalUrl } : {}) });
  }

  /** Records a job's end (once: a stop and the job's own end may both report it). */
  async function finish(id: string, job: Job, final: JobStatus): Promise<void> {
    if (tracked.get(id)?.job !== job) return;
    tracked.delete(id);
    if (closing) return;
    const error = final.state === 'FAILED' ? (final.error ?? { code: 'JOB_FAILED', message: 'the job failed without saying why', time: now() }) : null;
    await write(id, { state: final.state, endedAt: final.endedAt ?? now(), error, ...(final.externalUrl ? { externalUrl: final.externalUrl } : {}) });
    if (error) log.warn({ jobId: id, error }, 'job failed');
  }

  function watch(id: string, job: Job): void {
    void (async () => {
      for await (const snapshot of job.metrics()) {
        latest.set(id, snapshot);
        for (const listener of listeners) {
          try {
            listener(snapshot);
          } catch (err) {
            log.warn({ err, jobId: id }, 'a metrics listener failed');
          }
        }
        await syncState(id);
      }
    })().catch((err: unknown) => log.warn({ err, jobId: id }, 'job metrics stream ended with an error'));
    void job.done
      .then((final) => finish(id, job, final))
      .catch((err: unknown) => log.error({ err, jobId: id }, 'could not record the end of a job'));
  }

  return {
    write,
    finish,
    /**
     * Follows a job an engine runs. `resumed`: the row of a job followed again after a restart,
     * whose state and start time stand until the engine reports otherwise.
     */
    async follow(id: string, job: Job, resumed?: JobRow): Promise<void> {
      const status = job.status();
      tracked.set(id, { job, written: resumed?.state ?? status.state });
      // Listening before the write: a snapshot published meanwhile is not missed.
      watch(id, job);
      await write(id, {
        ...(resumed ? {} : { state: status.state, startedAt: status.startedAt }),
        // A relaunch gets new engine ids; no stale link to the run before it.
        externalId: status.externalId ?? null, externalUrl: status.externalUrl ?? null,
      });
    },
    job: (id: string): Job | undefined => tracked.get(id)?.job,
    latest: (id: string): MetricsSnapshot | null => latest.get(id) ?? null,
    onSnapshot(listener: (snapshot: MetricsSnapshot) => void): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close(): void {
      closing = true;
    },
  };
}
export type JobTracker = ReturnType<typeof createJobTracker>;
