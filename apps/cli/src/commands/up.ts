// `weir up`: everything a person needs on one machine — Kafka (unless KAFKA_BROKERS is
// set), the server with the web app, and live demo data — stopped together by Ctrl-C.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isKafkaClientError } from '@weir/kafka';
import { ConfigError, loadConfig, ServerStartError, startServer, type RunningServer } from '@weir/server';
import { isStackError, probePort, startKafka, type KafkaHandle } from '@weir/stack';
import { startDemoData, type DemoData } from '../datagen/index';

export const summary = 'Start Kafka (unless KAFKA_BROKERS is set), the server and web app, and live demo data';

const USAGE = `Usage: weir up [--port N] [--data-dir DIR] [--kafka-port N] [--no-demo]

Options:
  --port N         port of the server and web app (default $WEIR_PORT, else 3000)
  --data-dir DIR   where Weir keeps its data, the local Kafka's included
                   (default $WEIR_DATA_DIR, else .weir)
  --kafka-port N   port of the local Kafka broker (default 9092; the KRaft controller
                   takes the next one); ignored when KAFKA_BROKERS is set
  --no-demo        do not create and fill the demo topics orders, clicks and logs

Environment: KAFKA_BROKERS (use this cluster instead of starting one), WEIR_HOST
(default 127.0.0.1), DATABASE_URL.`;

export interface UpOptions {
  port: number;
  dataDir: string;
  kafkaPort: number;
  demo: boolean;
  help: boolean;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function parsePort(flag: string, text: string): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new UsageError(`${flag} must be a port number 1–65535, got "${text}"`);
  return n;
}

/** Flags first, then the environment, then defaults. */
export function parseUpArgs(args: string[], env: Record<string, string | undefined> = process.env): UpOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'kafka-port': { type: 'string' },
        'no-demo': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const port = values.port ?? env.WEIR_PORT;
  return {
    port: port ? parsePort(values.port !== undefined ? '--port' : 'WEIR_PORT', port) : 3000,
    dataDir: resolve(values['data-dir'] || env.WEIR_DATA_DIR || '.weir'),
    kafkaPort: values['kafka-port'] !== undefined ? parsePort('--kafka-port', values['kafka-port']) : 9092,
    demo: !values['no-demo'],
    help: values.help,
  };
}

const STACK_HINTS: Record<string, string> = {
  NO_JAVA: 'Install Java 17 or later (or set JAVA_HOME), or set KAFKA_BROKERS=host:port to use a running Kafka.',
  NO_MAVEN: 'Install Maven 3.8 or later (it fetches Kafka from Maven Central), or set KAFKA_BROKERS=host:port.',
  MAVEN_RESOLVE_FAILED: 'Check the network access to Maven Central (and ~/.m2/settings.xml), or set KAFKA_BROKERS=host:port.',
  PORT_IN_USE: 'Choose other ports with --kafka-port N, or set KAFKA_BROKERS=host:port to use the broker already there.',
  DATA_DIR_IN_USE: 'Another Kafka runs from this data directory; stop it, or choose another --data-dir.',
  STORAGE_UNREADABLE: 'Kafka cannot read its storage; move the data directory aside or choose another --data-dir.',
  START_TIMEOUT: 'Kafka did not come up in time; its log (above) says why.',
  EXITED: 'Kafka stopped while starting; its log (above) says why.',
};

