import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqlite } from './sqlite';
import { migrate, MIGRATIONS } from './migrations';
import { numberedPlaceholders } from './db';
import { openStore, StoreConfigError } from './store';
import { storeSuite } from './store-suite';

storeSuite('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'weir-store-'));
  return { store: await openStore({ dataDir: dir }), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});

describe('SQLite file', () => {
  it('lives at <dataDir>/weir.db in WAL mode with the migrations recorded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'weir-store-'));
    try {
      const store = await openStore({ dataDir: join(dir, 'nested') });
      await store.close();
      const raw = new BetterSqlite3(join(dir, 'nested', 'weir.db'));
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.prepare('SELECT version FROM schema_migrations').all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
      raw.close();
      // Opening again applies nothing twice.
      const again = await openStore({ dataDir: join(dir, 'nested') });
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('migrate', () => {
  it('applies only the migrations not yet recorded, in order', async () => {
    const db = openSqlite(':memory:');
    const m = (version: number, table: string) => ({ version, name: table, statements: () => [`CREATE TABLE ${table} (x INTEGER)`] });
    expect(await migrate(db, [m(2, 'b'), m(1, 'a')])).toEqual([1, 2]);
    expect(await migrate(db, [m(1, 'a'), m(2, 'b'), m(3, 'c')])).toEqual([3]);
    expect(await db.all('SELECT version, name FROM schema_migrations ORDER BY version')).toEqual([
      { version: 1, name: 'a' }, { version: 2, name: 'b' }, { version: 3, name: 'c' },
    ]);
    await db.close();
  });

  it('leaves nothing of a migration that fails half way', async () => {
    const db = openSqlite(':memory:');
    const bad = { version: 1, name: 'bad', statements: () => ['CREATE TABLE t (x INTEGER)', 'CREATE TABLE t (x INTEGER)'] };
    await expect(migrate(db, [bad])).rejects.toThrow(/already exists/);
    expect(await db.all("SELECT name FROM sqlite_master WHERE name = 't'")).toEqual([]);
    expect(await db.all('SELECT * FROM schema_migrations')).toEqual([]);
    await db.close();
  });
});

describe('one connection, awaited transactions', () => {
  it('holds other statements back until an open transaction ends', async () => {
    const db = openSqlite(':memory:');
    await db.run('CREATE TABLE t (x INTEGER)');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const tx = db.transaction(async (t) => {
      await t.run('INSERT INTO t VALUES (1)');
      await gate;
      throw new Error('rolled back');
    });
    // Issued while the transaction is open: it must not land inside it and be rolled back with it.
    const outside = db.run('INSERT INTO t VALUES (2)');
    release();
    await expect(tx).rejects.toThrow('rolled back');
    await outside;
    expect(await db.all('SELECT x FROM t')).toEqual([{ x: 2 }]);
    await db.close();
  });
});

describe('dialect helpers', () => {
  it('numbers placeholders for PostgreSQL outside string literals', () => {
    expect(numberedPlaceholders("SELECT * FROM t WHERE a = ? AND b = '?' AND c IN (?, ?)")).toBe(
      "SELECT * FROM t WHERE a = $1 AND b = '?' AND c IN ($2, $3)",
    );
  });

  it('names the variable when DATABASE_URL is not PostgreSQL', async () => {
    await expect(openStore({ dataDir: '/tmp', databaseUrl: 'mysql://x' })).rejects.toThrow(StoreConfigError);
    await expect(openStore({ dataDir: '/tmp', databaseUrl: 'mysql://x' })).rejects.toThrow(/DATABASE_URL/);
  });
});
