import { useEffect, useRef, useState } from 'react';
import {
  KAFKA_EVENTS, KAFKA_ROOMS, type KafkaMessage, type SearchDoneEvent, type SearchMatchesEvent, type SearchParams, type SearchProgress,
  type SearchProgressEvent, type SearchStartedEvent,
} from '@weir/protocol';
import type { Problem, RecordSchema } from '@weir/model';
import { joinRoom, roomKey } from '../../../realtime/live-socket';

/** Matches the page keeps in full; more are counted (export gets them all). */
export const SHOWN_MATCHES = 2000;

export interface SearchState {
  phase: 'idle' | 'starting' | 'running' | 'done' | 'failed';
  matches: KafkaMessage[];
  progress: SearchProgress | null;
  schema: RecordSchema | null;
  done: SearchDoneEvent | null;
  error: { code: string; message: string; problems: Problem[] } | null;
}

const IDLE: SearchState = { phase: 'idle', matches: [], progress: null, schema: null, done: null, error: null };

/** One search at a time over the live socket: started by joining its room, cancelled by leaving it. */
export function useSearch() {
  const [state, setState] = useState<SearchState>(IDLE);
  const leave = useRef<(() => void) | null>(null);
  const stop = () => {
    leave.current?.();
    leave.current = null;
  };
  useEffect(() => stop, []);

  return {
    state,
    start(params: SearchParams) {
      stop();
      setState({ ...IDLE, phase: 'starting' });
      leave.current = joinRoom({
        room: `${KAFKA_ROOMS.search}:${roomKey()}`,
        params,
        rejoin: false,
        onStatus: (st) => {
          if (st.state === 'error' || st.state === 'closed') {
            // A refused join says why (an expression's problems come in the details).
            setState((s) => (s.phase === 'done' ? s : { ...s, phase: 'failed', error: { code: st.code, message: st.message, problems: [] } }));
          }
        },
        handlers: {
          [KAFKA_EVENTS.searchStarted]: (e: SearchStartedEvent) => setState((s) => ({ ...s, phase: 'running', schema: e.schema })),
          [KAFKA_EVENTS.searchMatches]: (e: SearchMatchesEvent) =>
            setState((s) => (s.matches.length >= SHOWN_MATCHES ? s : { ...s, matches: [...s.matches, ...e.messages].slice(0, SHOWN_MATCHES) })),
          [KAFKA_EVENTS.searchProgress]: (e: SearchProgressEvent) => setState((s) => (s.phase === 'running' || s.phase === 'starting' ? { ...s, progress: e } : s)),
          [KAFKA_EVENTS.searchDone]: (e: SearchDoneEvent) => {
            setState((s) => ({ ...s, phase: e.reason === 'error' ? 'failed' : 'done', progress: e, done: e, error: e.error ? { ...e.error, problems: [] } : null }));
            stop();
          },
        },
      });
    },
    cancel() {
      stop();
      setState((s) => ({ ...s, phase: 'done', done: s.progress ? { room: '', ...s.progress, reason: 'cancelled', error: null } : null }));
    },
  };
}
