// Vitest globalSetup of the `integration` project: one Kafka broker and a PostgreSQL
// check for every integration test file. KAFKA_BROKERS set: use those brokers and start
// nothing. Otherwise start (or reuse) a local broker on 19092 and stop it at the end
// if this run started it and no other run on the machine still uses it.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { parseBrokers, waitForBroker } from '@weir/kafka';
import { holdTestFlink } from '@weir/flink/testing/test-flink-cluster';
import { isStackError, startKafka, type KafkaHandle } from '@weir/stack';

const REPO = dirname(dirname(fileURLToPath(import.meta.url)));
// WEIR_TEST_PORT_OFFSET moves every port of the integration run (this broker and the test
// Flink), so a second checkout on the machine can run its suite beside this one.
const OFFSET = Number(process.env.WEIR_TEST_PORT_OFFSET ?? 0);
const TEST_PORT = 19092 + OFFSET;
const TEST_CONTROLLER_PORT = 19093 + OFFSET;
const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

async function checkPostgres(): Promise<void> {
  const url = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : DEFAULT_DATABASE_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    const where = url.replace(/\/\/[^@/]*@/, '//');
    throw new Error(
      `PostgreSQL is not reachable at ${where} (${(err as Error).message}). Integration tests need it: ` +
        'start PostgreSQL on 127.0.0.1:5432 with a database "test" (trust auth), or set DATABASE_URL.',
    );
  } finally {
    await client.end().catch(() => {});
  }
}

async function provideKafka(): Promise<KafkaHandle | undefined> {
  const given = process.env.KAFKA_BROKERS;
  if (given) {
    const brokers = parseBrokers(given).join(',');
    await waitForBroker(brokers, { timeoutMs: 30_000 });
    process.stderr.write(`[integration] using Kafka from KAFKA_BROKERS: ${brokers}\n`);
    process.env.KAFKA_BROKERS = brokers;
    return undefined;
  }
  const began = Date.now();
  try {
    const kafka = await startKafka({
      dataDir: join(REPO, '.weir-test', 'kafka'),
      port: TEST_PORT,
      controllerPort: TEST_CONTROLLER_PORT,
      fresh: true,
      timeoutMs: 150_000,
    });
    process.stderr.write(kafka.reused
      ? `[integration] reusing Kafka at ${kafka.brokers}\n`
      : `[integration] started Kafka at ${kafka.brokers} in ${Date.now() - began} ms (JVM to ready ${kafka.startupMs} ms; log ${kafka.logFile})\n`);
    process.env.KAFKA_BROKERS = kafka.brokers;
    return kafka;
  } catch (err) {
    if (isStackError(err)) throw new Error(`Could not provide Kafka for integration tests: ${err.code}: ${err.message}`);
    throw err;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await checkPostgres();
  const kafka = await provideKafka();
  project.provide('kafkaBrokers', process.env.KAFKA_BROKERS!);
  // The test Flink, once the first Flink test file starts it, stays up for the rest of the run.
  const flink = holdTestFlink();
  return async () => {
    await flink.release();
    await kafka?.stop();
  };
}
