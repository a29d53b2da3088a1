import { JobRecordSchema, type JobRecord } from '@weir/protocol';
import { apiGet, apiSend } from '../../api/client';

export function getJob(id: string, signal?: AbortSignal): Promise<JobRecord> {
  return apiGet(`/api/jobs/${encodeURIComponent(id)}`, JobRecordSchema, { signal });
}

/** Needs the operator role. */
export function stopJob(id: string, savepoint: boolean): Promise<JobRecord> {
  return apiSend('POST', `/api/jobs/${encodeURIComponent(id)}/stop`, { savepoint }, JobRecordSchema);
}

/** Needs the operator role. */
export function restartJob(id: string): Promise<JobRecord> {
  return apiSend('POST', `/api/jobs/${encodeURIComponent(id)}/restart`, {}, JobRecordSchema);
}
