import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoginLink } from '@weir/protocol';
import type { WeirApp } from './app';

/** `<dataDir>/login-url`: the latest admin login link, readable by its owner only (e2e reads it). */
export function loginUrlFile(dataDir: string): string {
  return join(dataDir, 'login-url');
}

/**
 * A fresh one-time admin login link pointing at `baseUrl`, creating the first admin when
 * there is none; also written to `<dataDir>/login-url` with mode 0600. With
 * `onlyIfNoAdmin`, nothing happens (null) when an admin exists already.
 */
export async function issueAdminLoginLink(
  app: WeirApp,
  baseUrl: string,
  options: { onlyIfNoAdmin?: boolean } = {},
): Promise<LoginLink | null> {
  const link = await app.auth.adminLoginLink(baseUrl, options);
  if (!link) return null;
  const file = loginUrlFile(app.config.dataDir);
  mkdirSync(app.config.dataDir, { recursive: true });
  writeFileSync(file, `${link.url}\n`, { mode: 0o600 });
  // writeFileSync keeps the mode of a file that exists already.
  chmodSync(file, 0o600);
  return link;
}
