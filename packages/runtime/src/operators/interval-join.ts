import type { Row } from '@weir/model/field';
import { asArray, decodeNumber, decodeValue, encodeNumber, encodeValue, type Json } from '../state/json-value';
import { keyExtractor, type KeyExtractor } from '../state/keys';
import { MinHeap } from '../state/min-heap';
import { TimeSortedRows } from '../state/time-sorted-rows';
import { parseParams, PortError } from './errors';
import { timeAccessor, type TimeOf } from './event-time';
import type { Operator, OperatorContext, Port } from './operator';
import { IntervalJoinParamsSchema, type IntervalJoinParams } from './params';
import { snapshotCount, snapshotObject } from './snapshot-shape';

/**
 * Event-time interval join: emits (l, r) when the `on` keys are equal and not NULL
 * (SQL: NULL equals nothing) and l.t + lower ≤ r.t ≤ l.t + upper. The watermark W it is
 * given is the combined one (minimum of both inputs). Rows still to come on time have
 * a time > W, so:
 * - a left row is kept while l.t + upper > W (a future right row may match it), a right
 *   row while r.t − lower > W; older rows are dropped as W advances;
 * - an arriving row is matched against every kept row of the other side, then kept if it
 *   can still match a future row;
 * - an arriving row is late, counted and not processed, when nothing can match it any
 *   more: no kept row and no future row — left: l.t + upper − min(lower, 0) ≤ W; right:
 *   r.t − lower + max(upper, 0) ≤ W. Rows behind W that are not late still join with
 *   what is kept, as in Flink.
 * Output rows are built field by field from params.output (see join-fields.ts); for one
 * arriving row, matches come in the other side's time order, ties in arrival order.
 */

interface Side {
  rows: TimeSortedRows;
  /** The time under which this side sits in its expiry heap, if it does. */
  queued: boolean;
  queuedAt: number;
}

interface JoinKey {
  mk: unknown;
  left: Side;
  right: Side;
  dead: boolean;
}

interface Expiry {
  t: number;
  k: JoinKey;
}

const OP = 'interval-join';
const expiresBefore = (a: Expiry, b: Expiry): boolean => a.t < b.t;
const newSide = (): Side => ({ rows: new TimeSortedRows(), queued: false, queuedAt: 0 });

export class IntervalJoin implements Operator {
  private readonly lower: number;
  private readonly upper: number;
  private readonly leftTime: TimeOf;
  private readonly rightTime: TimeOf;
  private readonly leftKey: KeyExtractor;
  private readonly rightKey: KeyExtractor;
  private readonly lFrom: string[];
  private readonly lAs: string[];
  private readonly rFrom: string[];
  private readonly rAs: string[];
  private readonly leftFields: string[];
  private readonly rightFields: string[];

  private keys = new Map<unknown, JoinKey>();
  private readonly leftExpiry = new MinHeap<Expiry>(expiresBefore);
  private readonly rightExpiry = new MinHeap<Expiry>(expiresBefore);
  private wm = -Infinity;
  private buffered = 0;
  private nullTimes = 0;

  /**
   * `fns` replaces reading a side's time field where the time is derived from it (below a
   * window a row's time is window_end − 1 ms); the fields still name what a snapshot keeps.
   */
  constructor(params: IntervalJoinParams, fns: { leftTimeOf?: TimeOf; rightTimeOf?: TimeOf } = {}) {
    const p = parseParams(OP, IntervalJoinParamsSchema, params);
    this.lower = p.lowerMs;
    this.upper = p.upperMs;
    this.leftTime = fns.leftTimeOf ?? timeAccessor(OP, p.leftTimeField, undefined);
    this.rightTime = fns.rightTimeOf ?? timeAccessor(OP, p.rightTimeField, undefined);
    this.leftKey = keyExtractor(p.on.map((o) => o.left));
    this.rightKey = keyExtractor(p.on.map((o) => o.right));
    this.lFrom = p.output.left.map((m) => m.from);
    this.lAs = p.output.left.map((m) => m.as);
    this.rFrom = p.output.right.map((m) => m.from);
    this.rAs = p.output.right.map((m) => m.as);
    // A snapshot keeps what the output, the key and the time need, nothing more.
    this.leftFields = [...new Set([p.leftTimeField, ...p.on.map((o) => o.left), ...this.lFrom])];
    this.rightFields = [...new Set([p.rightTimeField, ...p.on.map((o) => o.right), ...this.rFrom])];
  }

  get droppedNullTime(): number {
    return this.nullTimes;
  }

  /**
   * The watermark to pass downstream: output rows carry both input times, and a row
   * kept here may still pair with a future one, so the output lags the input by
   * max(upper, −lower, 0) (Flink's RowTimeIntervalJoin holds watermarks back likewise).
   */
  outputWatermark(inputWatermark: number): number {
    return inputWatermark - Math.max(this.upper, -this.lower, 0);
  }

  process(row: Row, ctx: OperatorContext, port?: Port): void {
    if (port === 'left') this.processLeft(row, ctx);
    else if (port === 'right') this.processRight(row, ctx);
    else throw new PortError(OP, port);
  }

