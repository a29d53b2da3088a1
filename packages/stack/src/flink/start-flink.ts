import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkJava, launchJava, terminateProcess, type LaunchedJava } from '../java-process';
import { acquireLease, liveLeases, type Lease } from '../leases';
import { rotateLog, tailFile } from '../log-file';
import { probePort } from '../port-probe';
import { StackError } from '../stack-error';
import { tryLock } from '../start-lock';
import { FLINK_VERSION, resolveFlinkClasspath } from './flink-artifacts';
import {
  clusterConfig, flinkLog4jProperties, gatewayConfig, gatewayJvmArgs, JAVA17_OPENS, jobManagerJvmArgs,
  processSizes, renderFlinkYaml, taskManagerJvmArgs, type FlinkMemory,
} from './flink-config';
import {
  clearFlinkRunState, flinkLayout, isLayoutProcess, readFlinkRunState, writeFlinkRunState,
  type FlinkLayout, type FlinkProcessName,
} from './flink-layout';
import { isReady, probeFlinkRest, probeSqlGateway } from './flink-probe';
import { warmUpGateway } from './gateway-warmup';

export interface StartFlinkOptions {
  dataDir: string;
  /** Flink's REST API and web UI; default 8081. */
  restPort?: number;
  /** The SQL Gateway's REST endpoint; default 8083. */
  gatewayPort?: number;
  /** The JobManager's RPC port; default 6123. */
  rpcPort?: number;
  /** Slots of the one TaskManager; default 2. */
  taskSlots?: number;
  /** Default `<dataDir>/log`. */
  logDir?: string;
  /** The whole start, Maven resolution included; default 180 s. */
  timeoutMs?: number;
  onProgress?: (message: string) => void;
  memory?: FlinkMemory;
  cacheDir?: string;
  /** Read FLINK_REST_URL and FLINK_SQL_GATEWAY_URL from here; default process.env. */
  env?: NodeJS.ProcessEnv;
}

