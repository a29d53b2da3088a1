import type { JobRecord } from '@weir/protocol';

export interface EngineLink {
  href: string;
  label: string;
  /** What the link opens, for its title. */
  title: string;
}

const ENGINE_UI: Record<JobRecord['engine'], string> = { embedded: 'Engine UI', flink: 'Flink web UI' };

/**
 * Where a job runs in its engine's own UI: the job's page there (Flink:
 * `<rest url>/#/job/running/<flink job id>`), else the engine's overview while the engine
 * has not given the job an id (starting, or failed before Flink took it); null when the
 * engine has no UI (the embedded runtime).
 */
export function engineLink(job: Pick<JobRecord, 'engine' | 'externalId' | 'externalUrl' | 'engineUrl'>): EngineLink | null {
  const label = ENGINE_UI[job.engine];
  if (job.externalUrl) {
    return { href: job.externalUrl, label, title: job.externalId ? `Job ${job.externalId} in the ${label}` : `This job in the ${label}` };
  }
  if (job.engineUrl) return { href: job.engineUrl, label, title: `The ${label} overview (this job has no ${job.engine === 'flink' ? 'Flink job id' : 'page there'} yet)` };
  return null;
}
