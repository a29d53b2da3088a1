/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: the DOM types are for them.
//
// The steps the canvas benchmarks share against a `weir up` (weir-up.ts): log in, save the
// big pipeline, deploy it and wait until every node shows its live strip.
import type { BrowserContext, Page } from '@playwright/test';
import { CSRF_HEADER, CSRF_HEADER_VALUE, JobRecordSchema, PipelineRecordSchema } from '@weir/protocol';
import { bigPipeline } from './pipeline-150';

export const CSRF = { [CSRF_HEADER]: CSRF_HEADER_VALUE };
/** Frames, user-timing marks and the renderer's work, as DevTools records them. */
export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'blink.user_timing'];

/** Logs the context in as the admin (the token `weir up` printed) and saves the pipeline; its id. */
export async function saveBigPipeline(context: BrowserContext, adminToken: string, name: string, nodes: number): Promise<string> {
  const login = await context.request.post('/api/auth/login', { data: { token: adminToken }, headers: CSRF });
  if (!login.ok()) throw new Error(`login answered ${login.status()}: ${await login.text()}`);
  const created = await context.request.post('/api/pipelines', { data: { document: bigPipeline(name, nodes) }, headers: CSRF });
  if (!created.ok()) throw new Error(`POST /api/pipelines answered ${created.status()}: ${await created.text()}`);
  return PipelineRecordSchema.parse(await created.json()).id;
}

/** Opens the pipeline on the canvas and waits for all its nodes. */
export async function openCanvas(page: Page, pipelineId: string, nodes: number): Promise<void> {
  await page.goto(`/pipelines/${pipelineId}`);
  await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length >= n, nodes, { timeout: 60_000 });
}

/** Deploys the pipeline on the embedded engine and waits until every node on `page` shows live metrics; the job id. */
export async function deployLive(context: BrowserContext, page: Page, pipelineId: string, nodes: number): Promise<string> {
  const deployed = await context.request.post(`/api/pipelines/${pipelineId}/deploy`, { data: { engine: 'embedded' }, headers: CSRF });
  if (!deployed.ok()) throw new Error(`deploy answered ${deployed.status()}: ${await deployed.text()}`);
  const jobId = JobRecordSchema.parse(await deployed.json()).id;
  // The overlay finds the running job within its 5 s poll; then every node shows its strip.
  await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node [data-testid^="live-"]').length >= n, nodes, { timeout: 120_000 });
  return jobId;
}

/** Stops a job the benchmark deployed, without a savepoint; a failure to stop is not the benchmark's. */
export async function stopJob(context: BrowserContext, jobId: string): Promise<void> {
  await context.request.post(`/api/jobs/${jobId}/stop`, { data: { savepoint: false }, headers: CSRF }).catch(() => {});
}
