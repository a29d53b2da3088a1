/**
 * Brute-force references for the operator tests (not used by production code). Each
 * recomputes an operator's output from the definitions in pipeline-format.md, keeping
 * every record and scanning, with none of the operators' data structures.
 */
import type { Row } from '@weir/model/field';
import type { AggregateSpec } from './params';
import { keyOf, windowRow, type Event, type LogEntry, type Seen } from './test-support';

export interface Expected {
  log: LogEntry[];
  /** Expected stateSize() after each event, where the oracle can tell. */
  sizes: number[];
  nullTimes: number;
}

const timeOf = (row: Row): number | null => (typeof row.ts === 'number' ? row.ts : null);

/**
 * Tumbling (slide = size) and sliding windows: a record counts in every window holding
 * it that has not fired on its arrival; a window fires at the first watermark ≥ end − 1.
 * The state is one pane per key and slide among the records not yet expired. Windows
 * fire by end, then by the order their key last came to hold state.
 */
export function paneWindowOracle(events: readonly Event[], keyBy: string[], specs: AggregateSpec[], size: number, slide: number): Expected {
  let wm = -Infinity;
  const windows = new Map<string, { key: string; keyRow: Row; start: number; recs: Seen[] }>();
  const panes = new Map<string, { key: string; p: number }>();
  const order = new Map<string, number>();
  let nextOrder = 0;
  const log: LogEntry[] = [];
  const sizes: number[] = [];
  let nullTimes = 0;
  events.forEach((e, step) => {
    if (e.kind === 'wm') {
      if (e.value > wm) {
        wm = e.value;
        const due = [...windows.entries()].filter(([, w]) => w.start + size - 1 <= wm);
        due.sort(([, a], [, b]) => a.start - b.start || order.get(a.key)! - order.get(b.key)!);
        for (const [id, w] of due) {
          log.push({ step, what: 'emit', row: windowRow(keyBy, w.keyRow, w.start, w.start + size, specs, w.recs) });
          windows.delete(id);
        }
        for (const [id, { p }] of panes) if (p * slide + size - 1 <= wm) panes.delete(id);
        const holding = new Set([...panes.values()].map((x) => x.key));
        for (const key of order.keys()) if (!holding.has(key)) order.delete(key);
      }
    } else {
      const t = timeOf(e.row);
      if (t === null) nullTimes++;
      else {
        const key = keyOf(keyBy, e.row);
        let counted = false;
        for (let start = Math.floor(t / slide) * slide; start > t - size; start -= slide) {
          if (start + size - 1 <= wm) continue;
          counted = true;
          const id = `${key}|${start}`;
          const w = windows.get(id) ?? { key, keyRow: e.row, start, recs: [] };
          w.recs.push({ row: e.row, t, seq: step });
          windows.set(id, w);
        }
        if (counted) {
          if (!order.has(key)) order.set(key, nextOrder++);
          panes.set(`${key}|${Math.floor(t / slide)}`, { key, p: Math.floor(t / slide) });
        } else log.push({ step, what: 'late', row: e.row });
      }
    }
    sizes.push(panes.size);
  });
  return { log, sizes, nullTimes };
}

/**
 * Session windows, run naively: every open session keeps its records; a record joins
 * (and merges) every open session of its key whose window [start, last + gap] touches
 * [t, t + gap]; otherwise it is late when t + gap ≤ watermark, else it opens a session.
 * Sessions fire at watermark ≥ last + gap, by end, then by the key's first appearance.
 */
