import type { JobRecord } from '@weir/protocol';
import type { JobRow } from '../store/jobs-repo';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A job's row as the API shows it; `engineUrl` is its engine's own web UI, when known. */
export function toJobRecord(j: JobRow, engineUrl: string | null = null): JobRecord {
  return {
    id: j.id,
    pipelineId: j.pipelineId,
    pipelineName: j.pipelineName,
    version: j.version,
    engine: j.engine,
    state: j.state,
    error: j.error,
    createdAt: new Date(j.createdAt).toISOString(),
    createdBy: j.createdBy,
    startedAt: iso(j.startedAt),
    endedAt: iso(j.endedAt),
    savepoint: j.savepoint,
    externalId: j.externalId,
    externalUrl: j.externalUrl,
    engineUrl,
  };
}
