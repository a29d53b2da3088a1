import type { PreviewSinkOperator } from '@weir/compiler';
import type { Row } from '@weir/model/field';
import { createRowToJson } from '../codec/encode-json';
import type { Sink } from './sink';

/** A preview row as the UI gets it: plain JSON data, timestamps as ISO-8601 strings. */
export type PreviewRow = Record<string, unknown>;

/**
 * `preview-sink`: keeps the latest `limit` rows in memory. Nothing leaves the process, so
 * every row counts as acknowledged at once and the sink is never full. `takeNew()` hands
 * over the rows added since its last call, for the engine's copy outside the job thread.
 */
export class PreviewSink implements Sink {
  readonly id: string;
  readonly full = false;
  readonly pending = 0;
  private readonly limit: number;
  private readonly toJson: (row: Row) => PreviewRow;
  private ring: PreviewRow[] = [];
  private fresh: PreviewRow[] = [];
  private count = 0;

  constructor(op: PreviewSinkOperator) {
    this.id = op.id;
    this.limit = op.limit;
    this.toJson = createRowToJson(op.schema);
  }

  get appended(): number {
    return this.count;
  }

  async open(): Promise<void> {}

  write(row: Row): void {
    const json = this.toJson(row);
    this.count++;
    this.ring.push(json);
    if (this.ring.length > this.limit * 2) this.ring = this.ring.slice(-this.limit);
    this.fresh.push(json);
    if (this.fresh.length > this.limit * 2) this.fresh = this.fresh.slice(-this.limit);
  }

  /** The latest rows, oldest first. */
  rows(): PreviewRow[] {
    return this.ring.slice(-this.limit);
  }

  takeNew(): PreviewRow[] {
    const out = this.fresh.length > this.limit ? this.fresh.slice(-this.limit) : this.fresh;
    this.fresh = [];
    return out;
  }

  whenAcked(): Promise<void> {
    return Promise.resolve();
  }

  whenDrained(): Promise<void> {
    return Promise.resolve();
  }

  nudge(): void {}

  async close(): Promise<void> {}
}

/** The latest `limit` rows of a preview sink, kept where the job's status is read. */
export class PreviewRing {
  private rows: PreviewRow[] = [];
  constructor(private readonly limit: number) {}

  add(rows: readonly PreviewRow[]): void {
    this.rows.push(...rows);
    if (this.rows.length > this.limit) this.rows = this.rows.slice(-this.limit);
  }

  latest(): PreviewRow[] {
    return [...this.rows];
  }
}
