import { join } from 'node:path';
import { auditRepo } from './audit-repo';
import { authRepo } from './auth-repo';
import type { Database, Db, DialectName } from './db';
import { jobsRepo } from './jobs-repo';
import { kafkaConnectionsRepo } from './kafka-connections-repo';
import { migrate } from './migrations';
import { pipelinesRepo } from './pipelines-repo';
import { openPostgres } from './postgres';
import { openSqlite } from './sqlite';
import { usersRepo } from './users-repo';

export interface Repos {
  users: ReturnType<typeof usersRepo>;
  auth: ReturnType<typeof authRepo>;
  pipelines: ReturnType<typeof pipelinesRepo>;
  jobs: ReturnType<typeof jobsRepo>;
  audit: ReturnType<typeof auditRepo>;
  kafkaConnections: ReturnType<typeof kafkaConnectionsRepo>;
}

export interface Store extends Repos {
  readonly dialect: DialectName;
  /** Runs `work` with repositories bound to one transaction. */
  transaction<T>(work: (repos: Repos) => Promise<T>): Promise<T>;
  /** True for an insert or update refused by a unique index (a name taken meanwhile). */
  isUniqueViolation(err: unknown): boolean;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** `postgres://…` or `postgresql://…`: PostgreSQL; absent: SQLite at `<dataDir>/weir.db`. */
  databaseUrl?: string;
  dataDir: string;
  /** PostgreSQL only: the schema to keep the tables in (tests use one each). */
  schema?: string;
  /** SQLite only: a file instead of `<dataDir>/weir.db` (`:memory:` for a throwaway store). */
  sqliteFile?: string;
}

export class StoreConfigError extends Error {
  override readonly name = 'StoreConfigError';
  readonly code = 'BAD_CONFIG';
}

function reposOn(db: Db): Repos {
  return { users: usersRepo(db), auth: authRepo(db), pipelines: pipelinesRepo(db), jobs: jobsRepo(db), audit: auditRepo(db), kafkaConnections: kafkaConnectionsRepo(db) };
}

export async function openDatabase(options: StoreOptions): Promise<Database> {
  const url = options.databaseUrl;
  if (url === undefined) return openSqlite(options.sqliteFile ?? join(options.dataDir, 'weir.db'));
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url, { schema: options.schema });
  throw new StoreConfigError(`DATABASE_URL must start with postgres:// (or be unset for SQLite under the data directory), got '${url.split(':')[0]}:…'`);
}

/** Opens the database, applies pending migrations and returns the repositories. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const db = await openDatabase(options);
  try {
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
  return {
    ...reposOn(db),
    dialect: db.dialect,
    transaction: (work) => db.transaction((tx) => work(reposOn(tx))),
    isUniqueViolation: (err) => db.isUniqueViolation(err),
    close: () => db.close(),
  };
}
