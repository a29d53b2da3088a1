// Developer entry: node --import tsx packages/stack/src/main.ts kafka start|stop|status [--data-dir D] [--port P]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { waitForBroker } from '@weir/kafka';
import { kafkaLayout, readRunState, isLayoutBroker } from './kafka-layout';
import { isStackError } from './stack-error';
import { startKafka } from './start-kafka';
import { stopKafkaFromPidFile } from './stop-kafka';

const USAGE = `usage: main.ts kafka start|stop|status [--data-dir DIR] [--port PORT] [--controller-port PORT] [--timeout MS] [--verbose]
  start   start a local broker that keeps running (or report the one already answering)
  stop    stop the broker recorded in DIR/kafka.pid
  status  say whether that broker runs and answers
  DIR defaults to $WEIR_DATA_DIR/kafka (.weir/kafka), PORT to 9092`;

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function intOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) fail(`--${name} must be a whole number, got "${value}"`, 2);
  return n;
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'controller-port': { type: 'string' },
      timeout: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [service, action] = positionals;
  if (values.help || service !== 'kafka' || !action) fail(USAGE, values.help ? 0 : 2);
  const dataDir = values['data-dir'] ?? join(process.env.WEIR_DATA_DIR ?? '.weir', 'kafka');
  const port = intOption(values.port, 'port');

  switch (action) {
    case 'start': {
      const controllerPort = intOption(values['controller-port'], 'controller-port');
      const timeoutMs = intOption(values.timeout, 'timeout');
      const started = Date.now();
      const kafka = await startKafka({
        dataDir,
        persistent: true,
        ...(port !== undefined ? { port } : {}),
        ...(controllerPort !== undefined ? { controllerPort } : {}),
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
        ...(values.verbose ? { onLog: (l: string) => process.stderr.write(`${l}\n`) } : {}),
        onProgress: (m) => process.stderr.write(`${m}\n`),
      });
      const how = kafka.reused ? 'already running' : `started in ${Date.now() - started} ms, pid ${kafka.pid}, log ${kafka.logFile}`;
      process.stdout.write(`${kafka.brokers}\n`);
      process.stderr.write(`Kafka ${how}\n`);
      return;
    }
    case 'stop': {
      const r = await stopKafkaFromPidFile(dataDir);
      process.stderr.write(r.stopped ? `Stopped Kafka (pid ${r.pid})\n` : `No running Kafka recorded in ${dataDir}\n`);
      return;
    }
    case 'status': {
      const layout = kafkaLayout(dataDir);
      const run = readRunState(layout);
      const running = run !== undefined && isLayoutBroker(run.pid, layout);
      const brokers = `127.0.0.1:${port ?? run?.port ?? 9092}`;
      const answers = await waitForBroker(brokers, { timeoutMs: 2000 }).then(() => true, () => false);
      process.stdout.write(`${JSON.stringify({ dataDir: layout.dataDir, pid: running ? run.pid : null, brokers, answers })}\n`);
      if (!answers) process.exitCode = 1;
      return;
    }
    default:
      fail(USAGE, 2);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (isStackError(err)) fail(`${err.code}: ${err.message}`);
  fail(err instanceof Error ? (err.stack ?? err.message) : String(err));
});
