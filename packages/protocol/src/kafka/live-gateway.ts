import { z } from 'zod';

/**
 * The live socket (socket.io at `/socket.io`, WebSocket transport): the browser joins rooms and
 * the services that own them push events into them. Generic, so that other features (job
 * metrics rooms `job:<id>`) register rooms on the same socket. Every join is authorized anew.
 */
export const LIVE_EVENTS = {
  /** Client → server, with an acknowledgement (LiveAck). */
  join: 'live:join',
  /** Client → server, with an acknowledgement; also implied by disconnecting. */
  leave: 'live:leave',
  /** Server → client: the room was closed by the server (its source ended or failed); no more events will come. */
  closed: 'live:closed',
} as const;

/** `<prefix>:<key>`: the prefix names the kind of room, the key the thing watched. */
export const RoomNameSchema = z.string().min(3).max(600).regex(/^[a-z][a-z0-9-]*:.+$/, { error: 'a room is named <prefix>:<key>' });

export const LiveJoinRequestSchema = z.object({ room: RoomNameSchema, params: z.unknown().optional() });
export type LiveJoinRequest = z.infer<typeof LiveJoinRequestSchema>;

export const LiveLeaveRequestSchema = z.object({ room: RoomNameSchema });
export type LiveLeaveRequest = z.infer<typeof LiveLeaveRequestSchema>;

/** The acknowledgement of a join or leave: errors carry the REST codes (FORBIDDEN, BAD_REQUEST, …). */
export const LiveAckSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), room: z.string() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) }),
]);
export type LiveAck = z.infer<typeof LiveAckSchema>;

export const LiveClosedEventSchema = z.object({ room: z.string(), code: z.string(), message: z.string() });
export type LiveClosedEvent = z.infer<typeof LiveClosedEventSchema>;

/** Error codes of a refused socket connection (`connect_error` message). */
export const LIVE_CONNECT_ERRORS = ['UNAUTHENTICATED', 'ORIGIN_REJECTED'] as const;
