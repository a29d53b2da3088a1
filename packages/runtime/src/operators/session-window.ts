import type { Row } from '@weir/model/field';
import { AggregateSet, type Acc } from '../state/aggregates';
import { asArray, decodeNumber, decodeValues, encodeNumber, encodeValues, type Json } from '../state/json-value';
import { keyExtractor, type KeyExtractor } from '../state/keys';
import { MinHeap } from '../state/min-heap';
import { parseParams } from './errors';
import { timeAccessor, type TimeOf } from './event-time';
import type { Operator, OperatorContext } from './operator';
import { SessionWindowParamsSchema, type SessionWindowParams } from './params';
import { snapshotCount, snapshotObject } from './snapshot-shape';
import type { WindowFunctions } from './tumbling-window';
import { WindowRowBuilder } from './window-output';

/**
 * Session windows per key. A record at t opens the window [t, t + gap); windows that
 * touch or overlap merge (Flink's TimeWindow.intersects is inclusive, so records exactly
 * `gap` apart share a session). window_start is the first event time, window_end the
 * last event time + gap.
 *
 * Firing: a session fires when the watermark reaches window_end itself (wm ≥ end), not
 * end − 1 as the other windows do. Because touching windows merge, a record at exactly
 * window_end would still extend the session; firing at end − 1, as Flink does, would make
 * the result depend on when watermarks happen to arrive. Sessions fire in order of their
 * end, then of the key's first appearance.
 *
 * Late: a record is merged first; it is late only when it touches no open session and
 * its own window [t, t + gap) is already complete (t + gap ≤ watermark).
 */

interface KeyState {
  mk: unknown;
  values: unknown[];
  order: number;
  /** Open sessions, ascending and disjoint. */
  sessions: Session[];
}

interface Session {
  start: number;
  maxT: number;
  acc: Acc;
  alive: boolean;
  ks: KeyState;
}

/** A session due to fire at `end`; stale once the session grew or merged away. */
interface Due {
  end: number;
  order: number;
  s: Session;
}

const dueBefore = (a: Due, b: Due): boolean => a.end < b.end || (a.end === b.end && a.order < b.order);

const OP = 'session-window';

export class SessionWindow implements Operator {
  private readonly gap: number;
  private readonly time: TimeOf;
  private readonly key: KeyExtractor;
  private readonly aggs: AggregateSet;
  private readonly out: WindowRowBuilder;

  private keys = new Map<unknown, KeyState>();
  private readonly due = new MinHeap<Due>(dueBefore);
  private nextOrder = 0;
  private wm = -Infinity;
  private seq = 0;
  private live = 0;
  private nullTimes = 0;

  constructor(params: SessionWindowParams, fns: WindowFunctions = {}) {
    const p = parseParams(OP, SessionWindowParamsSchema, params);
    this.gap = p.gapMs;
    this.time = timeAccessor(OP, p.timeField, fns.timeOf);
    this.key = keyExtractor(p.keyBy);
    this.aggs = new AggregateSet(p.aggregates);
    this.out = new WindowRowBuilder(p.keyBy, this.aggs);
  }

  get droppedNullTime(): number {
    return this.nullTimes;
  }

  process(row: Row, ctx: OperatorContext): void {
    const t = this.time(row);
    if (t === null) {
      this.nullTimes++;
      return;
    }
    const gap = this.gap;
    const mk = this.key.mapKey(row);
    let ks = this.keys.get(mk);
    let at = 0;
    if (ks !== undefined) {
      const ss = ks.sessions;
      // The first session whose window [start, maxT + gap] reaches t ...
      let lo = 0;
      let hi = ss.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (ss[mid]!.maxT + gap < t) lo = mid + 1;
        else hi = mid;
      }
      // ... and every later one that starts within [t, t + gap].
      let j = lo;
      while (j < ss.length && ss[j]!.start <= t + gap) j++;
      if (j > lo) {
        const target = ss[lo]!;
        for (let m = lo + 1; m < j; m++) {
          const other = ss[m]!;
          this.aggs.merge(target.acc, other.acc);
          if (other.maxT > target.maxT) target.maxT = other.maxT;
          other.alive = false;
          this.live--;
        }
        if (j - lo > 1) ss.splice(lo + 1, j - lo - 1);
        if (t < target.start) target.start = t;
        if (t > target.maxT) target.maxT = t;
        this.aggs.add(target.acc, row, t, this.seq++);
        return;
      }
      at = lo;
    }
    if (t + gap <= this.wm) {
      ctx.late(row, 'late');
      return;
    }
    if (ks === undefined) {
      ks = { mk, values: this.key.values(row), order: this.nextOrder++, sessions: [] };
      this.keys.set(mk, ks);
    }
    const s: Session = { start: t, maxT: t, acc: this.aggs.create(), alive: true, ks };
    ks.sessions.splice(at, 0, s);
    this.due.push({ end: t + gap, order: ks.order, s });
    this.live++;
    this.aggs.add(s.acc, row, t, this.seq++);
  }

  onWatermark(watermark: number, ctx: OperatorContext): void {
    if (!(watermark > this.wm)) return;
    this.wm = watermark;
    for (let due = this.due.peek(); due !== undefined && due.end <= watermark; due = this.due.peek()) {
      this.due.pop();
      const s = due.s;
      if (!s.alive) continue;
      const end = s.maxT + this.gap;
      if (end !== due.end) {
        this.due.push({ end, order: due.order, s });
        continue;
      }
      s.alive = false;
      this.live--;
      const ks = s.ks;
      const ss = ks.sessions;
      ss.splice(ss[0] === s ? 0 : ss.indexOf(s), 1);
      if (ss.length === 0) this.keys.delete(ks.mk);
      ctx.emit(this.out.build(ks.values, s.start, end, s.acc));
    }
  }

  stateSize(): number {
    return this.live;
  }

  snapshot(): Json {
    const keys: Json[] = [];
    for (const ks of this.keys.values()) {
      keys.push([encodeValues(ks.values), ks.sessions.map((s): Json => [s.start, s.maxT, this.aggs.encode(s.acc)])]);
    }
    return { op: OP, v: 1, wm: encodeNumber(this.wm), seq: this.seq, nullTimes: this.nullTimes, keys };
  }

  restore(state: unknown): void {
    const st = snapshotObject(OP, 1, state);
    const keys = new Map<unknown, KeyState>();
    this.due.clear();
    let live = 0;
    let order = 0;
    for (const entry of asArray(st.keys)) {
      const [valuesJson, sessionsJson] = asArray(entry);
      const values = decodeValues(valuesJson);
      const ks: KeyState = { mk: this.key.mapKeyOfValues(values), values, order: order++, sessions: [] };
      for (const sj of asArray(sessionsJson)) {
        const [start, maxT, acc] = asArray(sj);
        const s: Session = { start: decodeNumber(start), maxT: decodeNumber(maxT), acc: this.aggs.decode(acc), alive: true, ks };
        ks.sessions.push(s);
        this.due.push({ end: s.maxT + this.gap, order: ks.order, s });
        live++;
      }
      keys.set(ks.mk, ks);
    }
    this.keys = keys;
    this.nextOrder = order;
    this.live = live;
    this.wm = decodeNumber(st.wm);
    this.seq = snapshotCount(OP, st.seq, 'seq');
    this.nullTimes = snapshotCount(OP, st.nullTimes, 'nullTimes');
  }
}
