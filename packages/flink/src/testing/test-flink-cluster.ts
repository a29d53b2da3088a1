// For integration tests only: the one local Flink that every test file of a run shares.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquireLease, flinkLayout, isLayoutProcess, liveLeases, probeFlinkRest, readFlinkRunState, startFlink, type FlinkHandle } from '@weir/stack';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

/** Where the test Flink lives; `.weir-test` beside the test Kafka. */
export const TEST_FLINK_DIR = join(REPO, '.weir-test', 'flink');

// Ports apart from a developer's own Flink (8081/8083/6123), as the test Kafka is on 19092.
const OFFSET = Number(process.env.WEIR_TEST_PORT_OFFSET ?? 0);
export const TEST_FLINK_PORTS = { restPort: 18081 + OFFSET, gatewayPort: 18083 + OFFSET, rpcPort: 16123 + OFFSET };

/**
 * The test Flink: FLINK_REST_URL/FLINK_SQL_GATEWAY_URL when set, else the local cluster in
 * `.weir-test/flink` (reused when one from an earlier or parallel run answers). Four slots,
 * so the parallelism-4 fixtures get theirs. Its stop() lets go of it; the last user stops it.
 */
export function startTestFlink(): Promise<FlinkHandle> {
  return startFlink({ dataDir: TEST_FLINK_DIR, ...TEST_FLINK_PORTS, taskSlots: 4, timeoutMs: 600_000 });
}

/**
 * For the integration run's global setup: a lease on the test Flink for the whole run, so a
 * cluster that the first Flink test file starts is reused by the next ones instead of being
 * stopped after each file and started again (~30 s and ~2 GB each time). Nothing is started
 * here: a run without Flink tests costs nothing. release() drops the lease and stops the
 * cluster when this run was its last user.
 */
export function holdTestFlink(env: NodeJS.ProcessEnv = process.env): { release(): Promise<void> } {
  if (env.FLINK_REST_URL || env.FLINK_SQL_GATEWAY_URL) return { release: async () => {} };
  const layout = flinkLayout(TEST_FLINK_DIR);
  const lease = acquireLease(layout.leasesDir);
  return {
    async release() {
      lease.release();
      const run = readFlinkRunState(layout);
      const running = run !== undefined && Object.values(run.pids).some((pid) => isLayoutProcess(pid, layout));
      if (!running || liveLeases(layout.leasesDir).length > 0) return;
      // Only a cluster that answers is taken (startFlink would otherwise start a new one).
      if (!(await probeFlinkRest(`http://127.0.0.1:${TEST_FLINK_PORTS.restPort}`))) return;
      // Take the running cluster as one more user and let go of it: being the last, that stops it.
      const handle = await startTestFlink();
      await handle.stop();
    },
  };
}
