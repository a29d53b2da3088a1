import type { Database } from './db';

export interface Migration {
  version: number;
  name: string;
  /** Statements run in order inside one transaction; `ddl` supplies what the dialects spell differently. */
  statements(ddl: Database['ddl']): string[];
}

/**
 * Numbered and append-only: a released migration is never edited, a change is a new one.
 * Instants are epoch ms (BIGINT), JSON is TEXT, ids are UUID text.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'users, sessions, login tokens, pipelines, versions, jobs, audit log',
    statements: (ddl) => [
      `CREATE TABLE users (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
        created_at BIGINT NOT NULL
      )`,
      'CREATE UNIQUE INDEX users_name ON users (name)',
      `CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
      )`,
      'CREATE INDEX sessions_user ON sessions (user_id)',
      `CREATE TABLE login_tokens (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        used_at BIGINT
      )`,
      `CREATE TABLE pipelines (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT,
        latest_version INTEGER NOT NULL,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        deleted_at BIGINT
      )`,
      // Names are unique among live pipelines; a deleted one frees its name.
      'CREATE UNIQUE INDEX pipelines_live_name ON pipelines (name) WHERE deleted_at IS NULL',
      `CREATE TABLE pipeline_versions (
        pipeline_id TEXT NOT NULL REFERENCES pipelines (id),
        version INTEGER NOT NULL,
        document TEXT NOT NULL,
        problem_count INTEGER NOT NULL,
        author_id TEXT,
        author_name TEXT,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (pipeline_id, version)
      )`,
      `CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        pipeline_id TEXT NOT NULL REFERENCES pipelines (id),
        pipeline_name TEXT NOT NULL,
        version INTEGER NOT NULL,
        engine TEXT NOT NULL,
        state TEXT NOT NULL,
        error TEXT,
        created_at BIGINT NOT NULL,
        created_by TEXT,
        started_at BIGINT,
        ended_at BIGINT,
        savepoint TEXT,
        external_id TEXT,
        external_url TEXT
      )`,
      'CREATE INDEX jobs_pipeline ON jobs (pipeline_id)',
      'CREATE INDEX jobs_state ON jobs (state)',
      `CREATE TABLE audit_log (
        id ${ddl.autoIncrementId},
        time BIGINT NOT NULL,
        user_id TEXT,
        user_name TEXT,
        action TEXT NOT NULL,
        target TEXT,
        details TEXT NOT NULL
      )`,
    ],
  },
  {
    version: 2,
    name: 'kafka connections',
    statements: () => [
      // The password is encrypted (services/kafka/secret-box.ts); it never leaves the server.
      `CREATE TABLE kafka_connections (
        name TEXT PRIMARY KEY,
        bootstrap_servers TEXT NOT NULL,
        sasl_mechanism TEXT,
        sasl_username TEXT,
        sasl_password TEXT,
        tls_enabled INTEGER NOT NULL,
        tls_ca TEXT,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      )`,
    ],
  },
];

/** Applies every migration not yet recorded in `schema_migrations`; returns the versions applied. */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS, now = Date.now()): Promise<number[]> {
  await db.run(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at BIGINT NOT NULL
  )`);
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const done = await db.transaction(async (tx) => {
      // Checked inside the transaction: two servers starting at once must not both apply it.
      if (await tx.get('SELECT version FROM schema_migrations WHERE version = ?', [migration.version])) return false;
      for (const sql of migration.statements(db.ddl)) await tx.run(sql);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [migration.version, migration.name, now]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}
