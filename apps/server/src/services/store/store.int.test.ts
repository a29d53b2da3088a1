import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations';
import { openStore } from './store';
import { storeSuite } from './store-suite';
import { testDatabaseUrl, testSchemaName } from './testing';

storeSuite('PostgreSQL', async () => {
  const schema = testSchemaName('store');
  return { store: await openStore({ databaseUrl: testDatabaseUrl(), dataDir: '/nonexistent', schema }), cleanup: () => dropSchema(schema) };
});

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

describe('PostgreSQL schema', () => {
  it('creates the tables in the given schema and records the migrations once', async () => {
    const schema = testSchemaName('migr');
    try {
      const first = await openStore({ databaseUrl: testDatabaseUrl(), dataDir: '/nonexistent', schema });
      await first.close();
      const second = await openStore({ databaseUrl: testDatabaseUrl(), dataDir: '/nonexistent', schema });
      await second.close();
      const client = new pg.Client({ connectionString: testDatabaseUrl() });
      await client.connect();
      const versions = await client.query(`SELECT version FROM ${schema}.schema_migrations ORDER BY version`);
      const tables = await client.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name', [schema]);
      await client.end();
      expect(versions.rows.map((r: { version: number }) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(tables.rows.map((r: { table_name: string }) => r.table_name)).toEqual([
        'audit_log', 'jobs', 'kafka_connections', 'login_tokens', 'pipeline_versions', 'pipelines', 'schema_migrations', 'sessions', 'users',
      ]);
    } finally {
      await dropSchema(schema);
    }
  });
});
