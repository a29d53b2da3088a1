import { randomUUID } from 'node:crypto';
import { test as base, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { UserLoginLinkResponseSchema, type Role, type User } from '@weir/protocol';
import { ADMIN_STATE_FILE } from './env';
import { CSRF, logIn, NO_SESSION } from './session';

export { expect } from '@playwright/test';
export { CSRF, NO_SESSION } from './session';
export { ADMIN_STATE_FILE } from './env';

/** A user logged in in their own browser context; the fixture closes it after the test. */
export interface LoggedIn {
  user: User;
  context: BrowserContext;
  page: Page;
}

export interface WeirFixtures {
  /** REST calls as the admin, with the CSRF header on every request. */
  api: APIRequestContext;
  /** Creates a user with `role` (a unique name unless given) and logs them in through the API. */
  loginAs: (role: Role, name?: string) => Promise<LoggedIn>;
}

/**
 * The specs' `test`: `page`, `context`, `request` and every `browser.newContext()` are the
 * admin's (globalSetup saved the session) unless a spec says otherwise with
 * `test.use({ storageState: NO_SESSION })` or a context option of its own.
 */
export const test = base.extend<WeirFixtures>({
  storageState: ADMIN_STATE_FILE,

  api: async ({ playwright, baseURL }, use) => {
    const api = await playwright.request.newContext({ baseURL, storageState: ADMIN_STATE_FILE, extraHTTPHeaders: CSRF });
    await use(api);
    await api.dispose();
  },

  loginAs: async ({ browser, api }, use) => {
    const opened: BrowserContext[] = [];
    await use(async (role, name = `${role}-${randomUUID().slice(0, 8)}`) => {
      const res = await api.post('/api/users', { data: { name, role } });
      if (!res.ok()) throw new Error(`POST /api/users (${name}, ${role}) answered ${res.status()}: ${await res.text()}`);
      const { user, login } = UserLoginLinkResponseSchema.parse(await res.json());
      const context = await browser.newContext({ storageState: NO_SESSION });
      opened.push(context);
      await logIn(context.request, login.token);
      return { user: { id: user.id, name: user.name, role: user.role }, context, page: await context.newPage() };
    });
    for (const context of opened) await context.close();
  },
});
