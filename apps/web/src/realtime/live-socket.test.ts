import { LIVE_EVENTS } from '@weir/protocol';
import { describe, expect, it } from 'vitest';
import { joinRoom, roomKey, type LiveStatus } from './live-socket';
import { asSocket, MemorySocket } from './memory-socket.test-util';

describe('joinRoom', () => {
  it('joins once connected, routes only its own room’s events, and acknowledges after the handler', () => {
    const s = new MemorySocket();
    const statuses: LiveStatus[] = [];
    const got: unknown[] = [];
    const leave = joinRoom({ room: 'job:a', params: { jobId: 'a' }, handlers: { 'job:snapshot': (p: never) => got.push(p) }, onStatus: (st) => statuses.push(st) }, asSocket(s));
    expect(s.joins()).toBe(0);
    s.connect();
    expect(s.sent[0]).toEqual({ event: LIVE_EVENTS.join, payload: { room: 'job:a', params: { jobId: 'a' } } });
    expect(statuses.map((x) => x.state)).toEqual(['connecting', 'live']);

    const acks: string[] = [];
    s.deliver('job:snapshot', { room: 'job:b', n: 1 }, () => acks.push('b'));
    s.deliver('job:snapshot', { room: 'job:a', n: 2 }, () => acks.push(`a after ${got.length}`));
    expect(got).toEqual([{ room: 'job:a', n: 2 }]);
    // The other room's event is not for this subscriber: only its own subscriber acknowledges it.
    expect(acks).toEqual(['a after 1']);

    leave();
    expect(s.sent.at(-1)).toEqual({ event: LIVE_EVENTS.leave, payload: { room: 'job:a' } });
    s.deliver('job:snapshot', { room: 'job:a', n: 3 });
    expect(got).toHaveLength(1);
    expect(s.count('job:snapshot') + s.count('connect') + s.count('disconnect') + s.count('connect_error') + s.count(LIVE_EVENTS.closed)).toBe(0);
  });

  it('rejoins after a reconnect and reports the connection in between', () => {
    const s = new MemorySocket();
    s.connected = true;
    const statuses: string[] = [];
    joinRoom({ room: 'jobs:all', handlers: {}, onStatus: (st) => statuses.push(st.state) }, asSocket(s));
    s.drop();
    s.connect();
    expect(s.joins()).toBe(2);
    expect(statuses).toEqual(['connecting', 'live', 'connecting', 'connecting', 'live']);
  });

  it('joins a one-shot room once: not again after a reconnect', () => {
    const s = new MemorySocket();
    joinRoom({ room: 'search:x', handlers: {}, rejoin: false }, asSocket(s));
    s.connect();
    s.drop();
    s.connect();
    expect(s.joins()).toBe(1);
  });

  it('reports a refused join, a timeout, a closed room and a refused handshake with their codes', () => {
    const s = new MemorySocket();
    s.connected = true;
    s.server = (_e, p) => ({ ok: false, room: p.room, error: { code: 'FORBIDDEN', message: 'The operator role is needed.' } });
    let last: LiveStatus | null = null;
    joinRoom({ room: 'job:a', handlers: {}, onStatus: (st) => (last = st) }, asSocket(s));
    expect(last).toEqual({ state: 'error', code: 'FORBIDDEN', message: 'The operator role is needed.' });

    s.deliver(LIVE_EVENTS.closed, { room: 'job:other', code: 'GONE', message: 'x' });
    expect(last!.state).toBe('error');
    s.deliver(LIVE_EVENTS.closed, { room: 'job:a', code: 'NOT_FOUND', message: 'The job is gone.' });
    expect(last).toEqual({ state: 'closed', code: 'NOT_FOUND', message: 'The job is gone.' });

    s.deliver('connect_error', Object.assign(new Error('UNAUTHENTICATED'), { data: { code: 'UNAUTHENTICATED', message: 'Log in first.' } }));
    expect(last).toEqual({ state: 'error', code: 'UNAUTHENTICATED', message: 'Log in first.' });

    s.answer = false;
    s.connect();
    expect(last).toMatchObject({ state: 'error', code: 'TIMEOUT' });
  });

  it('says nothing after it was left, even when a late answer arrives', () => {
    const s = new MemorySocket();
    s.connected = true;
    let pending: (() => void) | null = null;
    s.timeout = () => ({
      emit: (_e: string, p: { room: string }, cb: (err: Error | null, raw?: unknown) => void) => void (pending = () => cb(null, { ok: true, room: p.room })),
    });
    const statuses: string[] = [];
    const leave = joinRoom({ room: 'job:a', handlers: {}, onStatus: (st) => statuses.push(st.state) }, asSocket(s));
    leave();
    pending!();
    expect(statuses).toEqual(['connecting']);
  });
});

describe('roomKey', () => {
  it('is 24 hex digits, new each time', () => {
    const a = roomKey();
    expect(a).toMatch(/^[0-9a-f]{24}$/);
    expect(roomKey()).not.toBe(a);
  });
});
