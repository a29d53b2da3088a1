import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createKafka } from '@weir/kafka';
import { KafkaGroupPage } from './pages/kafka-group-page';
import { ADMIN_STATE_FILE, LOGIN_URL_FILE, REPO_ROOT } from './support/env';
import { KafkaPage } from './pages/kafka-page';
import { KafkaTopicPage } from './pages/kafka-topic-page';

// The e2e server's data dir depends on its port (e2e/support/env.ts); globalSetup spends the
// printed one-time link and leaves the admin session in ADMIN_STATE_FILE.
const ROOT = REPO_ROOT;
const SCREENSHOTS = `${ROOT}docs/screenshots/`;
const BROKERS = process.env.KAFKA_BROKERS ?? `127.0.0.1:${process.env.WEIR_E2E_KAFKA_PORT ?? 29092}`;
const CSRF = { 'x-weir-csrf': '1' };
const RUN = Date.now().toString(36);

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
test.use({ viewport: { width: 1440, height: 1000 } });

async function adminContext(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const printed = new URL(readFileSync(LOGIN_URL_FILE, 'utf8').trim());
  await page.goto(`/login${printed.search}`);
  const account = page.getByRole('banner').getByRole('button', { name: 'Account: admin (admin)' });
  const refused = page.getByRole('alert').filter({ hasText: 'INVALID_LOGIN_TOKEN' });
  await expect(account.or(refused)).toBeVisible();
  if (await account.isVisible()) {
    writeFileSync(ADMIN_STATE_FILE, JSON.stringify(await context.storageState()), { mode: 0o600 });
    return { context, page };
  }
  await context.close();
  expect(existsSync(ADMIN_STATE_FILE), 'the printed login link was spent by another spec, which left no .weir-e2e/admin-state.json').toBe(true);
  const saved = await browser.newContext({ storageState: JSON.parse(readFileSync(ADMIN_STATE_FILE, 'utf8')) as StorageState });
  return { context: saved, page: await saved.newPage() };
}

/** `weir datagen orders` as a person would run it, writing `count` records at `rate` per second. */
function datagen(topic: string, rate: number, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/cli/src/bin.ts', 'datagen', 'orders', '--topic', topic, '--rate', String(rate), '--count', String(count), '--brokers', BROKERS], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`weir datagen exited with ${code}: ${err.slice(-500)}`))));
  });
}

/** A consumer group that has read part of `topic`, committed, and left (Empty, offsets kept). */
async function groupThatRead(topic: string, groupId: string, messages: number): Promise<void> {
  const kafka = createKafka({ clientId: 'weir-e2e', brokers: BROKERS, logLevel: 'error', logSink: () => {} });
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const next = new Map<number, string>();
  let read = 0;
  await new Promise<void>((resolve) => {
    void consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        if (read >= messages) return;
        read++;
        next.set(partition, String(Number(message.offset) + 1));
        if (read === messages) resolve();
      },
    });
  });
  await consumer.commitOffsets([...next].map(([partition, offset]) => ({ topic, partition, offset })));
  await consumer.disconnect();
}

