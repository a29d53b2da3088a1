import { createConnection, createServer } from 'node:net';

export type PortState = 'free' | 'listening' | 'bound';

function tryConnect(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (open: boolean) => { socket.destroy(); resolve(open); };
    socket.setTimeout(timeoutMs, () => done(true)); // a filtered port is not ours to take either
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function tryBind(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * Whether a server could listen on host:port: `listening` when something accepts
 * connections there, `bound` when nothing answers but the address cannot be bound
 * (held by a socket on another interface), `free` otherwise.
 */
export async function probePort(host: string, port: number, timeoutMs = 1000): Promise<PortState> {
  if (await tryConnect(host, port, timeoutMs)) return 'listening';
  return (await tryBind(host, port)) ? 'free' : 'bound';
}
