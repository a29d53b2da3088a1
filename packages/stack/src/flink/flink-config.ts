/**
 * Flink's configuration for a local session cluster and its SQL Gateway, written as
 * `config.yaml` (Flink 2.x reads no other file), and the JVM options the bin scripts of a
 * flink-dist would otherwise compute.
 */

/** `env.java.opts.all` of flink-dist's own config.yaml: what Flink needs opened on Java 17. */
export const JAVA17_OPENS: readonly string[] = [
  '--add-exports=java.base/sun.net.util=ALL-UNNAMED',
  '--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED',
  '--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED',
  '--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED',
  '--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED',
  '--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED',
  '--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED',
  '--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/java.net=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang.reflect=ALL-UNNAMED',
  '--add-opens=java.base/java.text=ALL-UNNAMED',
  '--add-opens=java.base/java.time=ALL-UNNAMED',
  '--add-opens=java.base/java.util=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED',
];

/** Memory of the three JVMs in MiB. Small on purpose: a 2-core machine shared with Kafka and tests. */
export interface FlinkMemory {
  jobManager: { heap: number; offHeap: number; metaspace: number; overhead: number };
  taskManager: {
    frameworkHeap: number; taskHeap: number; managed: number; frameworkOffHeap: number;
    taskOffHeap: number; network: number; metaspace: number; overhead: number;
  };
  gateway: { heap: number; metaspace: number };
}

export const DEFAULT_FLINK_MEMORY: FlinkMemory = {
  jobManager: { heap: 320, offHeap: 64, metaspace: 192, overhead: 96 },
  // Managed memory serves batch operators and RocksDB; streaming SQL on the heap state backend needs little.
  taskManager: { frameworkHeap: 64, taskHeap: 256, managed: 64, frameworkOffHeap: 64, taskOffHeap: 0, network: 64, metaspace: 192, overhead: 128 },
  gateway: { heap: 384, metaspace: 256 },
};

/** The whole process size of each JVM, as Flink accounts for it, in MiB. */
export function processSizes(m: FlinkMemory = DEFAULT_FLINK_MEMORY): { jobManager: number; taskManager: number; gateway: number; total: number } {
  const jm = m.jobManager.heap + m.jobManager.offHeap + m.jobManager.metaspace + m.jobManager.overhead;
  const t = m.taskManager;
  const tm = t.frameworkHeap + t.taskHeap + t.managed + t.frameworkOffHeap + t.taskOffHeap + t.network + t.metaspace + t.overhead;
  const gw = m.gateway.heap + m.gateway.metaspace + 64;
  return { jobManager: jm, taskManager: tm, gateway: gw, total: jm + tm + gw };
}

export type FlinkConfig = Record<string, string | number | boolean>;

export interface ClusterConfigOptions {
  host: string;
  restPort: number;
  rpcPort: number;
  taskSlots: number;
  tmpDir: string;
  checkpointsDir: string;
  savepointsDir: string;
  webDir: string;
  memory?: FlinkMemory;
}

const mb = (n: number) => `${n}m`;
const fileUri = (path: string) => `file://${path}`;

/** The session cluster's settings: everything on `host`, explicit memory, a bounded restart policy. */
export function clusterConfig(o: ClusterConfigOptions): FlinkConfig {
  const m = o.memory ?? DEFAULT_FLINK_MEMORY;
  const jm = m.jobManager;
  const tm = m.taskManager;
  return {
    'jobmanager.rpc.address': o.host,
    'jobmanager.rpc.port': o.rpcPort,
    'jobmanager.bind-host': o.host,
    'taskmanager.bind-host': o.host,
    'taskmanager.host': o.host,
    'rest.address': o.host,
    'rest.bind-address': o.host,
    'rest.port': o.restPort,
    'taskmanager.numberOfTaskSlots': o.taskSlots,
    'parallelism.default': 1,
    'io.tmp.dirs': o.tmpDir,
    'web.tmpdir': o.webDir,
    'web.upload.dir': o.webDir,
    'execution.checkpointing.dir': fileUri(o.checkpointsDir),
    'execution.checkpointing.savepoint-dir': fileUri(o.savepointsDir),
    // The REST API serves metrics from a cache refreshed every 10 s by default; Weir polls every second.
    'metrics.fetcher.update-interval': 1000,
    // A failing job should fail, not restart forever (Flink's default once checkpointing is on).
    'restart-strategy.type': 'fixed-delay',
    'restart-strategy.fixed-delay.attempts': 2,
    'restart-strategy.fixed-delay.delay': '2 s',
    'jobmanager.memory.heap.size': mb(jm.heap),
    'jobmanager.memory.off-heap.size': mb(jm.offHeap),
    'jobmanager.memory.jvm-metaspace.size': mb(jm.metaspace),
    'jobmanager.memory.jvm-overhead.min': mb(jm.overhead),
    'jobmanager.memory.jvm-overhead.max': mb(jm.overhead),
    'taskmanager.cpu.cores': o.taskSlots,
    'taskmanager.memory.framework.heap.size': mb(tm.frameworkHeap),
    'taskmanager.memory.task.heap.size': mb(tm.taskHeap),
    'taskmanager.memory.managed.size': mb(tm.managed),
    'taskmanager.memory.framework.off-heap.size': mb(tm.frameworkOffHeap),
    'taskmanager.memory.task.off-heap.size': mb(tm.taskOffHeap),
    'taskmanager.memory.network.min': mb(tm.network),
    'taskmanager.memory.network.max': mb(tm.network),
    'taskmanager.memory.jvm-metaspace.size': mb(tm.metaspace),
    'taskmanager.memory.jvm-overhead.min': mb(tm.overhead),
    'taskmanager.memory.jvm-overhead.max': mb(tm.overhead),
  };
}

