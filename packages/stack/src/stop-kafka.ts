import { clearRunState, isLayoutBroker, kafkaLayout, readRunState } from './kafka-layout';
import { terminateProcess } from './java-process';

/**
 * Stops the broker recorded in `<dataDir>/kafka.pid` whoever started it (SIGTERM, then
 * SIGKILL after `graceMs`), and removes a stale pid file. Ignores other users' leases:
 * this is the operator's explicit "stop".
 */
export async function stopKafkaFromPidFile(dataDir: string, graceMs = 30_000): Promise<{ stopped: boolean; pid?: number }> {
  const layout = kafkaLayout(dataDir);
  const run = readRunState(layout);
  if (!run) return { stopped: false };
  if (!isLayoutBroker(run.pid, layout)) {
    clearRunState(layout);
    return { stopped: false, pid: run.pid };
  }
  await terminateProcess(run.pid, graceMs);
  clearRunState(layout);
  return { stopped: true, pid: run.pid };
}
