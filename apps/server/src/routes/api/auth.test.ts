import { readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiErrorBodySchema, AuditResponseSchema, SessionResponseSchema } from '@weir/protocol';
import { issueAdminLoginLink, loginUrlFile } from '../../login-link';
import { startTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const HOUR = 60 * 60 * 1000;

function errorOf(body: string) {
  return ApiErrorBodySchema.parse(JSON.parse(body)).error;
}

async function adminLink(app: TestApp) {
  const link = await issueAdminLoginLink(app.app, 'http://127.0.0.1:3000');
  if (!link) throw new Error('no link');
  return link;
}

describe('login links', () => {
  it('creates the first admin, writes the link to <dataDir>/login-url (0600), and logs in once', async () => {
    t = await startTestApp({ now: () => Date.UTC(2026, 0, 1) });
    const link = await adminLink(t);
    expect(link.url).toBe(`http://127.0.0.1:3000/login?token=${link.token}`);
    const file = loginUrlFile(t.dataDir);
    expect(readFileSync(file, 'utf8').trim()).toBe(link.url);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const first = await t.call(null, { method: 'POST', url: '/api/auth/login', payload: { token: link.token } });
    expect(first.statusCode).toBe(200);
    expect(SessionResponseSchema.parse(first.json()).user).toMatchObject({ name: 'admin', role: 'admin' });
    const cookie = first.cookies.find((c) => c.name === 'weir_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.maxAge).toBe(24 * 3600);

    const again = await t.call(null, { method: 'POST', url: '/api/auth/login', payload: { token: link.token } });
    expect(again.statusCode).toBe(401);
    expect(errorOf(again.body)).toMatchObject({ code: 'INVALID_LOGIN_TOKEN', message: expect.stringContaining('already been used') });
  });

  it('reuses the existing admin and issues nothing when asked only if there is none', async () => {
    t = await startTestApp();
    const a = await adminLink(t);
    const b = await adminLink(t);
    expect(b.token).not.toBe(a.token);
    expect(await issueAdminLoginLink(t.app, 'http://x', { onlyIfNoAdmin: true })).toBeNull();
    const admins = (await t.app.store.users.list()).filter((u) => u.role === 'admin');
    expect(admins.map((u) => u.name)).toEqual(['admin']);
    // Both links work, each once.
    for (const link of [a, b]) {
      expect((await t.call(null, { method: 'POST', url: '/api/auth/login', payload: { token: link.token } })).statusCode).toBe(200);
    }
  });

  it('refuses an unknown token and an expired one', async () => {
    let now = Date.UTC(2026, 0, 1);
    t = await startTestApp({ now: () => now });
    const bad = await t.call(null, { method: 'POST', url: '/api/auth/login', payload: { token: 'not-a-token' } });
    expect(bad.statusCode).toBe(401);
    expect(errorOf(bad.body)).toMatchObject({ code: 'INVALID_LOGIN_TOKEN', message: expect.stringContaining('not valid') });

    const link = await adminLink(t);
    now += 24 * HOUR;
    const late = await t.call(null, { method: 'POST', url: '/api/auth/login', payload: { token: link.token } });
    expect(late.statusCode).toBe(401);
    expect(errorOf(late.body).message).toContain('expired');
  });

  it('refuses a login without the CSRF header', async () => {
    t = await startTestApp();
    const link = await adminLink(t);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { token: link.token } });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res.body).code).toBe('CSRF_REJECTED');
    // The token was not spent by the refused attempt.
    expect((await t.call(null, { method: 'POST', url: '/api/auth/login', payload: { token: link.token } })).statusCode).toBe(200);
  });

  it('limits login attempts per client more strictly than other calls', async () => {
    t = await startTestApp({ config: { loginRateLimitMax: 3 } });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      codes.push((await t.call(null, { method: 'POST', url: '/api/auth/login', payload: { token: `guess-${i}` } })).statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 429]);
    expect((await t.call(null, { method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('answers /api/auth/me for the session, and 401 after logout', async () => {
    t = await startTestApp();
    const s = await t.login('operator', 'olga');
    const me = await t.call(s, { method: 'GET', url: '/api/auth/me' });
    expect(me.json()).toEqual({ user: { id: s.user.id, name: 'olga', role: 'operator' } });
    const out = await t.call(s, { method: 'POST', url: '/api/auth/logout' });
    expect(out.statusCode).toBe(200);
    expect(out.cookies.find((c) => c.name === 'weir_session')?.value).toBe('');
    const after = await t.call(s, { method: 'GET', url: '/api/auth/me' });
    expect(after.statusCode).toBe(401);
    expect(errorOf(after.body).code).toBe('UNAUTHENTICATED');
  });

  it('expires after the idle time, and each use moves the expiry on (sliding)', async () => {
    let now = Date.UTC(2026, 0, 1);
    t = await startTestApp({ now: () => now, config: { sessionIdleMs: 2 * HOUR } });
    const s = await t.login('viewer');
    now += 1.5 * HOUR;
    const used = await t.call(s, { method: 'GET', url: '/api/auth/me' });
    expect(used.statusCode).toBe(200);
    // The cookie is sent again with the new lifetime.
    expect(used.cookies.find((c) => c.name === 'weir_session')?.maxAge).toBe(2 * 3600);
    now += 1.5 * HOUR;
    expect((await t.call(s, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    now += 2 * HOUR;
    const expired = await t.call(s, { method: 'GET', url: '/api/auth/me' });
    expect(expired.statusCode).toBe(401);
    expect(errorOf(expired.body)).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('expired') });
  });

  it('refuses a forged cookie', async () => {
    t = await startTestApp();
    const res = await t.call({ user: { id: 'x', name: 'x', role: 'admin' }, cookie: 'weir_session=forged' }, { method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
  });

  it('refuses a mutation without the CSRF header even with a session', async () => {
    t = await startTestApp();
    const s = await t.login('admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res.body)).toMatchObject({ code: 'CSRF_REJECTED', message: expect.stringContaining('x-weir-csrf') });
  });

  it('writes login and logout to the audit log', async () => {
    t = await startTestApp();
    const admin = await t.login('admin', 'ada');
    await t.call(admin, { method: 'POST', url: '/api/auth/logout' });
    const again = await t.login('admin', 'ada2');
    const log = AuditResponseSchema.parse((await t.call(again, { method: 'GET', url: '/api/audit' })).json());
    const ada = log.entries.filter((e) => e.user?.name === 'ada').map((e) => e.action);
    expect(ada).toEqual(['auth.logout', 'auth.login']);
  });
});
