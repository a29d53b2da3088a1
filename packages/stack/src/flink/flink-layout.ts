import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isProcessAlive, processCommandLine } from '../java-process';

/** Where a local Flink keeps its files under its data directory. */
export interface FlinkLayout {
  dataDir: string;
  clusterConfDir: string;
  gatewayConfDir: string;
  logDir: string;
  tmpDir: string;
  webDir: string;
  checkpointsDir: string;
  savepointsDir: string;
  leasesDir: string;
  startLock: string;
  runState: string;
}

export function flinkLayout(dataDir: string, logDir?: string): FlinkLayout {
  const d = resolve(dataDir);
  return {
    dataDir: d,
    clusterConfDir: join(d, 'conf'),
    gatewayConfDir: join(d, 'gateway-conf'),
    logDir: resolve(logDir ?? join(d, 'log')),
    tmpDir: join(d, 'tmp'),
    webDir: join(d, 'web'),
    checkpointsDir: join(d, 'checkpoints'),
    savepointsDir: join(d, 'savepoints'),
    leasesDir: join(d, 'leases'),
    startLock: join(d, 'start.lock'),
    runState: join(d, 'flink.json'),
  };
}

export const FLINK_PROCESSES = ['jobmanager', 'taskmanager', 'sql-gateway'] as const;
export type FlinkProcessName = (typeof FLINK_PROCESSES)[number];

export interface FlinkRunState {
  pids: Partial<Record<FlinkProcessName, number>>;
  restPort: number;
  gatewayPort: number;
  startedAt: string;
}

export function readFlinkRunState(layout: FlinkLayout): FlinkRunState | undefined {
  if (!existsSync(layout.runState)) return undefined;
  try {
    return JSON.parse(readFileSync(layout.runState, 'utf8')) as FlinkRunState;
  } catch {
    return undefined;
  }
}

export function writeFlinkRunState(layout: FlinkLayout, state: FlinkRunState): void {
  writeFileSync(layout.runState, `${JSON.stringify(state, null, 2)}\n`);
}

export function clearFlinkRunState(layout: FlinkLayout): void {
  rmSync(layout.runState, { force: true });
}

/** Whether pid is a live JVM started with this layout's configuration (not a recycled pid). */
export function isLayoutProcess(pid: number, layout: FlinkLayout): boolean {
  if (!isProcessAlive(pid)) return false;
  const cmd = processCommandLine(pid);
  return cmd === undefined || cmd.includes(layout.dataDir);
}
