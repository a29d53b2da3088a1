import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../../api-error';
import { requireRole } from '../../services/auth/actor';
import { connect, connected, join, leave, listen, refused } from '../../routes/api/kafka/kafka-test-kit';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { allowedOrigins, isOriginAllowed, normalizeOrigin } from './socket-io';

let t: TestApp;
let base: string;
const sockets: Socket[] = [];
const opened: string[] = [];
const closed: string[] = [];
const EXTRA = 'https://weir.example.com';

beforeAll(async () => {
  t = await startTestApp({ env: { WEIR_ALLOWED_ORIGINS: `${EXTRA}, http://localhost:5173` } });
  t.app.live.onJoin('test-ops', {
    params: z.object({ topic: z.string() }),
    key: (p) => p.topic,
    authorize: (actor) => requireRole(actor, 'operator'),
    open(ctx) {
      opened.push(ctx.room);
      ctx.signal.addEventListener('abort', () => closed.push(ctx.room));
      if (ctx.params.topic === 'explode') throw new ApiError(404, 'NOT_FOUND', 'no such thing');
    },
  });
  base = await listen(t);
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t?.close();
});

function open(...args: Parameters<typeof connect>): Socket {
  const s = connect(...args);
  sockets.push(s);
  return s;
}

describe('the live socket handshake', () => {
  it('refuses a connection without a session, or with a forged one', async () => {
    const anonymous = await refused(open(base, null, { origin: base }));
    expect(anonymous.message).toBe('UNAUTHENTICATED');
    expect(anonymous.data?.code).toBe('UNAUTHENTICATED');
    const forged = await refused(open(base, { cookie: 'weir_session=forged', user: { id: 'x', name: 'x', role: 'admin' } }, { origin: base }));
    expect(forged.message).toBe('UNAUTHENTICATED');
  });

  it('refuses a browser on another origin, even with a valid session (cross-site WebSocket hijacking)', async () => {
    const session = await t.login('admin');
    const err = await refused(open(base, session, { origin: 'http://evil.example' }));
    expect(err).toBeInstanceOf(Error);
    const sameHostOtherPort = await refused(open(base, session, { origin: base.replace(/:\d+$/, ':1') }));
    expect(sameHostOtherPort).toBeInstanceOf(Error);
  });

  it("accepts the server's own origins, WEIR_ALLOWED_ORIGINS, and clients that send no Origin", async () => {
    const session = await t.login('viewer');
    await connected(open(base, session, { origin: base }));
    await connected(open(base, session, { origin: base.replace('127.0.0.1', 'localhost') }));
    await connected(open(base, session, { origin: EXTRA }));
    await connected(open(base, session));
  });
});

describe('rooms', () => {
  it('checks the role on every join, with the session read again', async () => {
    const session = await t.login('operator');
    const s = open(base, session, { origin: base });
    await connected(s);
    expect(await join(s, 'test-ops:a', { topic: 'a' })).toEqual({ ok: true, room: 'test-ops:a' });
    await t.app.store.users.setRole(session.user.id, 'viewer');
    const ack = await join(s, 'test-ops:b', { topic: 'b' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { required: 'operator', role: 'viewer' } } });
  });

  it('opens a shared room once, and closes it when the last member leaves or disconnects', async () => {
    const session = await t.login('admin');
    const a = open(base, session, { origin: base });
    const b = open(base, session, { origin: base });
    await Promise.all([connected(a), connected(b)]);
    await join(a, 'test-ops:shared', { topic: 'shared' });
    await join(b, 'test-ops:shared', { topic: 'shared' });
    expect(opened.filter((r) => r === 'test-ops:shared')).toHaveLength(1);
    await leave(a, 'test-ops:shared');
    expect(t.app.live.rooms()).toContain('test-ops:shared');
    b.disconnect();
    await expect.poll(() => closed.includes('test-ops:shared')).toBe(true);
    expect(t.app.live.rooms()).not.toContain('test-ops:shared');
  });

  it('refuses unknown rooms, params that do not name the room, and a failing open', async () => {
    const s = open(base, await t.login('admin'), { origin: base });
    await connected(s);
    expect(await join(s, 'nothing:here')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await join(s, 'test-ops:x', { topic: 'y' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await join(s, 'test-ops:x', { topic: 5 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await join(s, 'test-ops:explode', { topic: 'explode' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'no such thing' } });
    expect(t.app.live.rooms()).not.toContain('test-ops:explode');
    expect(await join(s, 'kafka-tail:!bad', { cluster: 'default', topic: 't' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('ends with the session: a join after logout is refused and the socket closed', async () => {
    const session = await t.login('admin');
    const s = open(base, session, { origin: base });
    await connected(s);
    const res = await t.call(session, { method: 'POST', url: '/api/auth/logout' });
    expect(res.statusCode).toBe(200);
    const gone = new Promise<void>((resolve) => s.once('disconnect', () => resolve()));
    expect(await join(s, 'test-ops:z', { topic: 'z' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await gone;
  });
});

describe('origins', () => {
  it("allows the server's own addresses on its port and the configured extra origins", () => {
    const allowed = allowedOrigins({ address: '127.0.0.1', family: 'IPv4', port: 3000 }, '127.0.0.1', ['https://Weir.Example.com:443/', 'nonsense']);
    expect([...allowed].sort()).toEqual(['http://127.0.0.1:3000', 'http://[::1]:3000', 'http://localhost:3000', 'https://weir.example.com']);
    expect(isOriginAllowed('http://localhost:3000', allowed)).toBe(true);
    expect(isOriginAllowed('http://localhost:3001', allowed)).toBe(false);
    expect(isOriginAllowed('null', allowed)).toBe(false);
    expect(normalizeOrigin('file:///etc/passwd')).toBeNull();
    expect([...allowedOrigins({ address: '10.0.0.5', family: 'IPv4', port: 80 }, '10.0.0.5', [])]).toContain('http://10.0.0.5:80');
  });
});
