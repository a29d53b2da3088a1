import { LIVE_EVENTS } from '@weir/protocol';
import type { Socket } from 'socket.io-client';

type Listener = (...args: never[]) => void;

/**
 * The part of a socket.io client socket that joinRoom uses, in memory: `server` answers the
 * joins, `deliver` plays an event from the server, `drop`/`reconnect` a lost connection.
 */
export class MemorySocket {
  connected = false;
  readonly sent: { event: string; payload: unknown }[] = [];
  private readonly listeners = new Map<string, Set<Listener>>();
  server: (event: string, payload: { room: string }) => unknown = (_e, p) => ({ ok: true, room: p.room });
  answer = true;

  on(event: string, fn: Listener) {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(fn);
    return this;
  }

  off(event: string, fn: Listener) {
    this.listeners.get(event)?.delete(fn);
    return this;
  }

  once(event: string, fn: Listener) {
    const wrapped = ((...args: never[]) => {
      this.off(event, wrapped);
      fn(...args);
    }) as Listener;
    return this.on(event, wrapped);
  }

  emit(event: string, payload: unknown) {
    this.sent.push({ event, payload });
    return this;
  }

  timeout() {
    return {
      emit: (event: string, payload: { room: string }, cb: (err: Error | null, raw?: unknown) => void) => {
        this.sent.push({ event, payload });
        if (this.answer) cb(null, this.server(event, payload));
        else cb(new Error('operation has timed out'));
      },
    };
  }

  deliver(event: string, ...args: unknown[]) {
    for (const fn of [...(this.listeners.get(event) ?? [])]) (fn as (...a: unknown[]) => void)(...args);
  }

  connect() {
    this.connected = true;
    this.deliver('connect');
  }

  drop() {
    this.connected = false;
    this.deliver('disconnect', 'transport close');
  }

  count(event: string) {
    return this.listeners.get(event)?.size ?? 0;
  }

  joins() {
    return this.sent.filter((s) => s.event === LIVE_EVENTS.join).length;
  }
}

export const asSocket = (s: MemorySocket) => s as unknown as Socket;
