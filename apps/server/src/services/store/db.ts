/**
 * The one query layer both databases sit behind. Repositories write SQL once, with `?`
 * placeholders, the SQL that SQLite and PostgreSQL share (ON CONFLICT upserts, RETURNING,
 * partial indexes); a dialect adapter translates placeholders and runs it. Instants are
 * stored as epoch milliseconds (BIGINT), booleans as 0/1, JSON as text.
 */

export type SqlValue = string | number | null;
export type Row = Record<string, unknown>;

export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  readonly dialect: DialectName;
  all(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  get(sql: string, params?: readonly SqlValue[]): Promise<Row | undefined>;
  /** Runs a statement; `changes` is the number of rows it inserted, updated or deleted. */
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
  /**
   * Runs `work` in one transaction; it commits when `work` resolves and rolls back when it
   * throws. Statements inside must use the `Db` handed to `work`. Nested calls join the outer one.
   */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
}

export interface Database extends Db {
  /** Column type of an auto-increment integer primary key in this dialect's DDL. */
  readonly ddl: { autoIncrementId: string };
  isUniqueViolation(err: unknown): boolean;
  close(): Promise<void>;
}

/** `?` → `$1, $2, …`, leaving question marks inside string literals alone. */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  let out = '';
  let inString = false;
  for (const ch of sql) {
    if (ch === "'") inString = !inString;
    if (ch === '?' && !inString) out += `$${++n}`;
    else out += ch;
  }
  return out;
}

/** Numbers come back as JavaScript numbers whichever driver read them. */
export function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : num(value);
}

export function strOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

export function jsonOrNull(value: unknown): unknown {
  return value === null || value === undefined ? null : JSON.parse(String(value));
}
