import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { testBrokers, uniqueName } from '@weir/kafka/testing';
import type { Field } from '@weir/model/field';
import { kafkaSource, nameOf, pipeline } from '../testing/documents';
import { deployDocument, produce, waitFor } from '../testing/kafka-io';

const PG_URL = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : 'postgres://postgres@127.0.0.1:5432/test';
const T0 = Date.UTC(2026, 0, 1);
const SCHEMA: Field[] = [
  { name: 'id', type: 'int' }, { name: 'k', type: 'string' }, { name: 'amount', type: 'double' },
  { name: 'big', type: 'bigint' }, { name: 'ok', type: 'boolean' }, { name: 'ts', type: 'timestamp' },
];
const tables: string[] = [];
const tableName = () => {
  const t = `weir_rt_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`;
  tables.push(t);
  return t;
};

async function query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  for (const t of tables) await query(`DROP TABLE IF EXISTS "${t}"`);
});

const record = (id: number) => ({ id, k: `k${id % 5}`, amount: id / 4, big: 2 ** 40 + id, ok: id % 2 === 0, ts: T0 + id * 1000 });

describe('postgres-sink on real Kafka and PostgreSQL', () => {
  it('creates the tables and writes append and upsert rows with their types', async () => {
    const brokers = testBrokers();
    const topic = uniqueName('pg-in');
    const append = tableName();
    const upsert = tableName();
    await produce(brokers, topic, 1, Array.from({ length: 40 }, (_, i) => ({ partition: 0, value: JSON.stringify(record(i)) })));
    const doc = pipeline(nameOf(topic), [
      kafkaSource('src', topic, SCHEMA),
      { id: 'log', kind: 'postgres-sink', config: { table: append, mode: 'append' } },
      { id: 'latest', kind: 'postgres-sink', config: { table: upsert, mode: 'upsert', primaryKey: ['k'] } },
    ], [['src', 'log'], ['src', 'latest']]);
    const run = await deployDocument(doc, { jobId: nameOf(topic), kafkaClusters: { default: { brokers } }, postgresConnections: { default: { url: PG_URL } } }, { mode: 'in-thread' });
    const { job } = await run.finished;
    expect(job.status().error).toBeUndefined();
    const types = await query<{ column_name: string; data_type: string }>(
      'SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position', [append]);
    expect(types.map((c) => `${c.column_name}:${c.data_type}`)).toEqual([
      'id:integer', 'k:text', 'amount:double precision', 'big:bigint', 'ok:boolean', 'ts:timestamp without time zone',
    ]);
    const rows = await query<{ id: number; k: string; amount: number; big: string; ok: boolean; ts: string }>(
      `SELECT id, k, amount, big, ok, to_char(ts, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS ts FROM "${append}" ORDER BY id`);
    expect(rows).toHaveLength(40);
    expect(rows[7]).toEqual({ id: 7, k: 'k2', amount: 1.75, big: String(2 ** 40 + 7), ok: false, ts: '2026-01-01T00:00:07.000' });
    const latest = await query<{ k: string; id: number }>(`SELECT k, id FROM "${upsert}" ORDER BY k`);
    expect(latest).toEqual([35, 36, 37, 38, 39].map((id) => ({ k: `k${id % 5}`, id })));
  });

  it('holds the source back while the table is locked, with bounded memory, and delivers everything after', async () => {
    const brokers = testBrokers();
    const topic = uniqueName('pg-slow');
    const table = tableName();
    const capacity = 200;
    await produce(brokers, topic, 1, []);
    const doc = pipeline(nameOf(topic), [
      kafkaSource('src', topic, SCHEMA, { bounded: undefined }),
      { id: 'double', kind: 'map', config: { keepInput: true, select: [{ name: 'twice', expr: 'amount * 2' }] } },
      { id: 'db', kind: 'postgres-sink', config: { table, mode: 'append' } },
    ], [['src', 'double'], ['double', 'db']]);
    const run = await deployDocument(doc, {
      jobId: nameOf(topic), kafkaClusters: { default: { brokers } }, postgresConnections: { default: { url: PG_URL } },
    }, { mode: 'worker', tuning: { postgresSinkCapacity: capacity, postgresSinkBatchSize: 50, maxBytesPerPartition: 16_384 } });
    const { job } = run;
    await waitFor('RUNNING', () => job.status().state === 'RUNNING');
    await waitFor('the table', async () => (await query(`SELECT to_regclass($1) AS t`, [table]))[0]?.t !== null);

    const locker = new pg.Client({ connectionString: PG_URL });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query(`LOCK TABLE "${table}" IN ACCESS EXCLUSIVE MODE`);
    await produce(brokers, topic, 1, Array.from({ length: 2000 }, (_, i) => ({ partition: 0, value: JSON.stringify(record(i)) })));
    await waitFor('HIGH backpressure upstream', () => {
      const m = job.latestMetrics();
      return m?.nodes.src?.backpressure === 'HIGH' && m.nodes.double?.backpressure === 'HIGH';
    });
    const held = job.latestMetrics()!;
    const readWhileHeld = held.nodes.src!.recordsOutTotal;
    expect(held.nodes.db?.stateSize).toBeLessThanOrEqual(capacity);
    expect(readWhileHeld).toBeLessThan(2000);
    await produce(brokers, topic, 1, Array.from({ length: 1000 }, (_, i) => ({ partition: 0, value: JSON.stringify(record(2000 + i)) })));
    await waitFor('lag to show the new records', () => (job.latestMetrics()?.partitions[0]?.lag ?? 0) >= 3000 - readWhileHeld);
    const later = job.latestMetrics()!;
    // The source stopped fetching: nothing more was read while the sink could not write.
    expect(later.nodes.src?.recordsOutTotal).toBe(readWhileHeld);
    expect(later.nodes.db?.stateSize).toBeLessThanOrEqual(capacity);
    expect(later.nodes.db?.busyTimeMsPerSecond).toBeGreaterThan(500);

    await locker.query('COMMIT');
    await locker.end();
    await waitFor('every record in the table', async () => Number((await query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`))[0]?.n) >= 3000, 60_000);
    await job.stop();
    const [stats] = await query<{ n: string; ids: string }>(`SELECT count(*) AS n, count(DISTINCT id) AS ids FROM "${table}"`);
    expect(stats).toEqual({ n: '3000', ids: '3000' });
  });
});
