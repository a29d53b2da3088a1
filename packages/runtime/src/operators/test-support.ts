/**
 * Shared by the operator tests (not by production code): a recording context, random
 * event streams, and brute-force aggregates computed straight from their SQL definition.
 */
import fc from 'fast-check';
import type { Row } from '@weir/model/field';
import type { Operator, OperatorContext, Port } from './operator';
import type { AggregateSpec } from './params';

export type Event =
  | { kind: 'row'; row: Row; port?: Port }
  | { kind: 'wm'; value: number };

export interface LogEntry {
  step: number;
  what: 'emit' | 'late';
  row: Row;
}

/** Records what an operator emits, tagged with the index of the event that caused it. */
export class Recorder implements OperatorContext {
  log: LogEntry[] = [];
  step = 0;
  emit(row: Row): void {
    this.log.push({ step: this.step, what: 'emit', row });
  }
  late(row: Row): void {
    this.log.push({ step: this.step, what: 'late', row });
  }
  get emitted(): Row[] {
    return this.log.filter((e) => e.what === 'emit').map((e) => e.row);
  }
  get lates(): Row[] {
    return this.log.filter((e) => e.what === 'late').map((e) => e.row);
  }
}

/** Feeds events[from, to) to an operator; `afterEach` sees the operator after every event. */
export function run(op: Operator, events: readonly Event[], rec = new Recorder(), from = 0, to = events.length, afterEach?: (i: number) => void): Recorder {
  for (let i = from; i < to; i++) {
    rec.step = i;
    const e = events[i]!;
    if (e.kind === 'row') op.process(e.row, rec, e.port);
    else op.onWatermark(e.value, rec);
    afterEach?.(i);
  }
  return rec;
}

/** Runs to `cut`, snapshots through JSON, restores into `fresh`, and runs the rest. */
export function runWithRestore(first: Operator, fresh: Operator, events: readonly Event[], cut: number): Recorder {
  const rec = run(first, events, new Recorder(), 0, cut);
  const json = JSON.parse(JSON.stringify(first.snapshot())) as unknown;
  fresh.restore(json);
  if (fresh.stateSize() !== first.stateSize()) throw new Error(`restored state size ${fresh.stateSize()} != ${first.stateSize()}`);
  return run(fresh, events, rec, cut);
}

/** An order-insensitive, exact view of a log: one string per entry. */
export function canonical(log: readonly LogEntry[]): string[] {
  return log.map((e) => `${e.step}|${e.what}|${JSON.stringify(e.row)}`).sort();
}

// ---------------------------------------------------------------- records

const KEYS = ['a', 'b', 'c', null] as const;
// Doubles are quarters, so sums are exact whatever order they are added in.
const STRINGS = ['', 'x', 'xy', 'y', 'é', '\uFFFD', '😀', 'a😀', null] as const;

export interface GenOptions {
  span: number;
  ooo: number;
  /** Arrival delays go up to ooo·lateFactor; above 1, records can be late. */
  lateFactor: number;
  nullTimes: boolean;
  start?: number;
  /** Times are multiples of grain (default 1) from start: coarse grains make ties and exact boundaries common. */
  grain?: number;
}

/** Random rows with every field type, nulls everywhere, and event time `ts`. */
export function rowArb(o: GenOptions): fc.Arbitrary<{ row: Row; delay: number }> {
  const start = o.start ?? 1_700_000_000_000;
  const grain = o.grain ?? 1;
  const time = fc.integer({ min: 0, max: Math.floor(o.span / grain) }).map((x) => start + x * grain);
  const maxDelay = Math.max(0, Math.floor(o.ooo * o.lateFactor) - (o.lateFactor <= 1 ? 1 : 0));
  return fc.record({
    k: fc.constantFrom(...KEYS),
    g: fc.constantFrom(1, 2, null),
    i: fc.option(fc.integer({ min: -100, max: 100 }), { freq: 5 }),
    d: fc.option(fc.integer({ min: -400, max: 400 }).map((x) => x / 4), { freq: 5 }),
    s: fc.constantFrom(...STRINGS),
    b: fc.constantFrom(true, false, null),
    ts: o.nullTimes ? fc.option(time, { freq: 20 }) : time,
    delay: fc.integer({ min: 0, max: maxDelay }),
  }).map(({ delay, ...row }) => ({ row: row as Row, delay }));
}

/**
 * A stream as a source would deliver it: rows arrive in order of ts + delay, and after
 * some rows the watermark (max ts so far − ooo) is emitted; +∞ at the end.
 */
export function streamArb(o: GenOptions, maxRows = 120, minRows = Math.floor(maxRows / 2)): fc.Arbitrary<Event[]> {
  return fc
    .tuple(fc.array(rowArb(o), { minLength: minRows, maxLength: maxRows }), fc.array(fc.boolean(), { minLength: maxRows, maxLength: maxRows }))
    .map(([rows, emitWm]) => toStream(rows, emitWm, o.ooo));
}

