import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isProcessAlive, processCommandLine } from './java-process';

/** Where a local broker keeps its files under its data directory. */
export interface KafkaLayout {
  dataDir: string;
  /** KRaft log directory (`log.dirs`), formatted once. */
  storageDir: string;
  configDir: string;
  serverProperties: string;
  log4j2Properties: string;
  /** For StorageTool: warnings on stderr, which the caller captures. */
  toolsLog4j2Properties: string;
  logFile: string;
  /** Plain pid, for scripts. */
  pidFile: string;
  /** Ports and ownership of the running broker, beside the pid file. */
  stateFile: string;
  leasesDir: string;
  startLock: string;
}

export function kafkaLayout(dataDir: string, logFile?: string): KafkaLayout {
  const dir = resolve(dataDir);
  const configDir = join(dir, 'config');
  return {
    dataDir: dir,
    storageDir: join(dir, 'kafka'),
    configDir,
    serverProperties: join(configDir, 'server.properties'),
    log4j2Properties: join(configDir, 'log4j2.properties'),
    toolsLog4j2Properties: join(configDir, 'tools-log4j2.properties'),
    logFile: logFile ? resolve(logFile) : join(dir, 'kafka.log'),
    pidFile: join(dir, 'kafka.pid'),
    stateFile: join(dir, 'kafka.json'),
    leasesDir: join(dir, 'leases'),
    startLock: join(dir, 'kafka.start.lock'),
  };
}

export interface KafkaRunState {
  pid: number;
  host: string;
  port: number;
  controllerPort: number;
  /** Started to outlive its users (the CLI): only an explicit stop ends it. */
  persistent: boolean;
  startedAt: string;
}

export function writeRunState(layout: KafkaLayout, state: KafkaRunState): void {
  writeFileSync(layout.stateFile, `${JSON.stringify(state, null, 2)}\n`);
  writeFileSync(layout.pidFile, `${state.pid}\n`);
}

function parseRunState(text: string, pid: number): Partial<KafkaRunState> {
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    if (v.pid !== pid) return {};
    return {
      ...(typeof v.host === 'string' ? { host: v.host } : {}),
      ...(typeof v.port === 'number' ? { port: v.port } : {}),
      ...(typeof v.controllerPort === 'number' ? { controllerPort: v.controllerPort } : {}),
      ...(typeof v.persistent === 'boolean' ? { persistent: v.persistent } : {}),
      ...(typeof v.startedAt === 'string' ? { startedAt: v.startedAt } : {}),
    };
  } catch {
    return {};
  }
}

/** The pid file's process and whatever the state file says about it; undefined without a pid file. */
export function readRunState(layout: KafkaLayout): ({ pid: number } & Partial<KafkaRunState>) | undefined {
  if (!existsSync(layout.pidFile)) return undefined;
  const pid = Number(readFileSync(layout.pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return { pid: 0 };
  const state = existsSync(layout.stateFile) ? parseRunState(readFileSync(layout.stateFile, 'utf8'), pid) : {};
  return { ...state, pid };
}

export function clearRunState(layout: KafkaLayout): void {
  rmSync(layout.pidFile, { force: true });
  rmSync(layout.stateFile, { force: true });
}

/**
 * Whether `pid` is the broker of this layout. A pid from a killed run may since have
 * been given to an unrelated process; the command line tells them apart.
 */
export function isLayoutBroker(pid: number, layout: KafkaLayout): boolean {
  if (pid <= 0 || !isProcessAlive(pid)) return false;
  const cmd = processCommandLine(pid);
  if (cmd === undefined) return true;
  return cmd.includes('kafka.Kafka') && cmd.includes(layout.serverProperties);
}
