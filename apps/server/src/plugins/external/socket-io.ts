import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import fp from 'fastify-plugin';
import { Server, type Socket } from 'socket.io';
import type { z } from 'zod';
import { LIVE_EVENTS, LiveJoinRequestSchema, LiveLeaveRequestSchema, type LiveAck } from '@weir/protocol';
import { ApiError, isApiError } from '../../api-error';
import type { Actor } from '../../services/auth/actor';
import { SESSION_COOKIE } from '../app/session-cookie';

/** What a room's service gets when the room opens. */
export interface LiveRoomContext<P> {
  room: string;
  params: P;
  /** Who opened the room (its first member). */
  actor: Actor;
  /** Aborted when the room closes: its last member left, the server closes it, or the server stops. */
  signal: AbortSignal;
  emit(event: string, payload: unknown): void;
  /** Dropped for a member whose connection is busy: for snapshots that the next one supersedes. */
  emitVolatile(event: string, payload: unknown): void;
  /** Resolves when every member acknowledged (or left); rejects when one has not within `timeoutMs`. */
  emitWithAck(event: string, payload: unknown, timeoutMs: number): Promise<void>;
  /** Ends the room from the server side: members hear `live:closed` and are removed. */
  close(code: string, message: string): void;
}

export interface LiveRoomDefinition<P> {
  params: z.ZodType<P>;
  /**
   * The room's key from its params: a join must then name exactly `<prefix>:<key>`, so
   * everyone watching the same thing shares one room. Absent: the key is the browser's own
   * random id (8–64 letters, digits, - or _) and the room is one person's (a tail, a search).
   */
  key?: (params: P) => string;
  /** Throws an ApiError (FORBIDDEN, NOT_FOUND…) to refuse. Runs on every join, with the room's params. */
  authorize(actor: Actor, params: P): void | Promise<void>;
  /** Starts the room's source when its first member joins; a throw refuses that join. */
  open(ctx: LiveRoomContext<P>): void | Promise<void>;
  /** Runs for each later member, e.g. to hand it the current state. */
  joined?(ctx: LiveRoomContext<P>, send: (event: string, payload: unknown) => void): void;
}

export interface LiveGateway {
  /** Registers the rooms named `<prefix>:…`; one definition per prefix. */
  onJoin<P>(prefix: string, definition: LiveRoomDefinition<P>): void;
  /** Open rooms (for tests and diagnostics). */
  rooms(): string[];
}

declare module 'fastify' {
  interface FastifyInstance {
    live: LiveGateway;
  }
}

interface SocketData {
  actor: Actor;
  token: string;
}

interface OpenRoom {
  prefix: string;
  params: unknown;
  ctx: LiveRoomContext<unknown>;
  controller: AbortController;
  members: Set<string>;
}

// Joins carry a search expression at most (64 KiB); nothing bigger need come from a browser.
const MAX_HTTP_BUFFER = 256 * 1024;
const MAX_ROOMS_PER_SOCKET = 32;
// A long-lived socket outlives sessions; it is re-checked so a logout or expiry ends it.
const SESSION_RECHECK_MS = 60_000;
const PRIVATE_KEY = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * The origins a browser may open the live socket from: the server's own (127.0.0.1,
 * localhost and ::1 on its port, and the host it listens on) and those configured in
 * WEIR_ALLOWED_ORIGINS (a reverse proxy's public origin, the Vite dev server).
 */
export function allowedOrigins(address: AddressInfo | string | null, host: string, extra: readonly string[]): Set<string> {
  const out = new Set(extra.map(normalizeOrigin).filter((o): o is string => o !== null));
  if (address && typeof address === 'object') {
    const port = address.port;
    for (const h of ['127.0.0.1', 'localhost', '[::1]']) out.add(`http://${h}:${port}`);
    if (host !== '0.0.0.0' && host !== '::') out.add(`http://${host.includes(':') ? `[${host}]` : host}:${port}`);
  }
  return out;
}

/** `scheme://host[:port]` in lower case with a default port dropped; null when it is not an origin. */
export function normalizeOrigin(text: string): string | null {
  try {
    const u = new URL(text);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.origin;
  } catch {
    return null;
  }
}

export function isOriginAllowed(origin: string, allowed: ReadonlySet<string>): boolean {
  const o = normalizeOrigin(origin);
  return o !== null && allowed.has(o);
}

function cookieToken(app: { parseCookie(header: string): Record<string, string | undefined> }, req: IncomingMessage): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  return app.parseCookie(header)[SESSION_COOKIE] ?? null;
}

