// For integration tests only: one local Flink per test file, started on first use.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { startFlink, type FlinkHandle } from '@weir/stack';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

// Ports apart from a developer's own Flink (8081/8083/6123), as the test Kafka is on 19092.
export const TEST_FLINK_PORTS = { restPort: 18081, gatewayPort: 18083, rpcPort: 16123 };

/**
 * The test Flink for the calling file: FLINK_REST_URL/FLINK_SQL_GATEWAY_URL when set, else a
 * local cluster in `.weir-test/flink` (reused when one from an earlier or parallel run
 * answers), started before the file's tests and stopped after them by its last user. Four
 * slots, so the parallelism-4 fixtures get theirs. Call it at the top level of a test file.
 */
export function useTestFlink(): () => FlinkHandle {
  let handle: FlinkHandle | null = null;
  beforeAll(async () => {
    const began = Date.now();
    handle = await startFlink({ dataDir: join(REPO, '.weir-test', 'flink'), ...TEST_FLINK_PORTS, taskSlots: 4, timeoutMs: 600_000 });
    process.stderr.write(handle.reused
      ? `[flink] reusing Flink at ${handle.restUrl}\n`
      : `[flink] started Flink ${handle.version} at ${handle.restUrl} in ${Date.now() - began} ms (JVMs to ready ${handle.startupMs} ms; logs ${handle.logDir})\n`);
  }, 660_000);
  afterAll(async () => {
    await handle?.stop();
    handle = null;
  }, 120_000);
  return () => {
    if (!handle) throw new Error('the test Flink is not started: call useTestFlink() at the top level of the test file');
    return handle;
  };
}
