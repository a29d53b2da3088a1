import pg from 'pg';
import { io } from 'socket.io-client';
import { JobRecordSchema, PipelineRecordSchema, type JobRecord } from '@weir/protocol';
import { findTemplate } from '../apps/web/src/features/designer/templates/templates';
import { runDatagen } from '@weir/cli/datagen/run-datagen';
import { loadConfig } from '@weir/server/config';
import { BASE_URL, KAFKA_PORT } from './support/env';
import { CSRF, expect, test } from './support/fixtures';
import type { APIRequestContext } from '@playwright/test';

// Live job monitoring through the user's journeys: rates on the canvas, backpressure from a
// locked PostgreSQL sink table, the socket's handshake, and a viewer's controls.
const RUN = Date.now().toString(36);
// The broker `weir up` uses: KAFKA_BROKERS when set (playwright.config.ts), else its own.
const BROKERS = process.env.KAFKA_BROKERS ?? `127.0.0.1:${KAFKA_PORT}`;

test.use({ viewport: { width: 1600, height: 1000 } });

async function deployTemplate(api: APIRequestContext, templateId: string, rename: (doc: ReturnType<NonNullable<ReturnType<typeof findTemplate>>['create']>) => void): Promise<{ pipelineId: string; job: JobRecord }> {
  const template = findTemplate(templateId);
  if (!template) throw new Error(`no template ${templateId}`);
  const document = template.create();
  document.name = `${document.name}-${RUN}`;
  rename(document);
  const created = await api.post('/api/pipelines', { data: { document } });
  expect(created.ok(), await created.text()).toBe(true);
  const pipeline = PipelineRecordSchema.parse(await created.json());
  const deployed = await api.post(`/api/pipelines/${pipeline.id}/deploy`, { data: { engine: 'embedded' } });
  expect(deployed.ok(), await deployed.text()).toBe(true);
  return { pipelineId: pipeline.id, job: JobRecordSchema.parse(await deployed.json()) };
}

async function firstMetrics(api: APIRequestContext, jobId: string): Promise<void> {
  await expect.poll(async () => (await (await api.get(`/api/jobs/${jobId}/metrics`)).json()) !== null, { timeout: 60_000 }).toBe(true);
}

