import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { loginUrlFile } from './login-link';
import { startServer, type RunningServer } from './main';

let server: RunningServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  server = undefined;
  dir = undefined;
});

describe('startServer', () => {
  it('hands out admin login links to itself, and logs in with them over HTTP', async () => {
    dir = mkdtempSync(join(tmpdir(), 'weir-main-'));
    server = await startServer(loadConfig({}, { port: 0, dataDir: dir, webDir: join(dir, 'no-web'), logLevel: 'silent' }));
    const link = await server.issueAdminLoginLink();
    expect(link?.url).toMatch(new RegExp(`^${server.url}/login\\?token=`));
    expect(readFileSync(loginUrlFile(dir), 'utf8')).toBe(`${link!.url}\n`);
    expect(await server.issueAdminLoginLink({ onlyIfNoAdmin: true })).toBeNull();

    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-weir-csrf': '1' },
      body: JSON.stringify({ token: link!.token }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^weir_session=[^;]+; Max-Age=86400; Path=\/; HttpOnly; SameSite=Strict$/);
    const me = await fetch(`${server.url}/api/auth/me`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(await me.json()).toMatchObject({ user: { name: 'admin', role: 'admin' } });
  });
});
