import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { probePort } from './port-probe';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function listen(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer((sock) => sock.destroy());
    servers.push(s);
    s.listen(0, '127.0.0.1', () => resolve((s.address() as { port: number }).port));
  });
}

describe('probePort', () => {
  it('reports a port with a listener as listening, and free once it closes', async () => {
    const port = await listen();
    expect(await probePort('127.0.0.1', port)).toBe('listening');
    await new Promise((r) => servers.pop()!.close(r));
    expect(await probePort('127.0.0.1', port)).toBe('free');
  });
});
