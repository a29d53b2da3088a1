import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { waitForBroker } from '@weir/kafka';
import { classifyBrokerExit } from './broker-exit';
import { KAFKA_VERSION, resolveKafkaClasspath } from './kafka-artifacts';
import { brokerProperties, log4j2Properties, renderProperties } from './kafka-config';
import { clearRunState, isLayoutBroker, kafkaLayout, readRunState, writeRunState, type KafkaLayout } from './kafka-layout';
import { ensureStorageFormatted } from './kafka-storage';
import { checkJava, launchJava, terminateProcess } from './java-process';
import { acquireLease, liveLeases, type Lease } from './leases';
import { followFile, rotateLog, tailFile } from './log-file';
import { probePort } from './port-probe';
import { StackError } from './stack-error';
import { tryLock } from './start-lock';

export interface StartKafkaOptions {
  dataDir: string;
  /** Broker (PLAINTEXT) port; default 9092. */
  port?: number;
  /** KRaft controller port; default port + 1. */
  controllerPort?: number;
  host?: '127.0.0.1';
  /** Default `<dataDir>/kafka.log`. */
  logFile?: string;
  /** The whole start, Maven resolution included; default 120 s. */
  timeoutMs?: number;
  /** Each line the broker logs while it runs (followed from the log file), and Weir's progress messages. */
  onLog?: (line: string) => void;
  /** Only Weir's progress messages (resolving, formatting, reusing, up); default: onLog. */
  onProgress?: (message: string) => void;
  /**
   * Wipe the broker's storage before launching a new broker (never when reusing one), so
   * a test run starts from an empty cluster and skips the restart's re-registration wait.
   */
  fresh?: boolean;
  /** JVM options; default a small heap. */
  jvmArgs?: readonly string[];
  /**
   * Default false: the broker stops when the last user in this process tree calls stop().
   * true (the CLI): it keeps running until stopped explicitly.
   */
  persistent?: boolean;
  /** Broker settings over Weir's defaults (kafka-config.ts). */
  overrides?: Record<string, string | number | boolean>;
  /** How long something listening on the port may take to answer as Kafka; default 10 s. */
  reuseProbeMs?: number;
  cacheDir?: string;
}

export interface KafkaHandle {
  /** Bootstrap list, e.g. "127.0.0.1:9092". */
  brokers: string;
  /** True when a broker already answered on the port and none was started. */
  reused: boolean;
  pid?: number;
  logFile?: string;
  /** Milliseconds from launching the JVM to the broker answering (started brokers only). */
  startupMs?: number;
  stop(): Promise<void>;
}

const DEFAULT_JVM = ['-Xms256m', '-Xmx1g', '-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', '-Djava.awt.headless=true'];

type Settings = Required<Pick<StartKafkaOptions, 'dataDir' | 'port' | 'controllerPort' | 'host' | 'timeoutMs' | 'persistent' | 'reuseProbeMs'>> &
  StartKafkaOptions & { brokers: string; deadline: number; progress: (message: string) => void };

function validPort(p: number): boolean {
  return Number.isInteger(p) && p >= 1 && p <= 65535;
}

export function normalizeStartOptions(opts: StartKafkaOptions, now = Date.now()): Settings {
  const port = opts.port ?? 9092;
  const controllerPort = opts.controllerPort ?? port + 1;
  if (!opts.dataDir) throw new StackError('BAD_OPTIONS', 'startKafka needs a dataDir');
  if (!validPort(port)) throw new StackError('BAD_OPTIONS', `Kafka port must be 1–65535, got ${port}`);
  if (!validPort(controllerPort) || controllerPort === port) {
    throw new StackError('BAD_OPTIONS', `Kafka controllerPort must be 1–65535 and differ from port ${port}, got ${controllerPort}`);
  }
  const host = opts.host ?? '127.0.0.1';
  const timeoutMs = opts.timeoutMs ?? 120_000;
  return {
    ...opts, port, controllerPort, host, timeoutMs,
    persistent: opts.persistent ?? false,
    reuseProbeMs: opts.reuseProbeMs ?? 10_000,
    brokers: `${host}:${port}`,
    deadline: now + timeoutMs,
    progress: opts.onProgress ?? opts.onLog ?? (() => {}),
  };
}