test.describe.serial('the Kafka console', () => {
  const topic = `e2e-console-${RUN}`;
  const group = `e2e-console-group-${RUN}`;
  let admin: { context: BrowserContext; page: Page };

  test.beforeAll(async ({ browser }) => {
    admin = await adminContext(browser);
  });
  test.afterAll(async () => admin?.context.close());

  test('creates a topic from the overview', async () => {
    const { page } = admin;
    await page.goto('/kafka');
    const kafka = new KafkaPage(page);
    await kafka.expectLoaded();
    await kafka.createTopic(topic, 3);
    await page.getByRole('tab', { name: 'Partitions (3)' }).click();
    await expect(page.getByRole('table', { name: 'Partitions' }).locator('tbody tr')).toHaveCount(3);
  });

  test('produces a message and shows it', async () => {
    const topicPage = new KafkaTopicPage(admin.page);
    await topicPage.open(topic);
    await topicPage.produce({ key: 'hello-key', value: '{"greeting": "hello from e2e", "amount": 1}' });
    await expect(admin.page.getByText('Message produced')).toBeVisible();
    await topicPage.readNewest();
    const row = topicPage.rows('Messages').filter({ hasText: 'hello-key' });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('hello from e2e');
    await row.click();
    await expect(admin.page.locator('pre').filter({ hasText: '"greeting": "hello from e2e"' })).toBeVisible();
  });

  test('tails the topic while weir datagen writes to it', async () => {
    const topicPage = new KafkaTopicPage(admin.page);
    await topicPage.open(topic);
    await topicPage.mode('Live tail').click();
    await admin.page.getByRole('button', { name: 'Start tail' }).click();
    await expect(admin.page.getByText('Waiting for new messages…')).toBeVisible();
    const writing = datagen(topic, 50, 200);
    await expect(topicPage.rows('Live tail').first()).toBeVisible({ timeout: 30_000 });
    await writing;
    await expect(topicPage.tailStats).toHaveText(/^200 received/, { timeout: 30_000 });
    await expect(topicPage.rows('Live tail')).toHaveCount(200);
    await admin.page.screenshot({ path: `${SCREENSHOTS}kafka-tail.png` });
    await admin.page.getByRole('button', { name: 'Pause' }).click();
    await expect(topicPage.tailStats).toContainText('paused');
  });

  test('searches with a filter and shows only the matches', async () => {
    const topicPage = new KafkaTopicPage(admin.page);
    await topicPage.open(topic);
    await topicPage.search("category = 'toys' AND amount > 50");
    await expect(topicPage.searchProgress).toContainText('Searched the whole range', { timeout: 30_000 });
    const progress = (await topicPage.searchProgress.textContent()) ?? '';
    expect(progress).toMatch(/Scanned 201 of 201/);
    const matched = Number(/matched (\d+)/.exec(progress)?.[1]);
    expect(matched).toBeGreaterThan(0);
    const rows = topicPage.rows('Search results');
    await expect(rows).toHaveCount(matched);
    for (const text of await rows.allTextContents()) {
      expect(text).toContain('"category": "toys"');
      expect(Number(/"amount": ([\d.]+)/.exec(text)?.[1])).toBeGreaterThan(50);
    }
    await admin.page.screenshot({ path: `${SCREENSHOTS}kafka-search.png` });
  });

  test("resets a group's offsets after the preview", async () => {
    await groupThatRead(topic, group, 120);
    const groupPage = new KafkaGroupPage(admin.page);
    await groupPage.open(group);
    await expect(admin.page.getByLabel('Group figures')).toContainText('Empty');
    await expect(groupPage.chart).toBeVisible();
    await groupPage.resetButton.click();
    await groupPage.dialog.getByLabel('Reset to').selectOption('earliest');
    await groupPage.dialog.getByRole('button', { name: 'Preview' }).click();
    const preview = groupPage.preview();
    await expect(preview.locator('tbody tr')).toHaveCount(3);
    for (const cell of await preview.locator('tbody tr td:nth-child(4)').allTextContents()) expect(cell).toBe('0');
    await admin.page.screenshot({ path: `${SCREENSHOTS}kafka-reset-preview.png` });
    await groupPage.dialog.getByRole('button', { name: 'Apply reset' }).click();
    await expect(admin.page.getByText(`Offsets of ${group} reset`)).toBeVisible();
    await admin.page.getByRole('button', { name: 'Refresh group' }).click();
    await expect(groupPage.committed()).toHaveText(['0', '0', '0']);
  });

  test('refuses a viewer produce and reset, in the page and in the API', async ({ browser }) => {
    const name = `vera-${RUN}`;
    const res = await admin.context.request.post('/api/users', { data: { name, role: 'viewer' }, headers: CSRF });
    expect(res.status(), await res.text()).toBe(200);
    const { login } = (await res.json()) as { login: { url: string } };
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`/login${new URL(login.url).search}`);
    await expect(page.getByRole('banner').getByRole('button', { name: `Account: ${name} (viewer)` })).toBeVisible();

    const topicPage = new KafkaTopicPage(page);
    await topicPage.open(topic);
    await expect(topicPage.produceButton).toBeDisabled();
    await expect(page.getByText('Needs the operator role').first()).toBeVisible();
    const produced = await context.request.post(`/api/kafka/clusters/default/topics/${topic}/messages`, { data: { value: 'x' }, headers: CSRF });
    expect(produced.status()).toBe(403);

    const groupPage = new KafkaGroupPage(page);
    await groupPage.open(group);
    await expect(groupPage.resetButton).toBeDisabled();
    await expect(page.getByText('Needs the admin role')).toBeVisible();
    const reset = await context.request.post(`/api/kafka/clusters/default/groups/${group}/reset-offsets`, { data: { topic, to: { kind: 'latest' } }, headers: CSRF });
    expect(reset.status()).toBe(403);
    expect(((await reset.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    await context.close();
  });
});
