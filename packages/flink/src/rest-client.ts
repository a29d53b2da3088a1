import type { z } from 'zod';
import { FlinkError } from './flink-error';
import { requestJson } from './http-json';
import {
  AggregatedMetricsSchema, CheckpointingStatsSchema, ExceptionsSchema, JobDetailsSchema,
  type AggregatedMetric, type CheckpointingStats, type JobDetails,
} from './rest-types';

/** A client of the JobManager's REST API (the one Flink's web UI uses). */
export class FlinkRestClient {
  readonly url: string;

  constructor(url: string, private readonly timeoutMs = 15_000) {
    this.url = url.replace(/\/$/, '');
  }

  private async call(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<unknown> {
    const res = await requestJson('Flink REST API', this.url, method, path, body, this.timeoutMs);
    if (!res.ok) {
      const errors = (res.body as { errors?: string[] }).errors?.join('; ') ?? res.text;
      throw new FlinkError('FLINK_REST_ERROR', `Flink REST ${method} ${path} answered ${res.status}: ${errors.split('\n')[0]}`);
    }
    return res.body;
  }

  private async get<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
    const body = await this.call('GET', path);
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new FlinkError('FLINK_REST_ERROR', `Flink REST GET ${path} answered an unexpected shape: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  }

  job(jobId: string): Promise<JobDetails> {
    return this.get(`/jobs/${jobId}`, JobDetailsSchema);
  }

  checkpoints(jobId: string): Promise<CheckpointingStats> {
    return this.get(`/jobs/${jobId}/checkpoints`, CheckpointingStatsSchema);
  }

  async exceptions(jobId: string): Promise<z.infer<typeof ExceptionsSchema>> {
    return this.get(`/jobs/${jobId}/exceptions?maxExceptions=5`, ExceptionsSchema);
  }

  /** The ids of every metric of a vertex's subtasks. */
  async vertexMetricIds(jobId: string, vertexId: string): Promise<string[]> {
    const body = await this.call('GET', `/jobs/${jobId}/vertices/${vertexId}/subtasks/metrics`);
    return Array.isArray(body) ? body.map((m) => (m as { id: string }).id) : [];
  }

  /** Metrics aggregated over a vertex's subtasks (min, max, sum). */
  async vertexMetrics(jobId: string, vertexId: string, ids: readonly string[]): Promise<AggregatedMetric[]> {
    if (ids.length === 0) return [];
    const get = ids.map(encodeURIComponent).join(',');
    return this.get(`/jobs/${jobId}/vertices/${vertexId}/subtasks/metrics?get=${get}&agg=min,max,sum`, AggregatedMetricsSchema);
  }

  /** Stops the job with a savepoint (into `targetDirectory`, else the cluster's default); the savepoint's location. */
  async stopWithSavepoint(jobId: string, targetDirectory: string | undefined, timeoutMs = 120_000): Promise<string> {
    const trigger = await this.call('POST', `/jobs/${jobId}/stop`, { ...(targetDirectory ? { targetDirectory } : {}), drain: false }) as { 'request-id'?: string };
    const requestId = trigger['request-id'];
    if (!requestId) throw new FlinkError('FLINK_SAVEPOINT_FAILED', `Flink did not accept stop-with-savepoint for job ${jobId}`);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const r = await this.call('GET', `/jobs/${jobId}/savepoints/${requestId}`) as {
        status?: { id?: string }; operation?: { location?: string; 'failure-cause'?: { 'stack-trace'?: string; 'serialized-throwable'?: string } };
      };
      if (r.status?.id === 'COMPLETED') {
        if (r.operation?.location) return r.operation.location;
        const cause = r.operation?.['failure-cause']?.['stack-trace'] ?? 'no location returned';
        throw new FlinkError('FLINK_SAVEPOINT_FAILED', `Flink could not stop job ${jobId} with a savepoint: ${cause.split('\n')[0]}`);
      }
      await new Promise((res) => setTimeout(res, 300));
    }
    throw new FlinkError('FLINK_SAVEPOINT_FAILED', `stop-with-savepoint of job ${jobId} did not complete within ${timeoutMs} ms`);
  }

  async cancel(jobId: string): Promise<void> {
    await this.call('PATCH', `/jobs/${jobId}?mode=cancel`);
  }
}