function errorBody(err: unknown): LiveAck {
  if (isApiError(err)) return { ok: false, error: { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) } };
  return { ok: false, error: { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) } };
}

/**
 * The live gateway: socket.io on Fastify's own HTTP server. A connection needs a session
 * (the cookie, read at the handshake) and, when the browser sends an Origin, one of the
 * server's own origins or WEIR_ALLOWED_ORIGINS (cross-site WebSocket hijacking). Services
 * register rooms by prefix; every join is authorized again with the session re-read, so a
 * changed role or ended session counts at once.
 */
export default fp(
  async (app) => {
    const origins = () => allowedOrigins(app.server.address(), app.config.host, app.config.allowedOrigins);
    const definitions = new Map<string, LiveRoomDefinition<unknown>>();
    const open = new Map<string, OpenRoom>();

    const io = new Server(app.server, {
      path: '/socket.io',
      transports: ['websocket'],
      serveClient: false,
      maxHttpBufferSize: MAX_HTTP_BUFFER,
      // Checked on the handshake and on the WebSocket upgrade alike.
      allowRequest: (req, callback) => {
        const origin = req.headers.origin;
        if (origin !== undefined && !isOriginAllowed(origin, origins())) {
          app.log.warn({ origin }, 'live socket refused: origin not allowed');
          callback('ORIGIN_REJECTED', false);
          return;
        }
        callback(null, true);
      },
    });

    io.use((socket, next) => {
      const token = cookieToken(app, socket.request);
      const refuse = () => next(Object.assign(new Error('UNAUTHENTICATED'), { data: { code: 'UNAUTHENTICATED', message: 'Log in first: the live connection needs a session.' } }));
      if (!token) return refuse();
      app.auth.authenticate(token).then(
        (session) => {
          if (!session) return refuse();
          (socket.data as SocketData) = { actor: session.actor, token };
          next();
        },
        (err: unknown) => next(err instanceof Error ? err : new Error(String(err))),
      );
    });

    function leaveRoom(socket: Socket, room: string): void {
      void socket.leave(room);
      const r = open.get(room);
      if (!r) return;
      r.members.delete(socket.id);
      if (r.members.size === 0) {
        open.delete(room);
        r.controller.abort();
      }
    }

    function closeRoom(room: string, code: string, message: string): void {
      const r = open.get(room);
      if (!r) return;
      open.delete(room);
      io.to(room).emit(LIVE_EVENTS.closed, { room, code, message });
      io.in(room).socketsLeave(room);
      r.controller.abort();
    }

    function context(room: string, params: unknown, actor: Actor, controller: AbortController): LiveRoomContext<unknown> {
      return {
        room, params, actor, signal: controller.signal,
        emit: (event, payload) => void io.to(room).emit(event, payload),
        emitVolatile: (event, payload) => void io.to(room).volatile.emit(event, payload),
        emitWithAck: async (event, payload, timeoutMs) => {
          await io.to(room).timeout(timeoutMs).emitWithAck(event, payload);
        },
        close: (code, message) => closeRoom(room, code, message),
      };
    }

    async function join(socket: Socket, raw: unknown): Promise<LiveAck> {
      const parsed = LiveJoinRequestSchema.safeParse(raw);
      if (!parsed.success) throw new ApiError(400, 'BAD_REQUEST', `live:join needs { room, params }: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      const { room } = parsed.data;
      const prefix = room.slice(0, room.indexOf(':'));
      const key = room.slice(prefix.length + 1);
      const def = definitions.get(prefix);
      if (!def) throw new ApiError(404, 'NOT_FOUND', `There are no live rooms named ${prefix}:…`);
      // The session is read again: a role changed or a session ended since the handshake counts now.
      const data = socket.data as SocketData;
      const session = await app.auth.authenticate(data.token);
      if (!session) {
        // After the refusal has been acknowledged.
        setTimeout(() => socket.disconnect(true), 0);
        throw new ApiError(401, 'UNAUTHENTICATED', 'Your session has ended. Log in again.');
      }
      data.actor = session.actor;
      if (socket.rooms.has(room)) return { ok: true, room };
      if (socket.rooms.size > MAX_ROOMS_PER_SOCKET) throw new ApiError(429, 'RATE_LIMITED', `At most ${MAX_ROOMS_PER_SOCKET} live rooms per connection.`);
      const existing = open.get(room);
      if (existing) {
        await def.authorize(session.actor, existing.params);
        if (!open.has(room)) throw new ApiError(409, 'NOT_FOUND', `${room} has just closed; join again.`);
        await socket.join(room);
        existing.members.add(socket.id);
        def.joined?.(existing.ctx, (event, payload) => void socket.emit(event, payload));
        return { ok: true, room };
      }
      const params = def.params.safeParse(parsed.data.params ?? {});
      if (!params.success) {
        const issue = params.error.issues[0];
        throw new ApiError(400, 'BAD_REQUEST', `${room}: ${issue ? `${issue.path.join('.') || 'params'}: ${issue.message}` : 'invalid params'}`, { issues: params.error.issues });
      }
      if (def.key) {
        const expected = `${prefix}:${def.key(params.data)}`;
        if (expected !== room) throw new ApiError(400, 'BAD_REQUEST', `These params belong to room ${expected}, not ${room}.`);
      } else if (!PRIVATE_KEY.test(key)) {
        throw new ApiError(400, 'BAD_REQUEST', `${prefix} rooms are named ${prefix}:<random id of 8–64 letters, digits, - or _>.`);
      }
      await def.authorize(session.actor, params.data);
      const controller = new AbortController();
      const ctx = context(room, params.data, session.actor, controller);
      const entry: OpenRoom = { prefix, params: params.data, ctx, controller, members: new Set([socket.id]) };
      open.set(room, entry);
      await socket.join(room);
      try {
        await def.open(ctx);
      } catch (err) {
        leaveRoom(socket, room);
        throw err;
      }
      return { ok: true, room };
    }

    io.on('connection', (socket) => {
      const recheck = setInterval(() => {
        app.auth.authenticate((socket.data as SocketData).token).then(
          (session) => {
            if (!session) socket.disconnect(true);
          },
          () => {},
        );
      }, SESSION_RECHECK_MS);
      recheck.unref();

      socket.on(LIVE_EVENTS.join, (raw: unknown, ack?: (a: LiveAck) => void) => {
        join(socket, raw).then(
          (result) => ack?.(result),
          (err: unknown) => {
            if (!isApiError(err)) app.log.error({ err }, 'live join failed');
            ack?.(errorBody(err));
          },
        );
      });
      socket.on(LIVE_EVENTS.leave, (raw: unknown, ack?: (a: LiveAck) => void) => {
        const parsed = LiveLeaveRequestSchema.safeParse(raw);
        if (!parsed.success) return ack?.(errorBody(new ApiError(400, 'BAD_REQUEST', 'live:leave needs { room }')));
        leaveRoom(socket, parsed.data.room);
        ack?.({ ok: true, room: parsed.data.room });
      });
      socket.on('disconnecting', () => {
        clearInterval(recheck);
        for (const room of socket.rooms) if (room !== socket.id) leaveRoom(socket, room);
      });
    });

    app.decorate<LiveGateway>('live', {
      onJoin(prefix, definition) {
        if (!/^[a-z][a-z0-9-]*$/.test(prefix)) throw new Error(`live room prefix "${prefix}" must be lower-case letters, digits and -`);
        if (definitions.has(prefix)) throw new Error(`live rooms ${prefix}:… are registered twice`);
        definitions.set(prefix, definition as LiveRoomDefinition<unknown>);
      },
      rooms: () => [...open.keys()],
    });

    app.addHook('preClose', async () => {
      for (const [room, r] of open) {
        open.delete(room);
        r.controller.abort();
      }
      io.local.disconnectSockets(true);
    });
    app.addHook('onClose', async () => {
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
    });
  },
  { name: 'weir-live', dependencies: ['weir-config', 'weir-auth-service', 'weir-cookie'] },
);