export function toStream(rows: { row: Row; delay: number }[], emitWm: boolean[], ooo: number, port?: Port): Event[] {
  // A row without a time arrives where the row generated before it does.
  let prevAt = 0;
  const arrival = rows
    .map((r, i) => {
      const t = r.row.ts as number | null;
      if (t !== null) prevAt = t + r.delay;
      return { ...r, i, at: prevAt };
    })
    .sort((a, b) => a.at - b.at || a.i - b.i);
  const events: Event[] = [];
  let max = -Infinity;
  arrival.forEach((r, i) => {
    events.push(port === undefined ? { kind: 'row', row: r.row } : { kind: 'row', row: r.row, port });
    const t = r.row.ts as number | null;
    if (t !== null && t > max) max = t;
    if (emitWm[i % emitWm.length] && max > -Infinity) events.push({ kind: 'wm', value: max - ooo });
  });
  events.push({ kind: 'wm', value: Infinity });
  return events;
}

// ---------------------------------------------------------------- aggregates

export const ALL_AGGREGATES: AggregateSpec[] = [
  { fn: 'count', as: 'n' },
  { fn: 'count', field: 'i', as: 'n_i' },
  { fn: 'sum', field: 'i', as: 'sum_i', inputType: 'int' },
  { fn: 'sum', field: 'd', as: 'sum_d', inputType: 'double' },
  { fn: 'avg', field: 'i', as: 'avg_i', inputType: 'int' },
  { fn: 'avg', field: 'd', as: 'avg_d', inputType: 'double' },
  { fn: 'min', field: 'i', as: 'min_i', inputType: 'int' },
  { fn: 'max', field: 'd', as: 'max_d', inputType: 'double' },
  { fn: 'min', field: 's', as: 'min_s', inputType: 'string' },
  { fn: 'max', field: 's', as: 'max_s', inputType: 'string' },
  { fn: 'min', field: 'b', as: 'min_b', inputType: 'boolean' },
  { fn: 'max', field: 'b', as: 'max_b', inputType: 'boolean' },
  { fn: 'min', field: 'ts', as: 'min_ts', inputType: 'timestamp' },
  { fn: 'max', field: 'ts', as: 'max_ts', inputType: 'timestamp' },
  { fn: 'count_distinct', field: 's', as: 'cd_s', inputType: 'string' },
  { fn: 'count_distinct', field: 'd', as: 'cd_d', inputType: 'double' },
  { fn: 'first', field: 's', as: 'first_s', inputType: 'string' },
  { fn: 'last', field: 's', as: 'last_s', inputType: 'string' },
  { fn: 'first', field: 'd', as: 'first_d', inputType: 'double' },
  { fn: 'last', field: 'i', as: 'last_i', inputType: 'int' },
  { fn: 'first', field: 'b', as: 'first_b', inputType: 'boolean' },
  { fn: 'last', field: 'b', as: 'last_b', inputType: 'boolean' },
];

/** A record as the oracle sees it: its row, time, and arrival number. */
export interface Seen {
  row: Row;
  t: number;
  seq: number;
}

// SQL order of non-null values: strings by UTF-8 bytes (Flink's order), booleans FALSE < TRUE.
function sqlCompare(a: unknown, b: unknown): number {
  if (typeof a === 'string') return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b as string, 'utf8'));
  return Number(a) - Number(b);
}

/** One aggregate over a window's records, straight from its definition. */
export function bruteAggregate(spec: AggregateSpec, recs: readonly Seen[]): unknown {
  if (spec.fn === 'count' && spec.field === undefined) return recs.length;
  const withValue = recs.filter((r) => r.row[spec.field!] !== null && r.row[spec.field!] !== undefined);
  const values = withValue.map((r) => r.row[spec.field!]);
  if (spec.fn === 'count') return values.length;
  if (spec.fn === 'count_distinct') return new Set(values).size;
  if (values.length === 0) return null;
  switch (spec.fn) {
    case 'sum': return values.reduce((a: number, v) => a + (v as number), 0);
    case 'avg': return values.reduce((a: number, v) => a + (v as number), 0) / values.length;
    case 'min': return [...values].sort(sqlCompare)[0];
    case 'max': return [...values].sort(sqlCompare).at(-1);
    case 'first':
    case 'last': {
      const ordered = [...withValue].sort((a, b) => a.t - b.t || a.seq - b.seq);
      const pick = spec.fn === 'first' ? ordered[0]! : ordered.at(-1)!;
      return pick.row[spec.field!];
    }
  }
}

/** The expected output row of one window. */
export function windowRow(keyBy: readonly string[], keyRow: Row, start: number, end: number, specs: readonly AggregateSpec[], recs: readonly Seen[]): Row {
  const out: Row = {};
  for (const k of keyBy) out[k] = keyRow[k] ?? null;
  out.window_start = start;
  out.window_end = end;
  for (const s of specs) out[s.as] = bruteAggregate(s, recs);
  return out;
}

export const keyOf = (keyBy: readonly string[], row: Row): string => JSON.stringify(keyBy.map((k) => row[k] ?? null));