  private processLeft(row: Row, ctx: OperatorContext): void {
    const t = this.leftTime(row);
    if (t === null) {
      this.nullTimes++;
      return;
    }
    if (t + this.upper - Math.min(this.lower, 0) <= this.wm) {
      ctx.late(row, 'late');
      return;
    }
    const mk = this.leftKey.joinKey(row);
    if (mk === undefined) return;
    let k = this.keys.get(mk);
    if (k !== undefined) {
      const r = k.right.rows;
      const hi = t + this.upper;
      for (let i = r.lowerBound(t + this.lower); i < r.ts.length && r.ts[i]! <= hi; i++) ctx.emit(this.combine(row, r.rows[i]!));
    }
    if (t + this.upper > this.wm) {
      k ??= this.newKey(mk);
      this.keep(k, k.left, t, row, this.leftExpiry);
    }
  }

  private processRight(row: Row, ctx: OperatorContext): void {
    const t = this.rightTime(row);
    if (t === null) {
      this.nullTimes++;
      return;
    }
    if (t - this.lower + Math.max(this.upper, 0) <= this.wm) {
      ctx.late(row, 'late');
      return;
    }
    const mk = this.rightKey.joinKey(row);
    if (mk === undefined) return;
    let k = this.keys.get(mk);
    if (k !== undefined) {
      const l = k.left.rows;
      const hi = t - this.lower;
      for (let i = l.lowerBound(t - this.upper); i < l.ts.length && l.ts[i]! <= hi; i++) ctx.emit(this.combine(l.rows[i]!, row));
    }
    if (t - this.lower > this.wm) {
      k ??= this.newKey(mk);
      this.keep(k, k.right, t, row, this.rightExpiry);
    }
  }

  private newKey(mk: unknown): JoinKey {
    const k: JoinKey = { mk, left: newSide(), right: newSide(), dead: false };
    this.keys.set(mk, k);
    return k;
  }

  private keep(k: JoinKey, side: Side, t: number, row: Row, expiry: MinHeap<Expiry>): void {
    side.rows.insert(t, row);
    this.buffered++;
    if (!side.queued || t < side.queuedAt) {
      side.queued = true;
      side.queuedAt = t;
      expiry.push({ t, k });
    }
  }

  private combine(l: Row, r: Row): Row {
    const out: Row = {};
    const { lFrom, lAs, rFrom, rAs } = this;
    for (let i = 0; i < lAs.length; i++) out[lAs[i]!] = l[lFrom[i]!] ?? null;
    for (let i = 0; i < rAs.length; i++) out[rAs[i]!] = r[rFrom[i]!] ?? null;
    return out;
  }

  onWatermark(watermark: number, _ctx?: OperatorContext): void {
    if (!(watermark > this.wm)) return;
    this.wm = watermark;
    this.expire(this.leftExpiry, true, watermark - this.upper);
    this.expire(this.rightExpiry, false, watermark + this.lower);
  }

  private expire(heap: MinHeap<Expiry>, left: boolean, bound: number): void {
    for (let e = heap.peek(); e !== undefined && e.t <= bound; e = heap.peek()) {
      heap.pop();
      const k = e.k;
      if (k.dead) continue;
      const side = left ? k.left : k.right;
      if (!side.queued || side.queuedAt !== e.t) continue;
      this.buffered -= side.rows.dropUpTo(bound);
      const min = side.rows.minTime;
      if (min === undefined) side.queued = false;
      else {
        side.queuedAt = min;
        heap.push({ t: min, k });
      }
      if (k.left.rows.size === 0 && k.right.rows.size === 0) {
        k.dead = true;
        this.keys.delete(k.mk);
      }
    }
  }

  stateSize(): number {
    return this.buffered;
  }

  snapshot(): Json {
    const keys: Json[] = [];
    for (const k of this.keys.values()) keys.push([this.encodeRows(k.left.rows, this.leftFields), this.encodeRows(k.right.rows, this.rightFields)]);
    return { op: OP, v: 1, wm: encodeNumber(this.wm), nullTimes: this.nullTimes, keys };
  }

  private encodeRows(rows: TimeSortedRows, fields: string[]): Json {
    const out: Json[] = [];
    for (let i = rows.head; i < rows.ts.length; i++) {
      const row = rows.rows[i]!;
      out.push([encodeNumber(rows.ts[i]!), ...fields.map((f) => encodeValue(row[f]))]);
    }
    return out;
  }

  restore(state: unknown): void {
    const st = snapshotObject(OP, 1, state);
    this.keys = new Map();
    this.leftExpiry.clear();
    this.rightExpiry.clear();
    this.buffered = 0;
    for (const entry of asArray(st.keys)) {
      const [leftJson, rightJson] = asArray(entry);
      const lefts = this.decodeRows(leftJson, this.leftFields);
      const rights = this.decodeRows(rightJson, this.rightFields);
      const first = lefts[0] ?? rights[0];
      if (first === undefined) continue;
      const mk = lefts.length > 0 ? this.leftKey.joinKey(first[1]) : this.rightKey.joinKey(first[1]);
      const k = this.newKey(mk);
      for (const [t, row] of lefts) this.keep(k, k.left, t, row, this.leftExpiry);
      for (const [t, row] of rights) this.keep(k, k.right, t, row, this.rightExpiry);
    }
    this.wm = decodeNumber(st.wm);
    this.nullTimes = snapshotCount(OP, st.nullTimes, 'nullTimes');
  }

  private decodeRows(json: unknown, fields: string[]): [number, Row][] {
    return asArray(json).map((rj) => {
      const parts = asArray(rj);
      const row: Row = {};
      for (let i = 0; i < fields.length; i++) row[fields[i]!] = decodeValue(parts[i + 1]);
      return [decodeNumber(parts[0]), row];
    });
  }
}
