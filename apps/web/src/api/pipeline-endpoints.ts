import {
  PipelineDiffSchema, PipelineListSchema, PipelineRecordSchema, PipelineVersionsSchema,
  type DraftDocument, type PipelineDiff, type PipelineList, type PipelineRecord, type PipelineVersions,
} from '@weir/protocol';
import { apiGet, apiSend } from './client';

const base = (id: string) => `/api/pipelines/${encodeURIComponent(id)}`;

export function listPipelines(signal?: AbortSignal): Promise<PipelineList> {
  return apiGet('/api/pipelines', PipelineListSchema, { signal });
}

/** One version of a pipeline; the latest when `version` is absent. */
export function fetchPipeline(id: string, version?: number, signal?: AbortSignal): Promise<PipelineRecord> {
  return apiGet(`${base(id)}${version === undefined ? '' : `?version=${version}`}`, PipelineRecordSchema, { signal });
}

export function createPipeline(document: DraftDocument): Promise<PipelineRecord> {
  return apiSend('POST', '/api/pipelines', { document }, PipelineRecordSchema);
}

/** Saves a new version; 409 VERSION_CONFLICT when `baseVersion` is no longer the latest. */
export function updatePipeline(id: string, baseVersion: number, document: DraftDocument): Promise<PipelineRecord> {
  return apiSend('PUT', base(id), { baseVersion, document }, PipelineRecordSchema);
}

export function deletePipeline(id: string): Promise<void> {
  return apiSend('DELETE', base(id), undefined, null);
}

export function listVersions(id: string, signal?: AbortSignal): Promise<PipelineVersions> {
  return apiGet(`${base(id)}/versions`, PipelineVersionsSchema, { signal });
}

export function diffVersions(id: string, from: number, to: number, signal?: AbortSignal): Promise<PipelineDiff> {
  return apiGet(`${base(id)}/diff?from=${from}&to=${to}`, PipelineDiffSchema, { signal });
}
