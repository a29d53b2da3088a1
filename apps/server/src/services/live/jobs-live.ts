import type { FastifyBaseLogger } from 'fastify';
import type { MetricsSnapshot } from '@weir/model';
import type { JobHistoryPoint } from '@weir/protocol/live-jobs';
import { createMetricsHistory, type MetricsHistoryOptions } from '../metrics-history';
import { historyPoint, type NodeRoles } from './history-point';

export interface JobsLiveDeps {
  /** The sources and sinks of a job's document; null when the job or its document is gone. */
  resolveRoles(jobId: string): Promise<NodeRoles | null>;
  log: FastifyBaseLogger;
  history?: MetricsHistoryOptions;
}

/**
 * The server's live view of every job: the newest snapshot and a rolling history of compact
 * points. Fed by the job manager's snapshots; read by the socket rooms and /metrics.
 */
export function createJobsLive(deps: JobsLiveDeps) {
  const history = createMetricsHistory<JobHistoryPoint>(deps.history);
  const latest = new Map<string, { snapshot: MetricsSnapshot; point: JobHistoryPoint }>();
  const roles = new Map<string, NodeRoles | null | 'pending'>();

  function rolesOf(jobId: string): NodeRoles | null {
    const r = roles.get(jobId);
    if (r !== undefined) return r === 'pending' ? null : r;
    roles.set(jobId, 'pending');
    deps.resolveRoles(jobId).then(
      (found) => roles.set(jobId, found),
      (err: unknown) => {
        deps.log.warn({ err, jobId }, 'could not read the nodes of a job; its output rate is unknown');
        roles.delete(jobId);
      },
    );
    return null;
  }

  return {
    ingest(snapshot: MetricsSnapshot): JobHistoryPoint {
      const point = historyPoint(snapshot, rolesOf(snapshot.jobId));
      history.append(snapshot.jobId, point);
      latest.set(snapshot.jobId, { snapshot, point });
      // The history forgets the stalest jobs; the rest of what is kept per job follows it.
      if (latest.size > history.jobs().length) {
        const kept = new Set(history.jobs());
        for (const id of latest.keys()) {
          if (!kept.has(id)) {
            latest.delete(id);
            roles.delete(id);
          }
        }
      }
      return point;
    },
    latest: (jobId: string) => latest.get(jobId),
    /** Every job with metrics, newest snapshot each. */
    all: () => [...latest.entries()].map(([jobId, v]) => ({ jobId, ...v })),
    history: (jobId: string, n?: number) => history.points(jobId, n),
  };
}
export type JobsLive = ReturnType<typeof createJobsLive>;
