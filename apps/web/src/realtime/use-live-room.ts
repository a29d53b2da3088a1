import { useEffect, useRef, useState } from 'react';
import type { Socket } from 'socket.io-client';
import { joinRoom, type LiveHandler, type LiveStatus } from './live-socket';

/**
 * Stays in `room` while mounted (null: in none), rejoining after reconnects; handlers may
 * change between renders without leaving the room. `socket` is the tab's live socket unless
 * given (tests pass their own).
 */
export function useLiveRoom(room: string | null, params: unknown, handlers: Record<string, LiveHandler>, socket?: Socket): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>({ state: 'connecting' });
  const ref = useRef(handlers);
  ref.current = handlers;
  const paramsKey = JSON.stringify(params ?? null);
  const events = Object.keys(handlers).sort().join(',');

  useEffect(() => {
    if (room === null) return;
    const routed = Object.fromEntries(events.split(',').filter(Boolean).map((e) => [e, ((p: never) => ref.current[e]?.(p)) as LiveHandler]));
    return joinRoom({ room, params: JSON.parse(paramsKey) as unknown, handlers: routed, onStatus: setStatus }, socket);
  }, [room, paramsKey, events, socket]);

  return status;
}
