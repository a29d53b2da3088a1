import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database, Db, Row, SqlValue } from './db';

/**
 * SQLite through better-sqlite3. Its calls are synchronous, so one connection serves the
 * whole server; a transaction spans awaits, so while one is open every other statement
 * waits for it (a queue), or it would run inside someone else's transaction.
 */
export function openSqlite(file: string): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Integers beyond 2^53 do not occur (epoch ms, counters), so plain numbers suffice.

  let queue: Promise<unknown> = Promise.resolve();

  const exec = {
    all(sql: string, params: readonly SqlValue[] = []): Row[] {
      return sqlite.prepare(sql).all(...params) as Row[];
    },
    run(sql: string, params: readonly SqlValue[] = []): { changes: number } {
      const stmt = sqlite.prepare(sql);
      // A statement with RETURNING is a reader; what it returned is what it changed.
      if (stmt.reader) return { changes: stmt.all(...params).length };
      return { changes: stmt.run(...params).changes };
    },
  };

  function outside<T>(fn: () => T): Promise<T> {
    const result = queue.then(fn);
    queue = result.catch(() => {});
    return result;
  }

  const tx: Db = {
    dialect: 'sqlite',
    all: async (sql, params) => exec.all(sql, params),
    get: async (sql, params) => exec.all(sql, params)[0],
    run: async (sql, params) => exec.run(sql, params),
    transaction: (work) => work(tx),
  };

  const db: Database = {
    dialect: 'sqlite',
    ddl: { autoIncrementId: 'INTEGER PRIMARY KEY AUTOINCREMENT' },
    all: (sql, params) => outside(() => exec.all(sql, params)),
    get: (sql, params) => outside(() => exec.all(sql, params)[0]),
    run: (sql, params) => outside(() => exec.run(sql, params)),
    transaction<T>(work: (t: Db) => Promise<T>): Promise<T> {
      const result = queue.then(async () => {
        sqlite.exec('BEGIN IMMEDIATE');
        try {
          const value = await work(tx);
          sqlite.exec('COMMIT');
          return value;
        } catch (err) {
          if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
          throw err;
        }
      });
      queue = result.catch(() => {});
      return result;
    },
    isUniqueViolation(err) {
      const code = (err as { code?: unknown }).code;
      return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
    },
    async close() {
      await queue;
      sqlite.close();
    },
  };
  return db;
}
