import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { createKafka } from '@weir/kafka';
import { DesignerPage } from './pages/designer-page';
import { CSRF, expect, test } from './support/fixtures';

// Pages are the admin's (globalSetup logged in with the printed link; support/fixtures.ts).
const SCREENSHOTS = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const BROKERS = process.env.KAFKA_BROKERS ?? `127.0.0.1:${process.env.WEIR_E2E_KAFKA_PORT ?? 29092}`;

// Each run starts with an empty data directory, but KAFKA_BROKERS may name a cluster that
// keeps earlier runs' topics: names carry the run.
const RUN = Date.now().toString(36);
const PIPELINE = `revenue-per-category-${RUN}`;
const OUTPUT_TOPIC = `revenue-e2e-${RUN}`;

test.use({ viewport: { width: 1600, height: 1000 } });

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png` });
}

/** Reads the output topic from the start until a record arrives (or the deadline). */
async function firstRecords(topic: string, deadlineMs: number): Promise<Record<string, unknown>[]> {
  const kafka = createKafka({ clientId: 'weir-e2e', brokers: BROKERS, logLevel: 'error', logSink: () => {} });
  const consumer = kafka.consumer({ groupId: `weir-e2e-${RUN}-${Math.random().toString(36).slice(2)}` });
  const records: Record<string, unknown>[] = [];
  await consumer.connect();
  try {
    const end = Date.now() + deadlineMs;
    // The sink creates the topic with its first write; subscribe once it exists.
    const admin = kafka.admin();
    await admin.connect();
    while (!(await admin.listTopics()).includes(topic)) {
      if (Date.now() > end) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    await admin.disconnect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void records.push(JSON.parse(message.value?.toString() ?? 'null') as Record<string, unknown>) });
    while (records.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 500));
  } finally {
    await consumer.disconnect();
  }
  return records;
}

test.describe.serial('the pipeline designer', () => {
  let pipelineUrl = '';

  test('the admin builds revenue per category by dragging and wiring, fixes an error, saves, deploys, and the output topic fills', async ({ page }) => {
    // Building by hand, deploying and waiting for windows to fire takes a while on a busy 2-core machine.
    test.setTimeout(420_000);
    const designer = new DesignerPage(page);

    await page.goto('/pipelines');
    await page.getByRole('button', { name: 'New pipeline' }).first().click();
    await expect(page).toHaveURL(/\/pipelines\/new$/);
    await expect(page.getByText('An empty canvas')).toBeVisible();

    // Drag four kinds from the palette onto the canvas.
    await designer.dragKind('Kafka source', 160, 200);
    await designer.dragKind('Filter', 420, 200);
    await designer.dragKind('Tumbling window', 680, 200);
    await designer.dragKind('Kafka sink', 940, 200);
    for (const id of ['kafka-source', 'filter', 'tumbling-window', 'kafka-sink']) await expect(designer.node(id)).toBeVisible();

    // Wire them output to input; a second input into the filter is refused with the reason.
    await designer.connect('kafka-source', 'filter');
    await designer.connect('filter', 'tumbling-window');
    await designer.connect('tumbling-window', 'kafka-sink');
    for (const [a, b] of [['kafka-source', 'filter'], ['filter', 'tumbling-window'], ['tumbling-window', 'kafka-sink']] as const) {
      await expect(designer.edge(a, b)).toHaveCount(1);
    }
    await designer.connect('tumbling-window', 'filter');
    await expect(designer.toast('Cannot connect these nodes')).toContainText("takes one input and already has 'kafka-source'");

    // The source reads the demo orders on event time.
    await designer.select('kafka-source');
    await designer.field('kafka-source', ['topic']).fill('orders');
    for (const [i, [name, type]] of [['category', 'string'], ['amount', 'double'], ['ts', 'timestamp']].entries()) {
      await designer.config.getByRole('button', { name: 'Add field' }).click();
      await designer.field('kafka-source', ['schema', i, 'name']).fill(name!);
      await designer.field('kafka-source', ['schema', i, 'type']).selectOption(type!);
    }
    await designer.field('kafka-source', ['startFrom']).selectOption({ label: 'earliest' });
    await designer.field('kafka-source', ['eventTime']).check();
    await designer.field('kafka-source', ['eventTime', 'field']).fill('ts');
    await designer.field('kafka-source', ['eventTime', 'maxOutOfOrderness']).fill('2s');
    await expect(designer.problemBadge('kafka-source')).toHaveCount(0);

    // A typo in the condition shows on the node and on the field; fixing it clears both.
    await designer.select('filter');
    await designer.field('filter', ['where']).fill("amount >= 10 AND categry <> 'test'");
    await expect(designer.problemBadge('filter')).toHaveAccessibleName('1 problem');
    await expect(designer.config).toContainText("line 1, column 18: unknown field `categry`");
    await shot(page, 'designer-config-error');
    await designer.field('filter', ['where']).fill("amount >= 10 AND category <> 'test'");
    await expect(designer.problemBadge('filter')).toHaveCount(0);

    // Revenue and order count per category per 10 s (short, so output comes soon).
    await designer.select('tumbling-window');
    await designer.field('tumbling-window', ['size']).fill('10s');
    await designer.config.getByRole('button', { name: 'Add group-by field' }).click();
    await designer.field('tumbling-window', ['keyBy', 0]).fill('category');
    await designer.field('tumbling-window', ['aggregates', 0, 'fn']).selectOption('sum');
    await designer.field('tumbling-window', ['aggregates', 0, 'field']).fill('amount');
    await designer.field('tumbling-window', ['aggregates', 0, 'as']).fill('revenue');
    await designer.config.getByRole('button', { name: 'Add aggregate' }).click();
    await designer.field('tumbling-window', ['aggregates', 1, 'as']).fill('orders');
    await expect(designer.config.getByRole('region', { name: 'Output schema' })).toContainText('revenue');

    await designer.select('kafka-sink');
    await designer.field('kafka-sink', ['topic']).fill(OUTPUT_TOPIC);
    await designer.config.getByRole('button', { name: 'Add key field' }).click();
    await designer.field('kafka-sink', ['key', 0]).fill('category');

    await designer.deselect();
    await designer.config.getByLabel('Name', { exact: true }).fill(PIPELINE);
    await designer.config.getByLabel('Description', { exact: true }).fill('Revenue per category per 10 seconds');
    await expect(designer.problemsTab).toContainText('0');
    await expect(designer.bottom).toContainText('No problems');
    // Each edge carries the schema flowing along it.
    await expect(page.getByTestId('edge-schema-filter->tumbling-window')).toHaveText('3 fields');

    // Auto-layout puts the chain on one row, left to right.
    await designer.tool('Auto-layout');
    await expect.poll(() => designer.rowOrder(['kafka-source', 'filter', 'tumbling-window', 'kafka-sink']), { timeout: 20_000 }).toBe('one row, left to right');
    await page.waitForTimeout(500);
    await shot(page, 'designer-canvas');
    await designer.sqlTab.click();
    await designer.bottom.getByRole('button', { name: 'Enlarge the panel' }).click();
    await expect(page.getByLabel('Compiled Flink SQL')).toContainText('INSERT INTO', { timeout: 20_000 });
    await expect(page.getByLabel('Compiled Flink SQL')).toContainText('TUMBLE');
    await page.getByLabel('Compiled Flink SQL').getByText('INSERT', { exact: true }).first().scrollIntoViewIfNeeded();
    await shot(page, 'designer-sql');
    await designer.bottom.getByRole('button', { name: 'Enlarge the panel' }).click();

    // Save (Ctrl+S): version 1, and the address names the pipeline.
    await page.keyboard.press('Control+s');
    await expect(designer.toast('Saved version 1')).toBeVisible();
    await expect(page).toHaveURL(/\/pipelines\/[^/]+$/);
    await expect(page).not.toHaveURL(/\/new$/);
    await expect(designer.saveStatus()).toHaveText('Saved · version 1');
    pipelineUrl = page.url();

    // Deploy on the embedded engine; Flink is offered beside it, enabled as the server says
    // (its cluster starts on the first Flink deploy, which this test does not make).
    await designer.toolbar.getByRole('button', { name: 'Deploy' }).click();
    const dialog = page.getByRole('dialog', { name: 'Deploy pipeline' });
    await expect(dialog.getByRole('radio', { name: /Embedded/ })).toBeChecked();
    const engines = (await (await page.request.get('/api/engines')).json()) as { engines: { name: string; available: boolean; reason: string | null }[] };
    expect(engines.engines.find((e) => e.name === 'flink')).toMatchObject({ available: true, reason: null });
    await expect(dialog.getByRole('radio', { name: /Flink/ })).toBeEnabled();
    await expect(dialog).toContainText('Runs on Apache Flink');
    await dialog.getByRole('button', { name: 'Deploy', exact: true }).click();
    const deployed = page.getByRole('dialog', { name: 'Deployed' });
    await expect(deployed).toBeVisible({ timeout: 30_000 });
    const jobLink = deployed.getByRole('link', { name: /Open the job/ });
    await expect(jobLink).toHaveAttribute('href', /^\/jobs\/.+/);
    const jobId = decodeURIComponent((await jobLink.getAttribute('href'))!.split('/').pop()!);
    await deployed.getByRole('button', { name: 'Close' }).first().click();

    // The job writes windows of revenue to the output topic.
    const records = await firstRecords(OUTPUT_TOPIC, 120_000);
    if (records.length === 0) {
      const jobs = (await (await page.request.get('/api/jobs')).json()) as { jobs: { id: string; state: string; error: unknown }[] };
      const job = jobs.jobs.find((j) => j.id === jobId);
      expect(records.length, `no record reached ${OUTPUT_TOPIC}; job ${jobId} is ${job?.state} (${JSON.stringify(job?.error)})`).toBeGreaterThan(0);
    }
    expect(Object.keys(records[0]!)).toEqual(['category', 'window_start', 'window_end', 'revenue', 'orders']);
  });

  test('undo and redo an edit, a deletion and a move', async ({ page }) => {
    const designer = new DesignerPage(page);
    await page.goto(pipelineUrl);
    await expect(designer.node('filter')).toBeVisible();

    await designer.select('filter');
    await designer.config.getByLabel('Label', { exact: true }).fill('Big orders');
    await expect(designer.node('filter')).toContainText('Big orders');
    await designer.deselect();
    await page.keyboard.press('Control+z');
    await expect(designer.node('filter')).not.toContainText('Big orders');
    await page.keyboard.press('Control+Shift+z');
    await expect(designer.node('filter')).toContainText('Big orders');

    // Delete removes the node with its edges; undo brings all back; Ctrl+Y redoes.
    await designer.select('filter');
    await designer.node('filter').focus();
    await page.keyboard.press('Delete');
    await expect(designer.node('filter')).toHaveCount(0);
    await expect(designer.edge('kafka-source', 'filter')).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(designer.node('filter')).toBeVisible();
    await expect(designer.edge('kafka-source', 'filter')).toHaveCount(1);
    await page.keyboard.press('Control+y');
    await expect(designer.node('filter')).toHaveCount(0);
    await designer.tool('Undo');
    await expect(designer.node('filter')).toBeVisible();

    // Copy and paste make new ids; the shortcuts help lists the keys.
    await designer.select('tumbling-window');
    await designer.node('tumbling-window').focus();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect(designer.node('tumbling-window-2')).toBeVisible();
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Paste copies with new ids');
    await page.keyboard.press('Escape');
  });

  test('export, import and export again give the same document', async ({ page }) => {
    const designer = new DesignerPage(page);
    await page.goto(pipelineUrl);
    await expect(designer.node('kafka-sink')).toBeVisible();

    const [download] = await Promise.all([page.waitForEvent('download'), designer.tool('Export JSON')]);
    expect(download.suggestedFilename()).toBe(`${PIPELINE}.json`);
    const exported = readFileSync((await download.path())!, 'utf8');
    const doc = JSON.parse(exported) as { name: string; nodes: { id: string }[]; edges: unknown[] };
    expect(doc.name).toBe(PIPELINE);
    expect(doc.nodes.map((n) => n.id)).toEqual(['kafka-source', 'filter', 'tumbling-window', 'kafka-sink']);

    await page.goto('/pipelines');
    await expect(page.getByRole('table', { name: 'Pipelines' }).getByRole('link', { name: PIPELINE })).toBeVisible();
    await shot(page, 'pipelines-list');
    await page.getByRole('button', { name: 'Import' }).click();
    const importDialog = page.getByRole('dialog', { name: 'Import a pipeline' });
    await importDialog.getByLabel('From a file').setInputFiles({ name: 'pipeline.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await expect(page).toHaveURL(/\/pipelines\/new$/);
    for (const n of doc.nodes) await expect(designer.node(n.id)).toBeVisible();
    await expect(designer.problemsTab).toContainText('0');

    const [again] = await Promise.all([page.waitForEvent('download'), designer.tool('Export JSON')]);
    expect(readFileSync((await again.path())!, 'utf8')).toBe(exported);

    // Pasted text that is not a pipeline is refused with the reason.
    await designer.tool('Import JSON');
    const paste = page.getByRole('dialog', { name: 'Import a pipeline' });
    await paste.getByLabel('Or paste the JSON').fill('{"version": 2, "nodes": [], "edges": []}');
    await paste.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(paste.getByRole('alert')).toHaveText('Version 2 is not supported; Weir reads pipeline format version 1.');
  });

  test('a second version shows as a diff on the canvas', async ({ page }) => {
    const designer = new DesignerPage(page);
    await page.goto(pipelineUrl);
    await designer.select('tumbling-window');
    await designer.field('tumbling-window', ['size']).fill('1m');
    await designer.select('kafka-sink');
    await designer.node('kafka-sink').focus();
    await page.keyboard.press('Delete');
    await designer.dragKind('Preview', 700, 500);
    await designer.connect('tumbling-window', 'preview-sink');
    await designer.tool('Auto-layout');
    await expect.poll(() => designer.rowOrder(['kafka-source', 'filter', 'tumbling-window', 'preview-sink']), { timeout: 20_000 }).toBe('one row, left to right');
    await designer.tool('Save');
    await expect(designer.saveStatus()).toHaveText(/Saved · version \d+/);

    await designer.tool('Version history');
    const drawer = page.getByRole('complementary', { name: 'Version history' });
    await expect(drawer.getByRole('list', { name: 'Versions' }).getByRole('listitem')).toHaveCount(2);
    await drawer.getByRole('button', { name: 'Show changes' }).click();
    const diff = page.getByRole('region', { name: 'Version diff canvas' });
    await expect(diff.locator('[data-status="changed"]')).toContainText('size');
    await expect(diff.locator('[data-status="added"]')).toContainText('Preview');
    await expect(diff.locator('[data-status="removed"]')).toContainText('kafka-sink');
    await expect(page.getByRole('complementary', { name: 'What changed' })).toContainText('config.size');
    await page.waitForTimeout(400);
    await shot(page, 'designer-version-diff');
    await page.getByRole('button', { name: 'Back to editing' }).click();
    await expect(designer.node('preview-sink')).toBeVisible();
    await expect(designer.node('kafka-sink')).toHaveCount(0);
  });

  test('a viewer cannot deploy', async ({ loginAs }) => {
    const { context, page } = await loginAs('viewer', `vera-${RUN}`);
    await page.goto(pipelineUrl);
    await expect(page.getByRole('banner').getByRole('button', { name: `Account: vera-${RUN} (viewer)` })).toBeVisible();
    const designer = new DesignerPage(page);
    await expect(designer.node('kafka-source')).toBeVisible();
    await expect(designer.toolbar.getByRole('button', { name: 'Deploy' })).toBeDisabled();
    await expect(designer.toolbar).toContainText('Your role cannot deploy');

    // The server refuses it too, whatever the browser shows.
    const id = new URL(pipelineUrl).pathname.split('/').pop()!;
    const refused = await context.request.post(`/api/pipelines/${id}/deploy`, { data: { engine: 'embedded' }, headers: CSRF });
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  });
});
