import { LIVE_EVENTS, LiveAckSchema, type LiveAck } from '@weir/protocol';
import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';

/**
 * The job views' connection to the live socket (same origin, WebSocket only, the session
 * cookie does the rest). One per tab, opened on first use. The Kafka console may keep its
 * own; rooms are independent.
 */
let socket: Socket | null = null;

export function liveSocket(): Socket {
  socket ??= io({ path: '/socket.io', transports: ['websocket'], withCredentials: true });
  return socket;
}

export type RoomStatus = { state: 'connecting' } | { state: 'live' } | { state: 'error'; code: string; message: string };

/**
 * Joins `room` while mounted (and again after every reconnect), calling `handlers[event]`
 * for the room's events. Handlers may change between renders without rejoining.
 */
export function useLiveRoom(room: string | null, params: unknown, handlers: Record<string, (payload: never) => void>): RoomStatus {
  const [status, setStatus] = useState<RoomStatus>({ state: 'connecting' });
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  const paramsKey = JSON.stringify(params ?? null);

  useEffect(() => {
    if (room === null) return;
    const s = liveSocket();
    const joinParams = JSON.parse(paramsKey) as unknown;
    let active = true;
    const join = () => {
      s.timeout(10_000).emit(LIVE_EVENTS.join, { room, params: joinParams }, (err: Error | null, raw: unknown) => {
        if (!active) return;
        if (err) return setStatus({ state: 'error', code: 'TIMEOUT', message: 'The server did not answer the live join.' });
        const ack: LiveAck = LiveAckSchema.parse(raw);
        setStatus(ack.ok ? { state: 'live' } : { state: 'error', code: ack.error.code, message: ack.error.message });
      });
    };
    const onConnectError = (err: Error & { data?: { code?: string; message?: string } }) => {
      if (active) setStatus({ state: 'error', code: err.data?.code ?? err.message, message: err.data?.message ?? err.message });
    };
    // Events of every room arrive on one socket: keep only this room's.
    const listeners = Object.keys(handlersRef.current).map((event) => {
      const on = (payload: { room?: string }) => {
        if (payload?.room === room) handlersRef.current[event]?.(payload as never);
      };
      s.on(event, on);
      return () => s.off(event, on);
    });
    s.on('connect', join);
    s.on('connect_error', onConnectError);
    if (s.connected) join();
    return () => {
      active = false;
      for (const off of listeners) off();
      s.off('connect', join);
      s.off('connect_error', onConnectError);
      if (s.connected) s.emit(LIVE_EVENTS.leave, { room });
    };
  }, [room, paramsKey]);

  return status;
}