test.describe.serial('live job monitoring', () => {
  test('an unauthenticated socket gets connect_error', async () => {
    const socket = io(BASE_URL, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { origin: BASE_URL } });
    const outcome = await new Promise<string>((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', (err) => resolve(err.message));
    });
    socket.disconnect();
    expect(outcome).toBe('UNAUTHENTICATED');
  });

  test('a deployed pipeline shows live rates on its nodes and edges within 3 seconds', async ({ page, api }) => {
    test.setTimeout(180_000);
    const { pipelineId, job } = await deployTemplate(api, 'revenue-per-category', (doc) => {
      const sink = doc.nodes.find((n) => n.kind === 'kafka-sink');
      if (sink) (sink.config as { topic: string }).topic = `revenue-live-${RUN}`;
    });
    await firstMetrics(api, job.id);
    await page.goto(`/pipelines/${pipelineId}`);
    await expect(page.getByTestId('live-banner')).toBeVisible({ timeout: 15_000 });
    const opened = Date.now();
    // The demo topics are full: the source reads its backlog at once.
    await expect(page.locator('[data-testid="live-orders"]')).toBeVisible({ timeout: 3_000 });
    await expect.poll(async () => Number(await page.getByTestId('live-orders').getAttribute('data-out')), { timeout: 3_000 }).toBeGreaterThan(0);
    await expect(page.locator('[data-testid^="edge-live-"]').first()).toBeVisible({ timeout: 3_000 });
    expect(Date.now() - opened).toBeLessThan(3_500);

    await page.goto(`/jobs/${job.id}`);
    await expect(page.getByRole('img', { name: 'Throughput (records/s)' })).toBeVisible();
    await page.goto('/jobs');
    await expect(page.getByTestId(`job-row-${job.id}`)).toContainText('RUNNING');
    await api.post(`/api/jobs/${job.id}/stop`, { data: { savepoint: false } });
  });

  test('a viewer cannot stop a job: the buttons say why, and the server refuses', async ({ api, loginAs }) => {
    test.setTimeout(120_000);
    const { job } = await deployTemplate(api, 'log-processing', (doc) => {
      const sink = doc.nodes.find((n) => n.kind === 'kafka-sink');
      if (sink) (sink.config as { topic: string }).topic = `error-counts-${RUN}`;
    });
    const viewer = await loginAs('viewer');
    await viewer.page.goto(`/jobs/${job.id}`);
    await expect(viewer.page.getByRole('button', { name: 'Stop', exact: true })).toBeDisabled();
    await expect(viewer.page.getByTestId('job-controls-reason')).toContainText('operator role');
    const refused = await viewer.context.request.post(`/api/jobs/${job.id}/stop`, { data: { savepoint: false }, headers: CSRF });
    expect(refused.status()).toBe(403);
    // The refused stop left the job alone: it goes on to RUNNING (it may still be starting).
    await expect.poll(async () => (await (await api.get(`/api/jobs/${job.id}`)).json()).state, { timeout: 60_000 }).toBe('RUNNING');
    await api.post(`/api/jobs/${job.id}/stop`, { data: { savepoint: false } });
  });

  test('a locked PostgreSQL sink table turns the upstream edges HIGH and the lag grows; releasing it recovers', async ({ page, api }) => {
    test.setTimeout(240_000);
    // postgres-sink's `default` connection is the server's WEIR_POSTGRES_URL (else a PostgreSQL
    // DATABASE_URL, else the local server): the webServer inherits this environment, so the
    // test locks the table where the job writes it.
    const url = loadConfig(process.env).sinkPostgresUrl;
    const table = `page_clicks_${RUN}`;
    const { pipelineId, job } = await deployTemplate(api, 'clicks-to-postgres', (doc) => {
      const sink = doc.nodes.find((n) => n.kind === 'postgres-sink');
      if (sink) (sink.config as { table: string }).table = table;
    });
    await firstMetrics(api, job.id);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await expect.poll(async () => (await client.query('SELECT to_regclass($1) AS t', [table])).rows[0].t !== null, { timeout: 60_000 }).toBe(true);
      await page.goto(`/pipelines/${pipelineId}`);
      await expect(page.getByTestId('live-banner')).toBeVisible({ timeout: 15_000 });
      await client.query('BEGIN');
      await client.query(`LOCK TABLE "${table}" IN ACCESS EXCLUSIVE MODE`);
      // The sink holds 5000 rows (postgresSinkCapacity) before it holds the job back: at the
      // demo's 50 clicks/s that is 100 s of input, so nothing upstream would wait within this
      // test. More clicks of the same generator fill it at once; the demo stream goes on
      // behind them, so the lag keeps growing while the source is held.
      await runDatagen({ generator: 'clicks', topic: 'clicks', brokers: BROKERS, count: 8_000, liveTime: true, clientId: `e2e-burst-${RUN}` });
      const lagAt = async () => Number(await page.getByTestId('live-lag-clicks').getAttribute('data-lag'));
      await expect.poll(async () => page.locator('[data-testid^="edge-live-"][data-level="HIGH"]').count(), { timeout: 60_000 }).toBe(2);
      const before = await lagAt();
      await expect.poll(lagAt, { timeout: 60_000 }).toBeGreaterThan(before);
      const peak = await lagAt();
      await client.query('ROLLBACK');
      await expect.poll(async () => page.locator('[data-testid^="edge-live-"][data-level="HIGH"]').count(), { timeout: 60_000 }).toBe(0);
      await expect.poll(lagAt, { timeout: 60_000 }).toBeLessThan(peak);
    } finally {
      await client.query('ROLLBACK').catch(() => {});
      await client.end();
      await api.post(`/api/jobs/${job.id}/stop`, { data: { savepoint: false } });
    }
  });
});