/** One readable paragraph for a failure of `weir up`: what failed, why, and what to do. */
export function describeUpError(err: unknown): string {
  if (err instanceof UsageError) return `${err.message}\n\n${USAGE}`;
  if (isStackError(err)) {
    const hint = STACK_HINTS[err.code];
    return `Cannot start Kafka (${err.code}): ${err.message}${hint ? `\n${hint}` : ''}`;
  }
  if (err instanceof ServerStartError) return `Cannot start the server (${err.code}): ${err.message}`;
  if (err instanceof ConfigError) return `Bad configuration: ${err.message}`;
  if (isKafkaClientError(err)) return `Kafka (${err.code}): ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function warn(line: string): void {
  process.stderr.write(`${line}\n`);
}

/**
 * Which of startKafka's log lines to show. It reports its progress (Maven, storage) and then
 * follows the broker's own log, whose records ("[2026-01-01 …] INFO …") run over several
 * lines; from the first of them on, everything belongs in the log file, not the terminal.
 */
export function progressLineFilter(): (line: string) => boolean {
  let brokerLogStarted = false;
  return (line) => {
    if (/^\[\d{4}-\d{2}-\d{2}/.test(line)) brokerLogStarted = true;
    return !brokerLogStarted;
  };
}

/** Resolves when SIGINT or SIGTERM arrives; a second one, later, forces the exit. */
function stopSignal(onForce: () => void): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  let firstAt = 0;
  const handler = (sig: NodeJS.Signals) => {
    if (!controller.signal.aborted) {
      firstAt = Date.now();
      say(`\n${sig} received: stopping Weir… (press Ctrl-C again to force)`);
      controller.abort();
      return;
    }
    // A terminal's Ctrl-C reaches every process of the group, and npm forwards it too:
    // a copy arriving right after the first is the same keypress, not an impatient second one.
    if (Date.now() - firstAt > 1500) onForce();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}

async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<undefined>((r) => {
    timer = setTimeout(() => r(undefined), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

export async function run(args: string[]): Promise<number> {
  let opts: UpOptions;
  try {
    opts = parseUpArgs(args);
  } catch (err) {
    warn(`weir up: ${describeUpError(err)}`);
    return 2;
  }
  if (opts.help) {
    say(USAGE);
    return 0;
  }

  let kafka: KafkaHandle | undefined;
  let server: RunningServer | undefined;
  let demo: DemoData | undefined;
  const demoStop = new AbortController();
  const stop = stopSignal(() => {
    warn('Forced stop.');
    // The broker runs in its own process group, so it would outlive us: take it along.
    if (kafka && !kafka.reused && kafka.pid) {
      try {
        process.kill(kafka.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    process.exit(130);
  });

  async function shutdown(): Promise<void> {
    demoStop.abort();
    if (demo) {
      const outcome = await within(demo.done.then(() => 'ok', () => 'failed'), 10_000);
      if (!outcome) warn('Demo data did not stop within 10 s; going on.');
    }
    if (server) await server.close();
    if (kafka) {
      if (!kafka.reused) say('Stopping Kafka…');
      await kafka.stop();
    }
  }

  async function start(): Promise<void> {
    const env = process.env;
    const host = env.WEIR_HOST || '127.0.0.1';
    // Fail before the slow part: starting Kafka only to find the web port taken wastes a minute.
    if ((await probePort(host, opts.port)) !== 'free') {
      throw new ServerStartError(
        'PORT_IN_USE',
        `Port ${opts.port} on ${host} is already in use. Stop what uses it, or choose another port with --port N (or WEIR_PORT=N).`,
      );
    }

    let brokers = env.KAFKA_BROKERS?.trim();
    if (brokers) {
      say(`Kafka: using KAFKA_BROKERS=${brokers}`);
    } else {
      const kafkaDir = join(opts.dataDir, 'kafka');
      say(`Kafka: starting a local broker on 127.0.0.1:${opts.kafkaPort} (data in ${kafkaDir})…`);
      const showLine = progressLineFilter();
      kafka = await startKafka({
        dataDir: kafkaDir,
        port: opts.kafkaPort,
        onLog: (line) => {
          if (showLine(line)) say(`Kafka: ${line}`);
        },
      });
      brokers = kafka.brokers;
      say(
        kafka.reused
          ? `Kafka: reusing the broker already answering at ${brokers}`
          : `Kafka: started at ${brokers} in ${((kafka.startupMs ?? 0) / 1000).toFixed(1)} s (pid ${kafka.pid}; log ${kafka.logFile})`,
      );
    }
    if (stop.signal.aborted) return;

    const config = loadConfig({ ...env, WEIR_PORT: String(opts.port), WEIR_DATA_DIR: opts.dataDir, KAFKA_BROKERS: brokers });
    server = await startServer(config);
    if (stop.signal.aborted) return;

    if (opts.demo) {
      try {
        demo = await startDemoData({ brokers, signal: demoStop.signal });
        say(`Demo data: streaming to ${demo.topics.join(', ')}`);
        demo.done.catch((err: unknown) => {
          if (!demoStop.signal.aborted) warn(`Demo data stopped: ${describeUpError(err)}`);
        });
      } catch (err) {
        warn(`Demo data is off: ${describeUpError(err)}`);
      }
    }
    if (stop.signal.aborted) return;

    // `weir up` always hands out a fresh admin link: the person at the terminal is the admin.
    const login = await server.issueAdminLoginLink();
    say('');
    if (login) say(`Log in: ${login.url}`);
    say(`Weir is running at ${server.url}`);
    say('Press Ctrl-C to stop.');
    await new Promise<void>((r) => stop.signal.addEventListener('abort', () => r(), { once: true }));
  }

  let exitCode = 0;
  try {
    await start();
  } catch (err) {
    warn(`weir up: ${describeUpError(err)}`);
    exitCode = 1;
  }
  try {
    await shutdown();
    if (exitCode === 0) say('Weir stopped.');
  } catch (err) {
    warn(`weir up: while stopping: ${describeUpError(err)}`);
    exitCode = 1;
  }
  stop.dispose();
  // Everything is closed; should a library still hold a handle, it must not keep the process alive.
  setTimeout(() => process.exit(exitCode), 3000).unref();
  return exitCode;
}
