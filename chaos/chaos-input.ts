// The records and pipelines of the fault-injection suite, and what their output must be.
import type { Field } from '@weir/model/field';

export type ChaosPipeline = 'window' | 'stateless';

const T0 = Date.UTC(2026, 0, 1);
/** Event time step per record: 500 records per 1 s window, over 16 keys. */
const STEP_MS = 2;
export const PARTITIONS = 3;
const KEYS = 16;

const SCHEMA: Field[] = [{ name: 'seq', type: 'bigint' }, { name: 'k', type: 'string' }, { name: 'ts', type: 'timestamp' }];

export interface InputRecord {
  partition: number;
  value: string;
}

/** Record i, or a malformed one where `malformed(i)`; times rise within each partition. */
export function record(i: number, malformed: boolean): InputRecord {
  const partition = i % PARTITIONS;
  if (malformed) return { partition, value: `{"seq": ${i}, "k": ` };
  return { partition, value: JSON.stringify({ seq: i, k: `k${i % KEYS}`, ts: T0 + i * STEP_MS }) };
}

/** One per partition after the input: its far-later time closes every window. Never part of a result. */
export function sentinels(n: number): InputRecord[] {
  return Array.from({ length: PARTITIONS }, (_, p) => ({ partition: p, value: JSON.stringify({ seq: -1, k: 'end', ts: T0 + n * STEP_MS + 3_600_000 }) }));
}

/** 1 % malformed, spread evenly and deterministically. */
export function isMalformed(i: number, rate: number): boolean {
  return rate > 0 && i % Math.round(1 / rate) === 37 % Math.round(1 / rate);
}

export function chaosDocument(name: string, pipeline: ChaosPipeline, input: string, output: string, settings: Record<string, unknown>): unknown {
  const source = { id: 'src', kind: 'kafka-source', config: { topic: input, schema: SCHEMA, startFrom: 'earliest', eventTime: { field: 'ts', maxOutOfOrderness: '1s' } } };
  const sink = { id: 'sink', kind: 'kafka-sink', config: { topic: output } };
  const middle = pipeline === 'window'
    ? { id: 'win', kind: 'tumbling-window', config: { size: '1s', keyBy: ['k'], aggregates: [{ fn: 'count', as: 'n' }, { fn: 'sum', field: 'seq', as: 's' }] } }
    : { id: 'double', kind: 'map', config: { select: [{ name: 'seq', expr: 'seq' }, { name: 'k', expr: 'k' }, { name: 'twice', expr: 'seq * 2' }] } };
  return {
    version: 1, name, settings: { checkpointInterval: '1s', ...settings },
    nodes: [source, middle, sink],
    edges: [{ from: 'src', to: middle.id }, { from: middle.id, to: 'sink' }],
  };
}

/**
 * The output as a multiset of canonical lines: a stateless record is its seq; a window
 * result is key, start, count and sum. Sentinel results are left out.
 */
export function outputLine(pipeline: ChaosPipeline, value: string): string | null {
  const row = JSON.parse(value) as Record<string, unknown>;
  if (pipeline === 'stateless') return row.seq === -1 ? null : String(row.seq);
  if (row.k === 'end') return null;
  return `${String(row.k)}|${String(row.window_start)}|${String(row.n)}|${String(row.s)}`;
}

/** What an offline computation over the good records gives, as outputLine's lines. */
export function expectedLines(pipeline: ChaosPipeline, n: number, malformedRate: number): string[] {
  const good = Array.from({ length: n }, (_, i) => i).filter((i) => !isMalformed(i, malformedRate));
  if (pipeline === 'stateless') return good.map(String);
  const windows = new Map<string, { n: number; s: number }>();
  for (const i of good) {
    const start = new Date(T0 + Math.floor((i * STEP_MS) / 1000) * 1000).toISOString();
    const key = `k${i % KEYS}|${start}`;
    const w = windows.get(key) ?? { n: 0, s: 0 };
    w.n++;
    w.s += i;
    windows.set(key, w);
  }
  return [...windows].map(([key, w]) => `${key}|${w.n}|${w.s}`);
}

/** Missing and duplicated lines of `actual` against `expected` (multisets). */
export function compareLines(expected: readonly string[], actual: readonly string[]): { missing: number; duplicates: number; unexpected: number } {
  const want = new Map<string, number>();
  for (const l of expected) want.set(l, (want.get(l) ?? 0) + 1);
  const got = new Map<string, number>();
  for (const l of actual) got.set(l, (got.get(l) ?? 0) + 1);
  let missing = 0;
  let duplicates = 0;
  let unexpected = 0;
  for (const [l, c] of want) {
    const g = got.get(l) ?? 0;
    if (g < c) missing += c - g;
    if (g > c) duplicates += g - c;
  }
  for (const [l, c] of got) if (!want.has(l)) unexpected += c;
  return { missing, duplicates, unexpected };
}
