// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { LIVE_EVENTS } from '@weir/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { asSocket, MemorySocket } from './memory-socket.test-util';
import { useLiveRoom } from './use-live-room';

afterEach(cleanup);

function Room({ room, socket, onEvent }: { room: string | null; socket: MemorySocket; onEvent: (p: unknown) => void }) {
  const status = useLiveRoom(room, { jobId: room }, { 'job:snapshot': (p: never) => onEvent(p) }, asSocket(socket));
  return <span data-testid="status">{status.state}</span>;
}

describe('useLiveRoom', () => {
  it('joins while mounted, keeps the room when only the handler changes, moves on a new room, leaves on unmount', () => {
    const s = new MemorySocket();
    s.connected = true;
    const seen: string[] = [];
    const view = render(<Room room="job:a" socket={s} onEvent={(p) => seen.push(`first ${JSON.stringify(p)}`)} />);
    expect(view.getByTestId('status').textContent).toBe('live');
    expect(s.joins()).toBe(1);

    // A new handler function each render (as inline handlers are) does not rejoin, and is the one called.
    view.rerender(<Room room="job:a" socket={s} onEvent={(p) => seen.push(`second ${JSON.stringify(p)}`)} />);
    expect(s.joins()).toBe(1);
    act(() => s.deliver('job:snapshot', { room: 'job:a' }));
    expect(seen).toEqual(['second {"room":"job:a"}']);

    view.rerender(<Room room="job:b" socket={s} onEvent={() => {}} />);
    expect(s.sent.map((x) => `${x.event} ${(x.payload as { room: string }).room}`)).toEqual([
      `${LIVE_EVENTS.join} job:a`, `${LIVE_EVENTS.leave} job:a`, `${LIVE_EVENTS.join} job:b`,
    ]);
    view.unmount();
    expect(s.sent.at(-1)).toEqual({ event: LIVE_EVENTS.leave, payload: { room: 'job:b' } });
    expect(s.count('job:snapshot')).toBe(0);
  });

  it('joins nothing for a null room', () => {
    const s = new MemorySocket();
    s.connected = true;
    render(<Room room={null} socket={s} onEvent={() => {}} />);
    expect(s.sent).toEqual([]);
  });

  it('shows the refused handshake of a socket without a session', () => {
    const s = new MemorySocket();
    const view = render(<Room room="job:a" socket={s} onEvent={() => {}} />);
    act(() => s.deliver('connect_error', Object.assign(new Error('UNAUTHENTICATED'), { data: { code: 'UNAUTHENTICATED', message: 'Log in first.' } })));
    expect(view.getByTestId('status').textContent).toBe('error');
  });
});
