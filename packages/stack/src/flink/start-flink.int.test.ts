import { createServer, type Server, type Socket } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isStackError } from '../stack-error';
import { startFlink } from './start-flink';

/** startFlink's refusals, which need no JVM: each names its cause. */

let server: Server | null = null;
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const s of sockets) s.destroy();
  sockets.clear();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = null;
});

function listen(): Promise<number> {
  return new Promise((resolve) => {
    // Accepts connections and never answers: not Flink.
    server = createServer((socket) => { sockets.add(socket); }).listen(0, '127.0.0.1', () => resolve((server!.address() as { port: number }).port));
  });
}

const dataDir = () => mkdtempSync(join(tmpdir(), 'weir-flink-'));

describe('startFlink refuses with a cause', () => {
  it('PORT_IN_USE when something else listens on the REST port', async () => {
    const port = await listen();
    const err = await startFlink({ dataDir: dataDir(), restPort: port, gatewayPort: port + 1, rpcPort: port + 2, env: {} }).catch((e: unknown) => e);
    expect(isStackError(err, 'PORT_IN_USE')).toBe(true);
    expect((err as Error).message).toContain(`Port ${port}`);
  }, 60_000);

  it('BAD_OPTIONS for clashing ports or one configured URL without the other', async () => {
    const clash = await startFlink({ dataDir: dataDir(), restPort: 18181, gatewayPort: 18181, env: {} }).catch((e: unknown) => e);
    expect(isStackError(clash, 'BAD_OPTIONS')).toBe(true);
    const half = await startFlink({ dataDir: dataDir(), env: { FLINK_REST_URL: 'http://127.0.0.1:1' } }).catch((e: unknown) => e);
    expect(isStackError(half, 'BAD_OPTIONS')).toBe(true);
    expect((half as Error).message).toContain('FLINK_SQL_GATEWAY_URL');
  });

  it('BAD_OPTIONS naming a configured URL that does not answer as Flink', async () => {
    const port = await listen();
    const err = await startFlink({ dataDir: dataDir(), env: { FLINK_REST_URL: 'http://127.0.0.1:1', FLINK_SQL_GATEWAY_URL: `http://127.0.0.1:${port}` } }).catch((e: unknown) => e);
    expect(isStackError(err, 'BAD_OPTIONS')).toBe(true);
    expect((err as Error).message).toContain('FLINK_REST_URL http://127.0.0.1:1');
  }, 30_000);
});
