// `npm run test:chaos`: the full fault-injection suite against a broker of its own (it is
// killed in one scenario). Prints the table; exits 1 when any scenario fails.
// CHAOS_RECORDS (default 100000) and CHAOS_ONLY (comma-separated scenario names) narrow it.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startKafka, type KafkaHandle } from '@weir/stack';
import { chaosTable } from './chaos-table';
import { runScenario, type BrokerControl, type ScenarioOptions, type ScenarioResult } from './scenario';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Away from the ports other tools use (9092 `weir up`, 19092 the integration tests, 29092 others). */
const PORT = 39092;

type Spec = Omit<ScenarioOptions, 'brokers' | 'workDir' | 'broker' | 'log'> & { brokerKill?: boolean };

function scenarios(records: number): Spec[] {
  return [
    { name: 'eo-window-sigkill-x3', pipeline: 'window', delivery: 'exactly-once', records, kills: 3 },
    { name: 'eo-stateless-sigkill-x3', pipeline: 'stateless', delivery: 'exactly-once', records, kills: 3 },
    { name: 'eo-window-broker-kill', pipeline: 'window', delivery: 'exactly-once', records, brokerKill: true },
    { name: 'eo-stateless-broker-kill', pipeline: 'stateless', delivery: 'exactly-once', records, brokerKill: true },
    { name: 'eo-stateless-sigstop-fenced', pipeline: 'stateless', delivery: 'exactly-once', records, pause: true },
    { name: 'alo-window-sigkill-x3', pipeline: 'window', delivery: 'at-least-once', records, kills: 3 },
    { name: 'alo-stateless-sigkill-x3', pipeline: 'stateless', delivery: 'at-least-once', records, kills: 3 },
    { name: 'eo-dead-letter-1pct', pipeline: 'stateless', delivery: 'exactly-once', records, malformedRate: 0.01, kills: 1 },
  ];
}

async function main(): Promise<number> {
  const records = Number(process.env.CHAOS_RECORDS ?? 100_000);
  const only = process.env.CHAOS_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
  const options = { dataDir: join(REPO, '.weir-test', 'chaos-kafka'), port: PORT, controllerPort: PORT + 1, timeoutMs: 150_000 };
  let kafka: KafkaHandle = await startKafka({ ...options, fresh: true });
  if (kafka.reused) {
    // Someone else's broker: this suite kills its broker, so it never borrows one.
    process.stderr.write(`chaos: port ${PORT} is taken by a broker this run did not start; free it and run again\n`);
    return 1;
  }
  process.stderr.write(`chaos: Kafka at ${kafka.brokers}\n`);
  const broker: BrokerControl = {
    async kill() {
      if (kafka.pid === undefined) throw new Error('the broker was not started by this run; it cannot be killed');
      process.kill(kafka.pid, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 500));
      // Drops this handle's lease, or the restarted broker would never be the last one and never stop.
      await kafka.stop().catch(() => {});
    },
    async restart() {
      kafka = await startKafka({ ...options, fresh: false });
    },
  };
  // Interrupted: the broker this run started goes with it.
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      if (kafka.pid !== undefined) process.kill(kafka.pid, 'SIGTERM');
      process.exit(130);
    });
  }
  const workDir = await mkdtemp(join(tmpdir(), 'weir-chaos-'));
  const results: ScenarioResult[] = [];
  try {
    for (const spec of scenarios(records)) {
      if (only !== undefined && !only.includes(spec.name)) continue;
      const { brokerKill, ...rest } = spec;
      const began = Date.now();
      process.stderr.write(`chaos: ${spec.name}…\n`);
      try {
        results.push(await runScenario({
          ...rest, brokers: kafka.brokers, workDir, ...(brokerKill === true ? { broker } : {}),
          log: (line) => process.stderr.write(`  ${line}\n`),
        }));
      } catch (err) {
        results.push({ scenario: spec.name, recordsIn: records, recordsOut: 0, missing: 0, duplicates: 0, unexpected: 0, deadLetters: null, restarts: 0, recoverMs: [], ok: false, problems: [(err as Error).message] });
      }
      process.stderr.write(`chaos: ${spec.name} ${results.at(-1)?.ok === true ? 'passed' : 'FAILED'} in ${((Date.now() - began) / 1000).toFixed(0)} s\n`);
    }
  } finally {
    await kafka.stop().catch(() => {});
    if (kafka.pid !== undefined) {
      try {
        process.kill(kafka.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  }
  process.stdout.write(`\n${chaosTable(results)}\n`);
  for (const r of results) if (!r.ok) process.stdout.write(`\n${r.scenario}:\n  ${r.problems.join('\n  ')}\n`);
  return results.every((r) => r.ok) ? 0 : 1;
}

main().then((code) => process.exit(code), (err: unknown) => {
  process.stderr.write(`chaos: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
