import { EngineListSchema, JobListSchema, JobRecordSchema, type EngineList, type JobList, type JobRecord } from '@weir/protocol';
import { apiGet, apiSend } from './client';

/** Deploys a version of a pipeline (the latest when absent) to an engine; needs the operator role. */
export function deployPipeline(id: string, request: { version?: number; engine: 'embedded' | 'flink' }): Promise<JobRecord> {
  return apiSend('POST', `/api/pipelines/${encodeURIComponent(id)}/deploy`, request, JobRecordSchema);
}

export function listJobs(pipelineId?: string, signal?: AbortSignal): Promise<JobList> {
  return apiGet(`/api/jobs${pipelineId ? `?pipelineId=${encodeURIComponent(pipelineId)}` : ''}`, JobListSchema, { signal });
}

/** Every engine with whether it takes jobs now and, if not, why. */
export function listEngines(signal?: AbortSignal): Promise<EngineList> {
  return apiGet('/api/engines', EngineListSchema, { signal });
}
