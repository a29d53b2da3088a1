import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KafkaConnectionRow } from './kafka-connections-repo';
import { openStore, type Store } from './store';
import { testDatabaseUrl, testSchemaName } from './testing';

// The same SQL runs on SQLite in routes/api/kafka/connections.test.ts; this is PostgreSQL.
describe('kafka connections on PostgreSQL', () => {
  const schema = testSchemaName('kconn');
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ databaseUrl: testDatabaseUrl(), dataDir: '/nonexistent', schema });
  });
  afterAll(async () => {
    await store?.close();
    const client = new pg.Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  const row: KafkaConnectionRow = {
    name: 'prod', bootstrapServers: 'a:9092,b:9092', saslMechanism: 'scram-sha-256', saslUsername: 'weir', saslPassword: 'v1:sealed',
    tlsEnabled: true, tlsCa: '-----BEGIN CERTIFICATE-----', createdAt: 1_767_225_600_000, updatedAt: 1_767_225_600_000,
  };

  it('stores, lists, updates and deletes connections, names unique', async () => {
    await store.kafkaConnections.insert(row);
    await store.kafkaConnections.insert({ ...row, name: 'alpha', saslMechanism: null, saslUsername: null, saslPassword: null, tlsEnabled: false, tlsCa: null });
    expect(await store.kafkaConnections.get('prod')).toEqual(row);
    expect((await store.kafkaConnections.list()).map((c) => c.name)).toEqual(['alpha', 'prod']);
    await expect(store.kafkaConnections.insert(row)).rejects.toSatisfy((e: unknown) => store.isUniqueViolation(e));
    expect(await store.kafkaConnections.update({ ...row, bootstrapServers: 'c:9092', tlsEnabled: false, updatedAt: row.updatedAt + 1 })).toBe(true);
    expect(await store.kafkaConnections.get('prod')).toMatchObject({ bootstrapServers: 'c:9092', tlsEnabled: false, updatedAt: row.updatedAt + 1 });
    expect(await store.kafkaConnections.delete('prod')).toBe(true);
    expect(await store.kafkaConnections.delete('prod')).toBe(false);
    expect(await store.kafkaConnections.get('prod')).toBeUndefined();
  });
});
