import { useEffect, useRef, useState } from 'react';
import { KAFKA_EVENTS, KAFKA_ROOMS, type KafkaMessage, type TailMessagesEvent, type TailParams } from '@weir/protocol';
import { joinRoom, roomKey, type LiveStatus } from '../../../realtime/live-socket';
import { appendBounded } from './bounded-window';

/** Rows the page keeps; the tail itself never stops or skips, it only scrolls older rows away. */
export const TAIL_WINDOW = 500;

export interface TailState {
  running: boolean;
  status: LiveStatus | null;
  /** Newest last. */
  messages: KafkaMessage[];
  received: number;
  behind: number;
  cursor: string | null;
}

const IDLE: TailState = { running: false, status: null, messages: [], received: 0, behind: 0, cursor: null };

/**
 * A live tail: `start` joins a tail room from the end (or the start), `pause` leaves it but
 * remembers where each partition stood, `resume` joins a new room from exactly there.
 */
export function useTail(cluster: string, topic: string, partition: number | null) {
  const [state, setState] = useState<TailState>(IDLE);
  const leave = useRef<(() => void) | null>(null);
  const cursorRef = useRef<string | null>(null);

  const stop = () => {
    leave.current?.();
    leave.current = null;
  };
  useEffect(() => stop, []);
  useEffect(() => {
    stop();
    cursorRef.current = null;
    setState(IDLE);
  }, [cluster, topic, partition]);

  const open = (from: TailParams['from'], keep: boolean) => {
    stop();
    const params: TailParams = { cluster, topic, partition, from, ...(from === 'cursor' && cursorRef.current ? { cursor: cursorRef.current } : {}) };
    setState((s) => (keep ? { ...s, running: true } : { ...IDLE, running: true }));
    leave.current = joinRoom({
      room: `${KAFKA_ROOMS.tail}:${roomKey()}`,
      params,
      rejoin: false,
      onStatus: (status) => setState((s) => ({ ...s, status })),
      handlers: {
        [KAFKA_EVENTS.tailMessages]: (e: TailMessagesEvent) => {
          cursorRef.current = e.cursor;
          setState((s) => ({
            ...s,
            messages: e.messages.length > 0 ? appendBounded(s.messages, e.messages, TAIL_WINDOW) : s.messages,
            received: s.received + e.messages.length,
            behind: e.behind,
            cursor: e.cursor,
          }));
        },
      },
    });
  };

  return {
    state,
    start: (from: 'latest' | 'earliest' = 'latest') => open(from, false),
    pause: () => {
      stop();
      setState((s) => ({ ...s, running: false, status: null }));
    },
    resume: () => open(cursorRef.current ? 'cursor' : 'latest', true),
    clear: () => setState((s) => ({ ...s, messages: [] })),
  };
}
