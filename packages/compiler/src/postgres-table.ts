import type { FieldType, RecordSchema } from '@weir/model';
import type { PostgresColumn } from './embedded-plan';

/**
 * How a pipeline's fields are stored in PostgreSQL. Timestamps are `timestamp(3)` holding
 * UTC: both engines write the UTC wall-clock time, which a zone-less column keeps exactly
 * whatever the time zone of the writing process (Flink's JDBC connector sends TIMESTAMP values
 * through java.sql.Timestamp in the JVM's zone, which a `timestamptz` column would shift).
 */
export const POSTGRES_TYPES: Record<FieldType, string> = {
  string: 'text',
  int: 'integer',
  bigint: 'bigint',
  double: 'double precision',
  boolean: 'boolean',
  timestamp: 'timestamp(3)',
};

export function postgresColumns(schema: RecordSchema): PostgresColumn[] {
  return schema.map((f) => ({ name: f.name, type: f.type, pgType: POSTGRES_TYPES[f.type] }));
}

export function quotePgIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The table as SQL: each part lower-cased and quoted. Lower-casing is what PostgreSQL does
 * to an unquoted name, so the table is the one a person addresses without quotes and the one
 * Flink's JDBC connector (which does not quote) writes to; quoting keeps reserved words safe.
 */
export function postgresTableSql(table: string): string {
  return table.split('.').map((part) => quotePgIdent(part.toLowerCase())).join('.');
}

export function postgresCreateTableSql(table: string, columns: readonly PostgresColumn[], primaryKey: readonly string[]): string {
  const lines = columns.map((c) => `  ${quotePgIdent(c.name)} ${c.pgType}`);
  if (primaryKey.length > 0) lines.push(`  PRIMARY KEY (${primaryKey.map(quotePgIdent).join(', ')})`);
  return `CREATE TABLE IF NOT EXISTS ${postgresTableSql(table)} (\n${lines.join(',\n')}\n)`;
}
