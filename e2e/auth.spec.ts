import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type BrowserContext } from '@playwright/test';

// playwright.config.ts starts `weir up --data-dir .weir-e2e`, which writes the login link it
// prints to <dataDir>/login-url (mode 0600). The link works once: whichever spec opens it
// first spends it and leaves the admin's session in .weir-e2e/admin-state.json for the others
// (the convention designer.spec.ts follows too).
const DATA_DIR = fileURLToPath(new URL('../.weir-e2e/', import.meta.url));
const LOGIN_URL_FILE = `${DATA_DIR}login-url`;
const ADMIN_STATE_FILE = `${DATA_DIR}admin-state.json`;

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
let adminState: StorageState | undefined;

function accountButton(page: import('@playwright/test').Page, name: string, role: string) {
  return page.getByRole('banner').getByRole('button', { name: `Account: ${name} (${role})` });
}

test.describe.serial('logging in with a one-time link', () => {
  test('the link weir up printed logs the admin in, and works only once', async ({ page, browser }) => {
    const url = readFileSync(LOGIN_URL_FILE, 'utf8').trim();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/login\?token=[A-Za-z0-9_-]{43}$/);

    await page.goto(url);
    const account = accountButton(page, 'admin', 'admin');
    const refused = page.getByRole('alert').filter({ hasText: 'INVALID_LOGIN_TOKEN' });
    await expect(account.or(refused)).toBeVisible();
    if (await refused.isVisible()) {
      // A spec that ran before this one spent the link; it must have left the admin's session.
      expect(existsSync(ADMIN_STATE_FILE), 'the printed link was spent by another spec, which left no .weir-e2e/admin-state.json').toBe(true);
      adminState = JSON.parse(readFileSync(ADMIN_STATE_FILE, 'utf8')) as StorageState;
      return;
    }
    // The token leaves the address bar once spent.
    await expect(page).not.toHaveURL(/token=/);
    adminState = await page.context().storageState();
    writeFileSync(ADMIN_STATE_FILE, JSON.stringify(adminState), { mode: 0o600 });
    const cookie = adminState.cookies.find((c) => c.name === 'weir_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

    const other = await browser.newContext();
    const again = await other.newPage();
    await again.goto(url);
    await expect(again.getByRole('alert')).toContainText('Could not log in');
    await expect(again.getByRole('alert')).toContainText('INVALID_LOGIN_TOKEN');
    await other.close();
  });

  test("a link an admin makes logs a new user in, and the shell shows their name and role", async ({ browser }) => {
    expect(adminState, 'the first test logs the admin in').toBeDefined();
    const admin = await browser.newContext({ storageState: adminState });
    const name = `olga-${Date.now().toString(36)}`;
    const res = await admin.request.post('/api/users', { data: { name, role: 'operator' }, headers: { 'x-weir-csrf': '1' } });
    expect(res.status(), await res.text()).toBe(200);
    const { login } = (await res.json()) as { login: { url: string } };
    await admin.close();

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(login.url);
    await expect(accountButton(page, name, 'operator')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await context.close();
  });

  test('a bad token shows an error a person can act on', async ({ page }) => {
    await page.goto('/login?token=not-a-real-token');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Could not log in');
    await expect(alert).toContainText('INVALID_LOGIN_TOKEN');
    await expect(page.getByRole('banner').getByRole('button', { name: /^Account:/ })).toHaveCount(0);
  });

  test('the API refuses calls without a session', async ({ request }) => {
    const res = await request.get('/api/pipelines');
    expect(res.status()).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  });
});
