import { LIVE_EVENTS, LiveAckSchema, type LiveAck } from '@weir/protocol';
import { io, type Socket } from 'socket.io-client';

/**
 * The browser's side of the live socket (docs/kafka-console.md): one socket.io connection per
 * tab, same origin, WebSocket only; the session cookie authenticates it. Rooms are joined and
 * left by name; every room's events arrive on this one socket and carry their `room`.
 */
let socket: Socket | null = null;

export function liveSocket(): Socket {
  socket ??= io({ path: '/socket.io', transports: ['websocket'], withCredentials: true });
  return socket;
}

export type LiveStatus =
  | { state: 'connecting' }
  | { state: 'live' }
  | { state: 'closed'; code: string; message: string }
  | { state: 'error'; code: string; message: string };

export type LiveHandler = (payload: never) => void;

export interface RoomOptions {
  room: string;
  params?: unknown;
  handlers: Record<string, LiveHandler>;
  onStatus?(status: LiveStatus): void;
  /** Join again after a reconnect (rooms watching state); false for one-shot rooms (a search). */
  rejoin?: boolean;
}

/** A random room key of the kind private rooms (tails, searches) need. */
export function roomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Joins a room and routes its events to `handlers` until the returned function is called,
 * which leaves it. Events the server sends with an acknowledgement are acknowledged after
 * the handler ran, so a busy page slows the sender rather than drowning.
 */
export function joinRoom(options: RoomOptions, s: Socket = liveSocket()): () => void {
  const { room } = options;
  let active = true;
  const status = (st: LiveStatus) => {
    if (active) options.onStatus?.(st);
  };
  const join = () => {
    status({ state: 'connecting' });
    s.timeout(15_000).emit(LIVE_EVENTS.join, { room, params: options.params }, (err: Error | null, raw: unknown) => {
      if (err) return status({ state: 'error', code: 'TIMEOUT', message: 'The server did not answer in time.' });
      const ack: LiveAck = LiveAckSchema.parse(raw);
      status(ack.ok ? { state: 'live' } : { state: 'error', code: ack.error.code, message: ack.error.message });
    });
  };
  const offs = Object.entries(options.handlers).map(([event, handler]) => {
    const on = (payload: { room?: string }, ack?: () => void) => {
      if (payload?.room !== room) return;
      try {
        if (active) handler(payload as never);
      } finally {
        ack?.();
      }
    };
    s.on(event, on);
    return () => s.off(event, on);
  });
  const onClosed = (e: { room: string; code: string; message: string }) => {
    if (e.room === room) status({ state: 'closed', code: e.code, message: e.message });
  };
  const onConnectError = (err: Error & { data?: { code?: string; message?: string } }) =>
    status({ state: 'error', code: err.data?.code ?? 'UNREACHABLE', message: err.data?.message ?? 'The live connection failed; retrying.' });
  const onDisconnect = () => status({ state: 'connecting' });
  const onConnect = () => {
    if (options.rejoin !== false) join();
  };
  s.on(LIVE_EVENTS.closed, onClosed);
  s.on('connect_error', onConnectError);
  s.on('disconnect', onDisconnect);
  s.on('connect', onConnect);
  if (s.connected) join();
  else if (options.rejoin === false) s.once('connect', join);
  return () => {
    active = false;
    for (const off of offs) off();
    s.off(LIVE_EVENTS.closed, onClosed);
    s.off('connect_error', onConnectError);
    s.off('disconnect', onDisconnect);
    s.off('connect', onConnect);
    s.off('connect', join);
    if (s.connected) s.emit(LIVE_EVENTS.leave, { room });
  };
}
