import { randomBytes } from 'node:crypto';

/** The integration suite's PostgreSQL: DATABASE_URL when it is one, else the local `test` database. */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : 'postgres://postgres@127.0.0.1:5432/test';
}

/** A schema name no other test run uses, so runs never see each other's rows. */
export function testSchemaName(label: string): string {
  return `weir_test_${label}_${randomBytes(4).toString('hex')}`;
}
