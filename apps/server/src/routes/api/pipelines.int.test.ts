import pg from 'pg';
import { testDatabaseUrl, testSchemaName } from '../../services/store/testing';
import { startTestApp } from '../../testing/test-app';
import { pipelinesSuite } from './pipelines-suite';

pipelinesSuite('PostgreSQL', async () => {
  const schema = testSchemaName('api');
  const t = await startTestApp({ env: { DATABASE_URL: testDatabaseUrl() }, storeSchema: schema });
  return {
    ...t,
    async close() {
      await t.close();
      const client = new pg.Client({ connectionString: testDatabaseUrl() });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
});
