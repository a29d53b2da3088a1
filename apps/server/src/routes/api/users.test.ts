import { afterEach, describe, expect, it } from 'vitest';
import { ApiErrorBodySchema, AuditResponseSchema, UserLoginLinkResponseSchema, UsersResponseSchema } from '@weir/protocol';
import { startTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function errorOf(body: string) {
  return ApiErrorBodySchema.parse(JSON.parse(body)).error;
}

describe('users (admin)', () => {
  it('creates a user with a role and a one-time link that logs them in once', async () => {
    t = await startTestApp();
    const admin = await t.login('admin', 'ada');
    const res = await t.call(admin, { method: 'POST', url: '/api/users', payload: { name: 'vic', role: 'viewer' }, headers: { host: 'weir.example:3000' } });
    expect(res.statusCode, res.body).toBe(200);
    const created = UserLoginLinkResponseSchema.parse(res.json());
    expect(created.user).toMatchObject({ name: 'vic', role: 'viewer' });
    expect(created.login.url).toBe(`http://weir.example:3000/login?token=${created.login.token}`);
    const login = await t.call(null, { method: 'POST', url: '/api/auth/login', payload: { token: created.login.token } });
    expect(login.json()).toEqual({ user: { id: created.user.id, name: 'vic', role: 'viewer' } });
    expect((await t.call(null, { method: 'POST', url: '/api/auth/login', payload: { token: created.login.token } })).statusCode).toBe(401);

    const list = UsersResponseSchema.parse((await t.call(admin, { method: 'GET', url: '/api/users' })).json());
    expect(list.users.map((u) => [u.name, u.role])).toEqual([['ada', 'admin'], ['vic', 'viewer']]);
    const dup = await t.call(admin, { method: 'POST', url: '/api/users', payload: { name: 'vic', role: 'operator' } });
    expect(dup.statusCode).toBe(409);
    expect(errorOf(dup.body).code).toBe('NAME_TAKEN');
  });

  it('changes roles with immediate effect, and issues new links for existing users', async () => {
    t = await startTestApp();
    const admin = await t.login('admin');
    const vic = await t.login('viewer', 'vic');
    const patched = await t.call(admin, { method: 'PATCH', url: `/api/users/${vic.user.id}`, payload: { role: 'operator' } });
    expect(patched.json()).toMatchObject({ id: vic.user.id, role: 'operator' });
    expect((await t.call(vic, { method: 'GET', url: '/api/auth/me' })).json()).toMatchObject({ user: { role: 'operator' } });

    const link = UserLoginLinkResponseSchema.parse((await t.call(admin, { method: 'POST', url: `/api/users/${vic.user.id}/login-link` })).json());
    expect((await t.call(null, { method: 'POST', url: '/api/auth/login', payload: { token: link.login.token } })).json()).toMatchObject({ user: { name: 'vic' } });
    expect((await t.call(admin, { method: 'POST', url: '/api/users/nobody/login-link' })).statusCode).toBe(404);
  });

  it('deletes a user and ends their sessions', async () => {
    t = await startTestApp();
    const admin = await t.login('admin');
    const olga = await t.login('operator', 'olga');
    expect((await t.call(admin, { method: 'DELETE', url: `/api/users/${olga.user.id}` })).statusCode).toBe(200);
    expect((await t.call(olga, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await t.call(admin, { method: 'DELETE', url: `/api/users/${olga.user.id}` })).statusCode).toBe(404);
  });

  it('never leaves the server without an admin (409 LAST_ADMIN)', async () => {
    t = await startTestApp();
    const admin = await t.login('admin', 'ada');
    const demote = await t.call(admin, { method: 'PATCH', url: `/api/users/${admin.user.id}`, payload: { role: 'operator' } });
    expect(demote.statusCode).toBe(409);
    expect(errorOf(demote.body)).toMatchObject({ code: 'LAST_ADMIN', message: expect.stringContaining('ada') });
    expect((await t.call(admin, { method: 'DELETE', url: `/api/users/${admin.user.id}` })).statusCode).toBe(409);
    const second = await t.login('admin', 'bea');
    expect((await t.call(second, { method: 'DELETE', url: `/api/users/${admin.user.id}` })).statusCode).toBe(200);
  });

  it('is admin-only: an operator and a viewer get 403 naming the admin role', async () => {
    t = await startTestApp();
    const admin = await t.login('admin');
    for (const role of ['viewer', 'operator'] as const) {
      const s = await t.login(role);
      for (const [method, url, payload] of [
        ['GET', '/api/users', undefined],
        ['POST', '/api/users', { name: `x-${role}`, role: 'admin' }],
        ['PATCH', `/api/users/${admin.user.id}`, { role: 'viewer' }],
        ['DELETE', `/api/users/${admin.user.id}`, undefined],
        ['POST', `/api/users/${admin.user.id}/login-link`, undefined],
        ['GET', '/api/audit', undefined],
      ] as const) {
        const res = await t.call(s, { method, url, ...(payload ? { payload } : {}) });
        expect(res.statusCode, `${role} ${method} ${url}`).toBe(403);
        expect(errorOf(res.body)).toMatchObject({ code: 'FORBIDDEN', details: { required: 'admin', role } });
      }
    }
  });

  it('audits user changes with the admin who made them', async () => {
    t = await startTestApp();
    const admin = await t.login('admin', 'ada');
    const created = UserLoginLinkResponseSchema.parse((await t.call(admin, { method: 'POST', url: '/api/users', payload: { name: 'vic', role: 'viewer' } })).json());
    const id = created.user.id;
    await t.call(admin, { method: 'POST', url: `/api/users/${id}/login-link` });
    await t.call(admin, { method: 'PATCH', url: `/api/users/${id}`, payload: { role: 'operator' } });
    await t.call(admin, { method: 'DELETE', url: `/api/users/${id}` });
    const log = AuditResponseSchema.parse((await t.call(admin, { method: 'GET', url: '/api/audit' })).json());
    const rows = log.entries.filter((e) => e.target === `user:${id}`);
    expect(rows.map((e) => [e.action, e.user?.name])).toEqual([
      ['user.delete', 'ada'], ['user.update', 'ada'], ['user.login-link', 'ada'], ['user.create', 'ada'],
    ]);
    expect(rows[1]!.details).toEqual({ name: 'vic', role: { before: 'viewer', after: 'operator' } });
    // The token itself never reaches the log.
    expect(JSON.stringify(log)).not.toContain(created.login.token);
  });
});
