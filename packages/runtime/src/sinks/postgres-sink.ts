import pg from 'pg';
import type { PostgresSinkOperator } from '@weir/compiler';
import { quotePgIdent } from '@weir/compiler';
import type { Row } from '@weir/model/field';
import { RuntimeError } from '../errors/runtime-error';
import { BufferedWriter, type BufferLimits, type Sink, type SinkHost } from './sink';

/** PostgreSQL takes at most 65535 bind parameters per statement. */
const MAX_PARAMS = 65535;

/** A UTC wall-clock time for a `timestamp(3)` column (see compiler/postgres-table.ts). */
function pgTimestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23);
}

/**
 * `postgres-sink`: batched multi-row INSERTs, or `INSERT … ON CONFLICT (pk) DO UPDATE` for
 * upsert, over one connection with one statement in flight, so rows land in order. The
 * table is created where it does not exist. A full buffer holds the job back (backpressure).
 */
export class PostgresSink extends BufferedWriter<unknown[]> implements Sink {
  private readonly client: pg.Client;
  private readonly names: string[];
  private readonly timestamps: boolean[];
  private readonly pkIdx: number[];
  private readonly head: string;
  private readonly tail: string;
  private readonly sqlByRows = new Map<number, string>();

  constructor(
    private readonly op: PostgresSinkOperator,
    url: string,
    limits: BufferLimits,
    host: SinkHost,
  ) {
    const perStatement = Math.max(1, Math.floor(MAX_PARAMS / Math.max(1, op.columns.length)));
    super(op.id, { ...limits, batchSize: Math.min(limits.batchSize, perStatement), maxInFlight: 1 }, host);
    this.client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000, application_name: `weir ${op.id}` });
    this.client.on('error', (err) => host.fail(new RuntimeError('SINK_FAILED', `postgres-sink ${op.id}: connection lost: ${err.message}`, op.id, { cause: err }), op.id));
    this.names = op.columns.map((c) => c.name);
    this.timestamps = op.columns.map((c) => c.type === 'timestamp');
    this.pkIdx = op.mode === 'upsert' ? op.primaryKey.map((k) => this.names.indexOf(k)) : [];
    this.head = `INSERT INTO ${op.tableSql} (${this.names.map(quotePgIdent).join(', ')}) VALUES `;
    if (op.mode === 'upsert' && op.primaryKey.length > 0) {
      const rest = this.names.filter((n) => !op.primaryKey.includes(n));
      const action = rest.length === 0
        ? 'DO NOTHING'
        : `DO UPDATE SET ${rest.map((n) => `${quotePgIdent(n)} = EXCLUDED.${quotePgIdent(n)}`).join(', ')}`;
      this.tail = ` ON CONFLICT (${op.primaryKey.map(quotePgIdent).join(', ')}) ${action}`;
    } else {
      this.tail = '';
    }
  }

  async open(): Promise<void> {
    try {
      await this.client.connect();
      await this.client.query(this.op.createTableSql);
    } catch (err) {
      throw new RuntimeError('SINK_FAILED', `postgres-sink ${this.op.id}: cannot prepare table ${this.op.table}: ${(err as Error).message}`, this.op.id, { cause: err });
    }
  }

  write(row: Row): void {
    const n = this.names.length;
    const values = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const v = row[this.names[i]!] ?? null;
      values[i] = this.timestamps[i] && typeof v === 'number' ? pgTimestamp(v) : v;
    }
    this.append(values);
  }

  protected async send(batch: unknown[][]): Promise<void> {
    const rows = this.pkIdx.length > 0 ? lastPerKey(batch, this.pkIdx) : batch;
    const params: unknown[] = [];
    for (const r of rows) for (const v of r) params.push(v);
    try {
      await this.client.query(this.sql(rows.length), params);
    } catch (err) {
      throw new RuntimeError('SINK_FAILED', `postgres-sink ${this.op.id}: writing to ${this.op.table} failed: ${(err as Error).message}`, this.op.id, { cause: err });
    }
  }

  private sql(rows: number): string {
    let text = this.sqlByRows.get(rows);
    if (text === undefined) {
      const n = this.names.length;
      const tuples: string[] = [];
      for (let r = 0; r < rows; r++) {
        const ps: string[] = [];
        for (let c = 0; c < n; c++) ps.push(`$${r * n + c + 1}`);
        tuples.push(`(${ps.join(', ')})`);
      }
      text = this.head + tuples.join(', ') + this.tail;
      if (this.sqlByRows.size < 64) this.sqlByRows.set(rows, text);
    }
    return text;
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => {});
  }
}

/**
 * One statement cannot update a row twice (ON CONFLICT … DO UPDATE), so of several rows
 * with one key in a batch only the last is written: the same end state, in order.
 */
export function lastPerKey(batch: unknown[][], pkIdx: readonly number[]): unknown[][] {
  const last = new Map<string, number>();
  batch.forEach((r, i) => last.set(JSON.stringify(pkIdx.map((k) => r[k])), i));
  if (last.size === batch.length) return batch;
  const keep = new Set(last.values());
  return batch.filter((_, i) => keep.has(i));
}
