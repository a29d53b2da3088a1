import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { request, type FullConfig } from '@playwright/test';
import { ADMIN_STATE_FILE, BASE_URL, LOGIN_URL_FILE } from './env';
import { logIn, tokenOf } from './session';

/**
 * Runs once, after the webServer (`weir up`) is up: spends the admin link `weir up` wrote to
 * <dataDir>/login-url and saves the admin's session for the specs (e2e/support/fixtures.ts).
 * The link works once, so no spec opens it; auth.spec.ts tests the login page with links
 * the admin makes.
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  if (!existsSync(LOGIN_URL_FILE)) throw new Error(`${LOGIN_URL_FILE} is missing: weir up writes it before it says "Weir is running at".`);
  const baseURL = config.projects[0]?.use.baseURL ?? BASE_URL;
  const api = await request.newContext({ baseURL });
  try {
    const user = await logIn(api, tokenOf(readFileSync(LOGIN_URL_FILE, 'utf8').trim()));
    if (user.role !== 'admin') throw new Error(`the printed login link logged in ${user.name}, a ${user.role}, not an admin`);
    await api.storageState({ path: ADMIN_STATE_FILE });
    // Holds a live admin session: as private as the login link it came from.
    chmodSync(ADMIN_STATE_FILE, 0o600);
  } finally {
    await api.dispose();
  }
}
