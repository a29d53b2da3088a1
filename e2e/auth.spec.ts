import { readFileSync, statSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { SessionResponseSchema, UserLoginLinkResponseSchema } from '@weir/protocol';
import { LOGIN_URL_FILE, PORT } from './support/env';
import { expect, NO_SESSION, test } from './support/fixtures';

// These tests are about logging in: their browser starts without the admin's session.
// `api` is still the admin, who makes the links. The link `weir up` printed was spent by
// globalSetup (it works once), so the login page is tested with links the admin makes.
test.use({ storageState: NO_SESSION });

function accountButton(page: Page, name: string, role: string) {
  return page.getByRole('banner').getByRole('button', { name: `Account: ${name} (${role})` });
}

test.describe('logging in with a one-time link', () => {
  test('weir up writes the link it prints to <dataDir>/login-url, for its owner only, and the link works once', async ({ page }) => {
    const url = readFileSync(LOGIN_URL_FILE, 'utf8').trim();
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${PORT}/login\\?token=[A-Za-z0-9_-]{43}$`));
    expect(statSync(LOGIN_URL_FILE).mode & 0o777).toBe(0o600);

    // globalSetup logged the admin in with it: a second use is refused.
    await page.goto(url);
    await expect(page.getByRole('alert')).toContainText('Could not log in');
    await expect(page.getByRole('alert')).toContainText('INVALID_LOGIN_TOKEN');
  });

  test('a link the admin makes logs them in on the login page, and works only once', async ({ page, api, browser }) => {
    const me = SessionResponseSchema.parse(await (await api.get('/api/auth/me')).json()).user;
    const res = await api.post(`/api/users/${me.id}/login-link`);
    expect(res.status(), await res.text()).toBe(200);
    const { login } = UserLoginLinkResponseSchema.parse(await res.json());

    await page.goto(login.url);
    await expect(accountButton(page, me.name, 'admin')).toBeVisible();
    // The token leaves the address bar once spent.
    await expect(page).not.toHaveURL(/token=/);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'weir_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

    const other = await browser.newContext({ storageState: NO_SESSION });
    const again = await other.newPage();
    await again.goto(login.url);
    await expect(again.getByRole('alert')).toContainText('Could not log in');
    await expect(again.getByRole('alert')).toContainText('INVALID_LOGIN_TOKEN');
    await other.close();
  });

  test('a link an admin makes logs a new user in, and the shell shows their name and role', async ({ page, api }) => {
    const name = `olga-${Date.now().toString(36)}`;
    const res = await api.post('/api/users', { data: { name, role: 'operator' } });
    expect(res.status(), await res.text()).toBe(200);
    const { login } = UserLoginLinkResponseSchema.parse(await res.json());

    await page.goto(login.url);
    await expect(accountButton(page, name, 'operator')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
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