/**
 * Starts a single-node Kafka (KRaft, broker+controller) from Maven Central jars, or
 * reuses a broker already answering on the port. See kafka-config.ts for its settings.
 */
export async function startKafka(opts: StartKafkaOptions): Promise<KafkaHandle> {
  const s = normalizeStartOptions(opts);
  const layout = kafkaLayout(s.dataDir, s.logFile);
  mkdirSync(layout.dataDir, { recursive: true });
  // Taken before probing, so a user finishing elsewhere cannot stop the broker we are about to reuse.
  const lease = s.persistent ? undefined : acquireLease(layout.leasesDir);
  try {
    const reused = await tryReuse(s, layout, lease);
    if (reused) return reused;
    const lock = tryLock(layout.startLock);
    if (!lock.acquired) return await awaitOtherStarter(s, layout, lease, lock.heldBy);
    try {
      return (await tryReuse(s, layout, lease)) ?? (await launch(s, layout, lease));
    } finally {
      lock.release();
    }
  } catch (err) {
    lease?.release();
    throw err;
  }
}

async function tryReuse(s: Settings, layout: KafkaLayout, lease: Lease | undefined): Promise<KafkaHandle | undefined> {
  const state = await probePort(s.host, s.port);
  if (state === 'free') return undefined;
  if (state === 'bound') {
    throw new StackError('PORT_IN_USE', `Port ${s.port} on ${s.host} is bound by another process; choose another port`);
  }
  const run = readRunState(layout);
  // Our own broker from this data directory may still be booting: give it the whole timeout.
  const booting = run !== undefined && run.port === s.port && isLayoutBroker(run.pid, layout);
  try {
    await waitForBroker(s.brokers, { timeoutMs: booting ? Math.max(0, s.deadline - Date.now()) : Math.min(s.reuseProbeMs, s.timeoutMs) });
  } catch {
    if (booting) {
      throw new StackError(
        'START_TIMEOUT',
        `Kafka (pid ${run.pid}) of ${layout.dataDir} listens on ${s.brokers} but did not answer within ${s.timeoutMs} ms\n--- last lines of ${layout.logFile} ---\n${tailFile(layout.logFile)}`,
      );
    }
    throw new StackError(
      'PORT_IN_USE',
      `Port ${s.port} on ${s.host} is in use by something that does not answer as a Kafka broker; stop it or choose another port`,
    );
  }
  s.progress(`Kafka already answers at ${s.brokers}; reusing it`);
  return reusedHandle(s, layout, lease);
}

function reusedHandle(s: Settings, layout: KafkaLayout, lease: Lease | undefined): KafkaHandle {
  const run = readRunState(layout);
  const owned = run !== undefined && run.port === s.port && isLayoutBroker(run.pid, layout);
  if (!owned || !lease) {
    lease?.release();
    return { brokers: s.brokers, reused: true, stop: async () => {} };
  }
  // A broker from this data directory: stopping hands it over, and the last user stops it.
  return {
    brokers: s.brokers, reused: true, pid: run.pid, logFile: layout.logFile,
    stop: once(() => releaseAndStopIfLast(layout, lease, run.pid, s.progress)),
  };
}

async function awaitOtherStarter(s: Settings, layout: KafkaLayout, lease: Lease | undefined, holder: number): Promise<KafkaHandle> {
  s.progress(`Process ${holder} is starting Kafka in ${layout.dataDir}; waiting for it`);
  try {
    await waitForBroker(s.brokers, { timeoutMs: Math.max(0, s.deadline - Date.now()) });
  } catch {
    throw new StackError(
      'START_TIMEOUT',
      `Kafka started by process ${holder} in ${layout.dataDir} did not answer at ${s.brokers} within ${s.timeoutMs} ms\n--- last lines of ${layout.logFile} ---\n${tailFile(layout.logFile)}`,
    );
  }
  return reusedHandle(s, layout, lease);
}