export function sessionModel(events: readonly Event[], keyBy: string[], specs: AggregateSpec[], gap: number): Expected {
  interface S { key: string; keyRow: Row; start: number; maxT: number; recs: Seen[] }
  let wm = -Infinity;
  let open: S[] = [];
  const order = new Map<string, number>();
  let nextOrder = 0;
  const log: LogEntry[] = [];
  const sizes: number[] = [];
  let nullTimes = 0;
  events.forEach((e, step) => {
    if (e.kind === 'wm') {
      if (e.value > wm) {
        wm = e.value;
        const due = open.filter((s) => s.maxT + gap <= wm);
        due.sort((a, b) => a.maxT - b.maxT || order.get(a.key)! - order.get(b.key)!);
        open = open.filter((s) => !due.includes(s));
        for (const s of due) {
          log.push({ step, what: 'emit', row: windowRow(keyBy, s.keyRow, s.start, s.maxT + gap, specs, s.recs) });
          if (!open.some((o) => o.key === s.key)) order.delete(s.key);
        }
      }
    } else {
      const t = timeOf(e.row);
      if (t === null) nullTimes++;
      else {
        const key = keyOf(keyBy, e.row);
        const seen: Seen = { row: e.row, t, seq: step };
        const touching = open.filter((s) => s.key === key && s.start <= t + gap && s.maxT + gap >= t);
        if (touching.length > 0) {
          const target = touching[0]!;
          for (const s of touching.slice(1)) target.recs.push(...s.recs);
          target.recs.push(seen);
          target.start = Math.min(t, ...touching.map((s) => s.start));
          target.maxT = Math.max(t, ...touching.map((s) => s.maxT));
          open = open.filter((s) => s === target || !touching.includes(s));
        } else if (t + gap <= wm) log.push({ step, what: 'late', row: e.row });
        else {
          if (!order.has(key)) order.set(key, nextOrder++);
          open.push({ key, keyRow: e.row, start: t, maxT: t, recs: [seen] });
        }
      }
    }
    sizes.push(open.length);
  });
  return { log, sizes, nullTimes };
}

/**
 * Session windows offline, for streams without late records: sort each key's records
 * by time, cut where the next record is more than `gap` after the last; each session is
 * emitted at the first watermark ≥ its end.
 */
export function sessionOffline(events: readonly Event[], keyBy: string[], specs: AggregateSpec[], gap: number): LogEntry[] {
  const byKey = new Map<string, Seen[]>();
  events.forEach((e, step) => {
    if (e.kind !== 'row' || timeOf(e.row) === null) return;
    const key = keyOf(keyBy, e.row);
    byKey.set(key, [...(byKey.get(key) ?? []), { row: e.row, t: timeOf(e.row)!, seq: step }]);
  });
  const log: LogEntry[] = [];
  for (const recs of byKey.values()) {
    recs.sort((a, b) => a.t - b.t);
    let session: Seen[] = [];
    const close = () => {
      const start = session[0]!.t;
      const end = session.at(-1)!.t + gap;
      const step = events.findIndex((e) => e.kind === 'wm' && e.value >= end);
      const first = [...session].sort((a, b) => a.seq - b.seq)[0]!;
      log.push({ step, what: 'emit', row: windowRow(keyBy, first.row, start, end, specs, session) });
    };
    for (const r of recs) {
      if (session.length > 0 && r.t > session.at(-1)!.t + gap) {
        close();
        session = [];
      }
      session.push(r);
    }
    if (session.length > 0) close();
  }
  return log;
}

/** Count windows: at a key's c-th record, when c ≥ size and (c − size) % slide = 0, its last `size` records. */
export function countOracle(events: readonly Event[], keyBy: string[], specs: AggregateSpec[], size: number, slide: number): Expected {
  const byKey = new Map<string, Seen[]>();
  const log: LogEntry[] = [];
  let nullTimes = 0;
  events.forEach((e, step) => {
    if (e.kind !== 'row') return;
    const t = timeOf(e.row);
    if (t === null) {
      nullTimes++;
      return;
    }
    const key = keyOf(keyBy, e.row);
    const recs = byKey.get(key) ?? [];
    recs.push({ row: e.row, t, seq: step });
    byKey.set(key, recs);
    const c = recs.length;
    if (c >= size && (c - size) % slide === 0) {
      const w = recs.slice(c - size);
      const times = w.map((r) => r.t);
      log.push({ step, what: 'emit', row: windowRow(keyBy, w[0]!.row, Math.min(...times), Math.max(...times), specs, w) });
    }
  });
  return { log, sizes: [], nullTimes };
}
