// For integration tests only: the shared test Flink, taken for one test file.
import { afterAll, beforeAll } from 'vitest';
import type { FlinkHandle } from '@weir/stack';
import { startTestFlink } from './test-flink-cluster';

export { TEST_FLINK_PORTS } from './test-flink-cluster';

/**
 * The test Flink for the calling file (see startTestFlink), taken before the file's tests and
 * let go of after them. The integration run's global setup holds it for the whole run
 * (holdTestFlink), so it starts once per run, not once per file. Call it at the top level of a
 * test file.
 */
export function useTestFlink(): () => FlinkHandle {
  let handle: FlinkHandle | null = null;
  beforeAll(async () => {
    const began = Date.now();
    handle = await startTestFlink();
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