export interface FlinkHandle {
  restUrl: string;
  gatewayUrl: string;
  /** True when a cluster and gateway already answered and nothing was started. */
  reused: boolean;
  version: string;
  /** The processes this handle started, by role. */
  pids: Partial<Record<FlinkProcessName, number>>;
  logDir?: string;
  /** Milliseconds from launching the JVMs to a ready cluster and gateway (started clusters only). */
  startupMs?: number;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const MAIN_CLASS: Record<FlinkProcessName, string> = {
  jobmanager: 'org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint',
  taskmanager: 'org.apache.flink.runtime.taskexecutor.TaskManagerRunner',
  'sql-gateway': 'org.apache.flink.table.gateway.SqlGateway',
};

interface Settings {
  layout: FlinkLayout;
  restPort: number;
  gatewayPort: number;
  rpcPort: number;
  taskSlots: number;
  timeoutMs: number;
  deadline: number;
  memory?: FlinkMemory;
  cacheDir?: string;
  restUrl: string;
  gatewayUrl: string;
  progress: (message: string) => void;
}

function validPort(p: number): boolean {
  return Number.isInteger(p) && p >= 1 && p <= 65535;
}

function normalize(opts: StartFlinkOptions): Settings {
  if (!opts.dataDir) throw new StackError('BAD_OPTIONS', 'startFlink needs a dataDir');
  const restPort = opts.restPort ?? 8081;
  const gatewayPort = opts.gatewayPort ?? 8083;
  const rpcPort = opts.rpcPort ?? 6123;
  for (const [name, p] of Object.entries({ restPort, gatewayPort, rpcPort })) {
    if (!validPort(p)) throw new StackError('BAD_OPTIONS', `Flink ${name} must be 1–65535, got ${p}`);
  }
  if (new Set([restPort, gatewayPort, rpcPort]).size !== 3) {
    throw new StackError('BAD_OPTIONS', `Flink restPort ${restPort}, gatewayPort ${gatewayPort} and rpcPort ${rpcPort} must differ`);
  }
  const taskSlots = opts.taskSlots ?? 2;
  if (!Number.isInteger(taskSlots) || taskSlots < 1) throw new StackError('BAD_OPTIONS', `Flink taskSlots must be a whole number ≥ 1, got ${taskSlots}`);
  const timeoutMs = opts.timeoutMs ?? 180_000;
  return {
    layout: flinkLayout(opts.dataDir, opts.logDir), restPort, gatewayPort, rpcPort, taskSlots, timeoutMs,
    deadline: Date.now() + timeoutMs,
    ...(opts.memory ? { memory: opts.memory } : {}),
    ...(opts.cacheDir ? { cacheDir: opts.cacheDir } : {}),
    restUrl: `http://${HOST}:${restPort}`,
    gatewayUrl: `http://${HOST}:${gatewayPort}`,
    progress: opts.onProgress ?? (() => {}),
  };
}

/**
 * A Flink session cluster (one JobManager, one TaskManager) and a SQL Gateway from Maven
 * Central jars, or the ones already answering: FLINK_REST_URL and FLINK_SQL_GATEWAY_URL when
 * both are set, else whatever answers as Flink on the ports. Failures are StackErrors naming
 * their cause: NO_JAVA, NO_MAVEN, MAVEN_RESOLVE_FAILED, PORT_IN_USE, START_TIMEOUT, EXITED.
 */
export async function startFlink(opts: StartFlinkOptions): Promise<FlinkHandle> {
  const env = opts.env ?? process.env;
  if (env.FLINK_REST_URL || env.FLINK_SQL_GATEWAY_URL) return useConfigured(env, opts.onProgress);
  const s = normalize(opts);
  mkdirSync(s.layout.dataDir, { recursive: true });
  const lease = acquireLease(s.layout.leasesDir);
  try {
    const reused = await tryReuse(s, lease);
    if (reused) return reused;
    const lock = tryLock(s.layout.startLock);
    if (!lock.acquired) return await awaitOtherStarter(s, lease, lock.heldBy);
    try {
      return (await tryReuse(s, lease)) ?? (await launch(s, lease, ['jobmanager', 'taskmanager', 'sql-gateway']));
    } finally {
      lock.release();
    }
  } catch (err) {
    lease.release();
    throw err;
  }
}

async function useConfigured(env: NodeJS.ProcessEnv, progress?: (m: string) => void): Promise<FlinkHandle> {
  const restUrl = env.FLINK_REST_URL?.replace(/\/$/, '');
  const gatewayUrl = env.FLINK_SQL_GATEWAY_URL?.replace(/\/$/, '');
  if (!restUrl || !gatewayUrl) {
    throw new StackError('BAD_OPTIONS', 'Set both FLINK_REST_URL and FLINK_SQL_GATEWAY_URL to use an existing Flink, or neither to start a local one');
  }
  const overview = await probeFlinkRest(restUrl, 10_000);
  if (!overview) throw new StackError('BAD_OPTIONS', `FLINK_REST_URL ${restUrl} does not answer as Flink's REST API (GET /overview)`);
  if (!(await probeSqlGateway(gatewayUrl, 10_000))) {
    throw new StackError('BAD_OPTIONS', `FLINK_SQL_GATEWAY_URL ${gatewayUrl} does not answer as a Flink SQL Gateway (GET /v1/info)`);
  }
  progress?.(`Using Flink ${overview['flink-version']} at ${restUrl} (gateway ${gatewayUrl})`);
  return { restUrl, gatewayUrl, reused: true, version: overview['flink-version'], pids: {}, stop: async () => {} };
}

async function tryReuse(s: Settings, lease: Lease): Promise<FlinkHandle | undefined> {
  const rest = await probePort(HOST, s.restPort);
  if (rest === 'free') {
    if ((await probePort(HOST, s.gatewayPort)) !== 'free') {
      throw new StackError('PORT_IN_USE', `Flink SQL Gateway port ${s.gatewayPort} on ${HOST} is in use while no Flink answers on ${s.restPort}; stop what holds it or pass another gatewayPort`);
    }
    return undefined;
  }
  const overview = await waitForRest(s, Math.min(10_000, s.deadline - Date.now()));
  if (!overview) {
    throw new StackError('PORT_IN_USE', `Port ${s.restPort} on ${HOST} is in use by something that does not answer as Flink's REST API; stop it or pass another restPort`);
  }
  const gateway = await probePort(HOST, s.gatewayPort);
  if (gateway === 'free') {
    s.progress(`Flink ${overview['flink-version']} answers at ${s.restUrl}; starting a SQL Gateway for it`);
    return launch(s, lease, ['sql-gateway']);
  }
  if (!(await waitForGateway(s, Math.min(10_000, s.deadline - Date.now())))) {
    throw new StackError('PORT_IN_USE', `Port ${s.gatewayPort} on ${HOST} is in use by something that does not answer as a Flink SQL Gateway; pass another gatewayPort`);
  }
  s.progress(`Flink ${overview['flink-version']} already answers at ${s.restUrl} (gateway ${s.gatewayUrl}); reusing it`);
  const run = readFlinkRunState(s.layout);
  const owned = run !== undefined && run.restPort === s.restPort && Object.values(run.pids).some((pid) => isLayoutProcess(pid, s.layout));
  if (!owned) {
    lease.release();
    return { restUrl: s.restUrl, gatewayUrl: s.gatewayUrl, reused: true, version: overview['flink-version'], pids: {}, stop: async () => {} };
  }
  // A cluster of this data directory: the last of its users stops it.
  return {
    restUrl: s.restUrl, gatewayUrl: s.gatewayUrl, reused: true, version: overview['flink-version'], pids: {}, logDir: s.layout.logDir,
    stop: once(() => releaseAndStopIfLast(s.layout, lease, s.progress)),
  };
}

async function waitForRest(s: Settings, ms: number) {
  const until = Date.now() + Math.max(0, ms);
  for (;;) {
    const overview = await probeFlinkRest(s.restUrl);
    if (overview || Date.now() >= until) return overview;
    await sleep(500);
  }
}

async function waitForGateway(s: Settings, ms: number): Promise<boolean> {
  const until = Date.now() + Math.max(0, ms);
  for (;;) {
    if (await probeSqlGateway(s.gatewayUrl)) return true;
    if (Date.now() >= until) return false;
    await sleep(500);
  }
}

async function awaitOtherStarter(s: Settings, lease: Lease, holder: number): Promise<FlinkHandle> {
  s.progress(`Process ${holder} is starting Flink in ${s.layout.dataDir}; waiting for it`);
  while (Date.now() < s.deadline) {
    if (isReady(await probeFlinkRest(s.restUrl)) && (await probeSqlGateway(s.gatewayUrl))) {
      const reused = await tryReuse(s, lease);
      if (reused) return reused;
    }
    await sleep(1000);
  }
  throw new StackError('START_TIMEOUT', `Flink started by process ${holder} in ${s.layout.dataDir} was not ready at ${s.restUrl} within ${s.timeoutMs} ms\n${logTails(s.layout)}`);
}

function logFiles(layout: FlinkLayout, name: FlinkProcessName): { log: string; out: string } {
  return { log: join(layout.logDir, `${name}.log`), out: join(layout.logDir, `${name}.out`) };
}

function logTails(layout: FlinkLayout, names: readonly FlinkProcessName[] = ['jobmanager', 'taskmanager', 'sql-gateway'], n = 15): string {
  return names.map((name) => {
    const f = logFiles(layout, name);
    const text = [tailFile(f.out, 10), tailFile(f.log, n)].filter((t) => t).join('\n');
    return `--- last lines of ${f.log} ---\n${text || '(empty)'}`;
  }).join('\n');
}

function writeConfig(s: Settings): void {
  const l = s.layout;
  for (const dir of [l.clusterConfDir, l.gatewayConfDir, l.logDir, l.tmpDir, l.webDir, l.checkpointsDir, l.savepointsDir]) mkdirSync(dir, { recursive: true });
  const header = 'Generated by @weir/stack; rewritten on every start.';
  writeFileSync(join(l.clusterConfDir, 'config.yaml'), renderFlinkYaml(clusterConfig({
    host: HOST, restPort: s.restPort, rpcPort: s.rpcPort, taskSlots: s.taskSlots, tmpDir: l.tmpDir,
    checkpointsDir: l.checkpointsDir, savepointsDir: l.savepointsDir, webDir: l.webDir, ...(s.memory ? { memory: s.memory } : {}),
  }), header));
  writeFileSync(join(l.gatewayConfDir, 'config.yaml'), renderFlinkYaml(gatewayConfig({
    host: HOST, restAddress: HOST, restPort: s.restPort, gatewayPort: s.gatewayPort, tmpDir: l.tmpDir,
  }), header));
  for (const dir of [l.clusterConfDir, l.gatewayConfDir]) writeFileSync(join(dir, 'log4j.properties'), flinkLog4jProperties());
}

function jvmArgsOf(name: FlinkProcessName, s: Settings): string[] {
  const sized = name === 'jobmanager' ? jobManagerJvmArgs(s.memory) : name === 'taskmanager' ? taskManagerJvmArgs(s.memory) : gatewayJvmArgs(s.memory);
  const confDir = name === 'sql-gateway' ? s.layout.gatewayConfDir : s.layout.clusterConfDir;
  return [
    ...sized, '-XX:+UseG1GC', '-Djava.awt.headless=true', ...JAVA17_OPENS,
    `-Dlog.file=${logFiles(s.layout, name).log}`,
    `-Dlog4j.configurationFile=file:${join(confDir, 'log4j.properties')}`,
    `-Djava.io.tmpdir=${s.layout.tmpDir}`,
  ];
}

async function launch(s: Settings, lease: Lease, names: readonly FlinkProcessName[]): Promise<FlinkHandle> {
  const l = s.layout;
  const previous = readFlinkRunState(l);
  const leftover = previous ? Object.entries(previous.pids).filter(([, pid]) => isLayoutProcess(pid, l)) : [];
  if (names.includes('jobmanager') && leftover.length > 0) {
    // A half-started or half-stopped cluster of this directory whose REST port no longer answers.
    s.progress(`Stopping leftover Flink processes of ${l.dataDir}: ${leftover.map(([n, pid]) => `${n} ${pid}`).join(', ')}`);
    await Promise.all(leftover.map(([, pid]) => terminateProcess(pid, 10_000)));
  }
  if (names.includes('jobmanager') && (await probePort(HOST, s.rpcPort)) !== 'free') {
    throw new StackError('PORT_IN_USE', `Flink JobManager RPC port ${s.rpcPort} on ${HOST} is in use; pass another rpcPort`);
  }
  const { java } = checkJava(17);
  const classpath = await resolveFlinkClasspath({ ...(s.cacheDir ? { cacheDir: s.cacheDir } : {}), onLog: s.progress });
  writeConfig(s);
  const sizes = processSizes(s.memory);
  const mib = names.reduce((sum, n) => sum + (n === 'jobmanager' ? sizes.jobManager : n === 'taskmanager' ? sizes.taskManager : sizes.gateway), 0);
  s.progress(`Starting Flink ${FLINK_VERSION} (${names.join(', ')}; about ${mib} MiB) with logs in ${l.logDir}`);
  const launchedAt = Date.now();
  const procs = new Map<FlinkProcessName, LaunchedJava>();
  try {
    for (const name of names) {
      const files = logFiles(l, name);
      rotateLog(files.log);
      rotateLog(files.out);
      const confDir = name === 'sql-gateway' ? l.gatewayConfDir : l.clusterConfDir;
      procs.set(name, await launchJava({
        classpath, mainClass: MAIN_CLASS[name], jvmArgs: jvmArgsOf(name, s), logFile: files.out, cwd: l.dataDir,
        args: name === 'sql-gateway' ? [] : ['--configDir', confDir],
        // The gateway finds its configuration only through FLINK_CONF_DIR.
        env: { ...process.env, FLINK_CONF_DIR: confDir },
      }, java));
    }
  } catch (err) {
    await Promise.all([...procs.values()].map((p) => terminateProcess(p.pid, 5000)));
    throw err;
  }
  const pids = Object.fromEntries([...procs].map(([n, p]) => [n, p.pid])) as Partial<Record<FlinkProcessName, number>>;
  const run = readFlinkRunState(l);
  writeFlinkRunState(l, {
    pids: { ...(names.includes('jobmanager') ? {} : run?.pids), ...pids },
    restPort: s.restPort, gatewayPort: s.gatewayPort, startedAt: new Date().toISOString(),
  });

  const failure = await waitUntilReady(s, procs);
  if (failure) {
    await Promise.all([...procs.values()].map((p) => terminateProcess(p.pid, 5000)));
    if (names.includes('jobmanager')) clearFlinkRunState(l);
    throw failure;
  }
  const startupMs = Date.now() - launchedAt;
  s.progress(`Flink ${FLINK_VERSION} ready at ${s.restUrl}, SQL Gateway at ${s.gatewayUrl} (${startupMs} ms after launch; pids ${Object.entries(pids).map(([n, p]) => `${n} ${p}`).join(', ')})`);
  return {
    restUrl: s.restUrl, gatewayUrl: s.gatewayUrl, reused: false, version: FLINK_VERSION, pids, logDir: l.logDir, startupMs,
    stop: once(() => releaseAndStopIfLast(l, lease, s.progress)),
  };
}

async function waitUntilReady(s: Settings, procs: Map<FlinkProcessName, LaunchedJava>): Promise<StackError | undefined> {
  let warmup: Promise<void> | null = null;
  for (;;) {
    for (const [name, p] of procs) {
      if (p.hasExited()) {
        const exit = await p.exited;
        return new StackError('EXITED', `Flink ${name} (pid ${p.pid}) exited during start (${exit.signal ?? `code ${exit.code}`})\n${logTails(s.layout, [name], 40)}`);
      }
    }
    const gateway = procs.has('sql-gateway') && (await probeSqlGateway(s.gatewayUrl)) !== undefined;
    if (gateway && !warmup) warmup = warmUpGateway(s.gatewayUrl);
    if (gateway && isReady(await probeFlinkRest(s.restUrl))) {
      await Promise.race([warmup, sleep(Math.max(0, s.deadline - Date.now()))]);
      return undefined;
    }
    if (!procs.has('sql-gateway') && isReady(await probeFlinkRest(s.restUrl))) return undefined;
    if (Date.now() >= s.deadline) {
      return new StackError('START_TIMEOUT', `Flink was not ready (REST ${s.restUrl}/overview with a TaskManager, gateway ${s.gatewayUrl}/v1/info) within ${s.timeoutMs} ms\n${logTails(s.layout, [...procs.keys()])}`);
    }
    await sleep(500);
  }
}

/** Drops this user's lease; the last user stops the processes recorded for this data directory. */
async function releaseAndStopIfLast(layout: FlinkLayout, lease: Lease, log: (message: string) => void): Promise<void> {
  lease.release();
  const others = liveLeases(layout.leasesDir);
  if (others.length > 0) {
    log(`Flink of ${layout.dataDir} left running for ${others.length} other user(s)`);
    return;
  }
  const run = readFlinkRunState(layout);
  if (!run) return;
  // The gateway first (it holds sessions against the cluster), then the TaskManager, then the JobManager.
  for (const name of ['sql-gateway', 'taskmanager', 'jobmanager'] as const) {
    const pid = run.pids[name];
    if (pid !== undefined && isLayoutProcess(pid, layout)) await terminateProcess(pid, 20_000);
  }
  clearFlinkRunState(layout);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let p: Promise<void> | undefined;
  return () => (p ??= fn());
}
