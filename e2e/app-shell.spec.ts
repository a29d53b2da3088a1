import { expect, test } from './support/fixtures';
import { AppShell, NAV_ITEMS } from './pages/app-shell';
import { KafkaPage } from './pages/kafka-page';

test.describe('app shell', () => {
  test('opens on Pipelines with the navigation, and moves between pages without reloading', async ({ page }) => {
    const shell = new AppShell(page);
    await shell.open('/');
    await expect(page).toHaveURL(/\/pipelines$/);
    await expect(shell.heading).toHaveText('Pipelines');
    await expect(page.getByRole('heading', { name: 'No pipelines yet' })).toBeVisible();
    for (const item of NAV_ITEMS) await expect(shell.navLink(item)).toBeVisible();
    await expect(shell.navLink('Pipelines')).toHaveAttribute('aria-current', 'page');

    // A marker on window survives only if the app navigates in place.
    await page.evaluate(() => ((window as unknown as { weirMarker: number }).weirMarker = 1));
    await shell.navigateTo('Jobs');
    await expect(page).toHaveURL(/\/jobs$/);
    await expect(page.getByRole('heading', { name: 'No jobs yet' })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { weirMarker?: number }).weirMarker)).toBe(1);

    await page.goBack();
    await expect(shell.heading).toHaveText('Pipelines');
    await expect(page).toHaveTitle('Pipelines · Weir');
    expect(shell.consoleErrors).toEqual([]);
  });

  test('the theme toggle switches light and dark and remembers the choice', async ({ page }) => {
    const shell = new AppShell(page);
    await shell.open('/pipelines');
    const before = await shell.isDark();
    await shell.themeToggle.click();
    expect(await shell.isDark()).toBe(!before);
    await page.reload();
    await expect(shell.nav).toBeVisible();
    expect(await shell.isDark()).toBe(!before);
    await shell.themeToggle.click();
    expect(await shell.isDark()).toBe(before);
  });

  test('follows the system color scheme until a theme is chosen', async ({ browser }) => {
    // A context made in a test gets the admin's session like the default one (support/fixtures.ts).
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    const shell = new AppShell(page);
    await shell.open('/jobs');
    expect(await shell.isDark()).toBe(true);
    await context.close();
  });

  test('the health indicator says Kafka is connected', async ({ page }) => {
    const shell = new AppShell(page);
    await shell.open('/jobs');
    await expect(shell.health).toHaveText('Kafka connected');
  });

  test('an unknown address shows a not-found page inside the shell', async ({ page }) => {
    const shell = new AppShell(page);
    await shell.open('/no/such/page');
    await expect(shell.heading).toHaveText('Page not found');
    await shell.navigateTo('Kafka');
  });
});

test.describe('Kafka page', () => {
  test('shows the cluster overview with the demo topics', async ({ page }) => {
    const shell = new AppShell(page);
    await shell.open('/pipelines');
    await shell.navigateTo('Kafka');
    const kafka = new KafkaPage(page);
    await kafka.expectLoaded();
    await expect(kafka.stat('Brokers')).toHaveText(/^[1-9]\d*$/);
    await expect(kafka.stat('Controller')).toHaveText(/^\d+$/);
    for (const topic of ['orders', 'clicks', 'logs']) {
      await expect(kafka.topicRow(topic)).toBeVisible();
      await expect(kafka.topicRow(topic).getByRole('cell').nth(1)).toHaveText('3');
    }
    expect(shell.consoleErrors).toEqual([]);
  });

  test('lists internal topics only when asked', async ({ page }) => {
    const shell = new AppShell(page);
    await shell.open('/kafka');
    const kafka = new KafkaPage(page);
    await kafka.expectLoaded();
    await expect(kafka.topics.getByText('internal', { exact: true })).toHaveCount(0);
    await page.getByLabel('Show internal topics').check();
    // The demo producer's group commits nothing, so __consumer_offsets may not exist; the
    // count on the card always includes internal topics, so the list must match it.
    const total = Number(await kafka.stat('Topics').textContent());
    await expect(kafka.topics.locator('tbody tr')).toHaveCount(total);
  });
});