async function launch(s: Settings, layout: KafkaLayout, lease: Lease | undefined): Promise<KafkaHandle> {
  const previous = readRunState(layout);
  if (previous && isLayoutBroker(previous.pid, layout)) {
    throw new StackError(
      'DATA_DIR_IN_USE',
      `Kafka (pid ${previous.pid}, port ${previous.port ?? '?'}) already runs with ${layout.dataDir}; stop it first (kafka stop --data-dir ${layout.dataDir})`,
    );
  }
  if (previous) clearRunState(layout); // left by a killed run
  if ((await probePort(s.host, s.controllerPort)) !== 'free') {
    throw new StackError('PORT_IN_USE', `Kafka controller port ${s.controllerPort} on ${s.host} is in use; pass another controllerPort`);
  }

  const { java } = checkJava(17);
  const classpath = await resolveKafkaClasspath({ ...(s.cacheDir ? { cacheDir: s.cacheDir } : {}), onLog: s.progress });
  mkdirSync(layout.configDir, { recursive: true });
  writeFileSync(layout.serverProperties, renderProperties(
    brokerProperties({ host: s.host, port: s.port, controllerPort: s.controllerPort, logDir: layout.storageDir, ...(s.overrides ? { overrides: s.overrides } : {}) }),
    'Generated by @weir/stack; rewritten on every start.',
  ));
  writeFileSync(layout.log4j2Properties, log4j2Properties(layout.logFile));
  rotateLog(layout.logFile);
  if (s.fresh) rmSync(layout.storageDir, { recursive: true, force: true });
  const storage = await ensureStorageFormatted(layout, classpath, java);
  if (storage.formatted) s.progress(`Formatted Kafka storage ${layout.storageDir} (cluster ${storage.clusterId})`);

  const follower = s.onLog ? followFile(layout.logFile, s.onLog) : undefined;
  const launchedAt = Date.now();
  const proc = await launchJava({
    classpath,
    mainClass: 'kafka.Kafka',
    args: [layout.serverProperties],
    jvmArgs: [...(s.jvmArgs ?? DEFAULT_JVM), `-Dlog4j2.configurationFile=${layout.log4j2Properties}`, `-Dkafka.logs.dir=${layout.dataDir}`],
    logFile: layout.logFile,
    cwd: layout.dataDir,
  }, java);
  writeRunState(layout, {
    pid: proc.pid, host: s.host, port: s.port, controllerPort: s.controllerPort,
    persistent: s.persistent, startedAt: new Date().toISOString(),
  });

  const abort = new AbortController();
  const outcome = await Promise.race([
    waitForBroker(s.brokers, { timeoutMs: Math.max(1000, s.deadline - Date.now()), signal: abort.signal })
      .then(() => 'up' as const, () => 'timeout' as const),
    proc.exited.then(() => 'exited' as const),
  ]);
  abort.abort();

  if (outcome !== 'up') {
    if (outcome === 'timeout') await terminateProcess(proc.pid, 5000);
    follower?.close();
    clearRunState(layout);
    const tail = tailFile(layout.logFile, 40);
    if (outcome === 'timeout') {
      throw new StackError('START_TIMEOUT', `Kafka did not answer at ${s.brokers} within ${s.timeoutMs} ms\n--- last lines of ${layout.logFile} ---\n${tail}`);
    }
    const exit = await proc.exited;
    const c = classifyBrokerExit(tail, { ...s, ...layout, exit });
    throw new StackError(c.code, c.message);
  }

  const startupMs = Date.now() - launchedAt;
  s.progress(`Kafka ${KAFKA_VERSION} answers at ${s.brokers} (pid ${proc.pid}, ${startupMs} ms after launch)`);
  const pid = proc.pid;
  return {
    brokers: s.brokers, reused: false, pid, logFile: layout.logFile, startupMs,
    stop: once(async () => {
      follower?.close();
      if (lease) return releaseAndStopIfLast(layout, lease, pid, s.progress);
      await terminateProcess(pid, 30_000);
      clearRunState(layout);
    }),
  };
}

/** Drops this user's lease and stops the broker if nobody else holds one and it is not persistent. */
async function releaseAndStopIfLast(layout: KafkaLayout, lease: Lease, pid: number, log: (message: string) => void): Promise<void> {
  lease.release();
  const others = liveLeases(layout.leasesDir);
  if (others.length > 0) {
    log(`Kafka (pid ${pid}) left running for ${others.length} other user(s)`);
    return;
  }
  const run = readRunState(layout);
  if (run?.pid !== pid || run.persistent || !isLayoutBroker(pid, layout)) return;
  await terminateProcess(pid, 30_000);
  clearRunState(layout);
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let p: Promise<void> | undefined;
  return () => (p ??= fn());
}