export interface GatewayConfigOptions {
  host: string;
  /** The session cluster's REST endpoint the gateway submits jobs to. */
  restAddress: string;
  restPort: number;
  gatewayPort: number;
  tmpDir: string;
}

/** The SQL Gateway's settings: a REST endpoint on `host`, jobs submitted to the session cluster. */
export function gatewayConfig(o: GatewayConfigOptions): FlinkConfig {
  return {
    'execution.target': 'remote',
    'rest.address': o.restAddress,
    'rest.port': o.restPort,
    'sql-gateway.endpoint.type': 'rest',
    'sql-gateway.endpoint.rest.address': o.host,
    'sql-gateway.endpoint.rest.bind-address': o.host,
    'sql-gateway.endpoint.rest.port': o.gatewayPort,
    'io.tmp.dirs': o.tmpDir,
    'table.local-time-zone': 'UTC',
  };
}

function yamlScalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  // Plain scalars stay readable; anything YAML could misread is single-quoted.
  return /^[A-Za-z0-9_./:-][A-Za-z0-9_./: -]*$/.test(value) && !/: |:$| $/.test(value) && !/^(true|false|null|~|yes|no|on|off)$/i.test(value)
    ? value
    : `'${value.replace(/'/g, "''")}'`;
}

/** A flat `config.yaml` (Flink 2.x accepts dotted keys at the top level). */
export function renderFlinkYaml(config: FlinkConfig, header: string): string {
  const lines = [`# ${header}`];
  for (const [key, value] of Object.entries(config)) lines.push(`${key}: ${yamlScalar(value)}`);
  return `${lines.join('\n')}\n`;
}

/** JVM options of the JobManager, sized as Flink's own scripts size them from its memory settings. */
export function jobManagerJvmArgs(m: FlinkMemory = DEFAULT_FLINK_MEMORY): string[] {
  const jm = m.jobManager;
  return [`-Xms${jm.heap}m`, `-Xmx${jm.heap}m`, `-XX:MaxDirectMemorySize=${jm.offHeap}m`, `-XX:MaxMetaspaceSize=${jm.metaspace}m`];
}

export function taskManagerJvmArgs(m: FlinkMemory = DEFAULT_FLINK_MEMORY): string[] {
  const t = m.taskManager;
  const heap = t.frameworkHeap + t.taskHeap;
  const direct = t.frameworkOffHeap + t.taskOffHeap + t.network;
  return [`-Xms${heap}m`, `-Xmx${heap}m`, `-XX:MaxDirectMemorySize=${direct}m`, `-XX:MaxMetaspaceSize=${t.metaspace}m`];
}

export function gatewayJvmArgs(m: FlinkMemory = DEFAULT_FLINK_MEMORY): string[] {
  return [`-Xms128m`, `-Xmx${m.gateway.heap}m`, `-XX:MaxMetaspaceSize=${m.gateway.metaspace}m`];
}

/** log4j2 configuration writing to the file named by `-Dlog.file` (the web UI shows that file). */
export function flinkLog4jProperties(): string {
  return [
    '# Generated by @weir/stack; rewritten on every start.',
    'monitorInterval = 0',
    'rootLogger.level = INFO',
    'rootLogger.appenderRef.file.ref = MainAppender',
    'appender.main.name = MainAppender',
    'appender.main.type = File',
    'appender.main.append = true',
    'appender.main.fileName = ${sys:log.file}',
    'appender.main.layout.type = PatternLayout',
    'appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n',
    // The Kafka clients inside jobs log every connection and metadata update at INFO.
    'logger.kafka.name = org.apache.flink.kafka.shaded.org.apache.kafka',
    'logger.kafka.level = WARN',
    'logger.kafka2.name = org.apache.kafka',
    'logger.kafka2.level = WARN',
    '',
  ].join('\n');
}
