import type { Row } from '@weir/model/field';
import { AggregateSet, type Acc } from '../state/aggregates';
import { decodeNumber, encodeNumber, type Json } from '../state/json-value';
import { keyExtractor } from '../state/keys';
import type { TimeOf } from './event-time';
import type { Operator, OperatorContext } from './operator';
import type { AggregateSpec } from './params';
import { PaneStore, type KeyState, type Pane } from './pane-store';
import { snapshotCount, snapshotObject } from './snapshot-shape';
import { WindowRowBuilder } from './window-output';

/**
 * The engine of tumbling and sliding windows. Time is cut into panes of `slide` ms;
 * each key keeps one partial aggregate per pane it has records in, and window k,
 * [k·slide, k·slide + size), is assembled when it fires by merging that key's panes
 * k … k + size/slide − 1. A record is aggregated once, whatever size/slide is.
 *
 * Firing (as Flink): window [s, e) fires when the watermark reaches e − 1, its last
 * millisecond; under Flink's watermark contract no record at or before the watermark
 * is still to come. Windows fire in order of their end; within a window, keys come in
 * the order the operator first saw them (among keys holding state). A window without
 * records for a key emits nothing for it.
 *
 * Late: a record in pane p is late when window p, the last window holding it, has
 * fired. A record some of whose windows have fired still goes to the others.
 *
 * Keys with data in the current windows are kept in an `active` list (by creation
 * order), so firing a window costs O(keys in it), not O(panes in it). When every
 * aggregate is invertible (counts, sums and averages of integers) and a window spans
 * several panes, each key also keeps a running aggregate of its live panes up to
 * `runHi`: a window merges the panes entering it and subtracts those dropped, so a key
 * costs O(1) per window instead of O(size/slide). Both are derived state, rebuilt from
 * the panes after a restore.
 */

export interface PaneWindowConfig {
  operator: string;
  keyBy: readonly string[];
  aggregates: readonly AggregateSpec[];
  sizeMs: number;
  slideMs: number;
  time: TimeOf;
}

export class PaneWindow implements Operator {
  private readonly op: string;
  private readonly size: number;
  private readonly slide: number;
  /** Panes per window. */
  private readonly n: number;
  private readonly time: TimeOf;
  private readonly aggs: AggregateSet;
  private readonly store: PaneStore;
  private readonly out: WindowRowBuilder;
  private readonly scratch: Acc;
  private readonly incremental: boolean;
  private readonly subtractDropped = (pane: Pane): void => {
    const ks = pane.ks;
    if (ks.run !== null && pane.idx <= ks.runHi) this.aggs.subtract(ks.run, pane.acc);
  };

  private wm = -Infinity;
  /** Every window k ≤ fired has fired. */
  private fired = -Infinity;
  private seq = 0;
  private nullTimes = 0;
  /** Keys with a pane at or below activeHi, ascending by creation order ... */
  private active: KeyState[] = [];
  /** ... and keys about to join them. */
  private joining: KeyState[] = [];
  private activeHi = -Infinity;

  constructor(config: PaneWindowConfig) {
    this.op = config.operator;
    this.size = config.sizeMs;
    this.slide = config.slideMs;
    this.n = config.sizeMs / config.slideMs;
    this.time = config.time;
    this.aggs = new AggregateSet(config.aggregates);
    this.store = new PaneStore(config.operator, this.aggs, keyExtractor(config.keyBy));
    this.out = new WindowRowBuilder(config.keyBy, this.aggs);
    this.scratch = this.aggs.create();
    this.incremental = this.n > 1 && this.aggs.invertible;
  }

  /** Records dropped because their event time was NULL (Flink: numNullRowTimeRecordsDropped). */
  get droppedNullTime(): number {
    return this.nullTimes;
  }

  process(row: Row, ctx: OperatorContext): void {
    const t = this.time(row);
    if (t === null) {
      this.nullTimes++;
      return;
    }
    const p = Math.floor(t / this.slide);
    if (p <= this.fired) {
      ctx.late(row, 'late');
      return;
    }
    const ks = this.store.keyOf(row);
    const pane = this.store.paneOf(ks, p);
    this.aggs.add(pane.acc, row, t, this.seq);
    if (ks.run !== null && p <= ks.runHi) this.aggs.add(ks.run, row, t, this.seq);
    this.seq++;
    if (!ks.listed && p <= this.activeHi) {
      ks.listed = true;
      this.joining.push(ks);
    }
  }

  onWatermark(watermark: number, ctx: OperatorContext): void {
    if (!(watermark > this.wm)) return;
    this.wm = watermark;
    const last = Math.floor((watermark + 1) / this.slide) - this.n;
    for (let oldest = this.store.oldest(); oldest !== undefined; oldest = this.store.oldest()) {
      const k = Math.max(this.fired + 1, oldest - this.n + 1);
      if (k > last) break;
      this.fireWindow(k, ctx);
      this.fired = k;
    }
    if (last > this.fired) this.fired = last;
  }

  stateSize(): number {
    return this.store.paneCount;
  }

  private fireWindow(k: number, ctx: OperatorContext): void {
    const lastPane = k + this.n - 1;
    if (lastPane > this.activeHi) {
      this.store.forEachPaneIn(this.activeHi, lastPane, (pane) => {
        if (!pane.ks.listed) {
          pane.ks.listed = true;
          this.joining.push(pane.ks);
        }
      });
      this.activeHi = lastPane;
    }
    if (this.joining.length > 0) this.admitJoining();
    const start = k * this.slide;
    const end = start + this.size;
    const active = this.active;
    let kept = 0;
    for (let i = 0; i < active.length; i++) {
      const ks = active[i]!;
      const first = ks.panes[ks.head];
      // Gone, or nothing before a later window: it rejoins when its panes come in range.
      if (first === undefined || first.idx > lastPane) {
        ks.listed = false;
        continue;
      }
      active[kept++] = ks;
      ctx.emit(this.out.build(ks.values, start, end, this.windowAcc(ks, lastPane)));
    }
    active.length = kept;
    // Window k was the last one needing pane k.
    for (let oldest = this.store.oldest(); oldest !== undefined && oldest <= k; oldest = this.store.oldest()) {
      this.store.dropOldest(this.subtractDropped);
    }
  }

  /** Merges the joining keys into the active list, keeping creation order. */
  private admitJoining(): void {
    const joining = this.joining.sort((a, b) => a.order - b.order);
    const active = this.active;
    const merged: KeyState[] = new Array<KeyState>(active.length + joining.length);
    let i = 0;
    let j = 0;
    let m = 0;
    while (i < active.length && j < joining.length) merged[m++] = active[i]!.order < joining[j]!.order ? active[i++]! : joining[j++]!;
    while (i < active.length) merged[m++] = active[i++]!;
    while (j < joining.length) merged[m++] = joining[j++]!;
    this.active = merged;
    this.joining = [];
  }

  /** The key's aggregate over its panes up to lastPane (all its live panes are ≥ k). */
  private windowAcc(ks: KeyState, lastPane: number): Acc {
    if (this.incremental) return this.advanceRun(ks, lastPane);
    const panes = ks.panes;
    let i = ks.head;
    const next = panes[i + 1];
    if (next === undefined || next.idx > lastPane) return panes[i]!.acc;
    const acc = this.scratch;
    this.aggs.reset(acc);
    for (; i < panes.length && panes[i]!.idx <= lastPane; i++) this.aggs.merge(acc, panes[i]!.acc);
    return acc;
  }

  /** Brings the key's running aggregate up to lastPane by merging the panes that entered. */
  private advanceRun(ks: KeyState, lastPane: number): Acc {
    let run = ks.run;
    if (run === null) ks.run = run = this.aggs.create();
    if (lastPane > ks.runHi) {
      const panes = ks.panes;
      let lo = ks.head;
      let hi = panes.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (panes[mid]!.idx <= ks.runHi) lo = mid + 1;
        else hi = mid;
      }
      for (; lo < panes.length && panes[lo]!.idx <= lastPane; lo++) this.aggs.merge(run, panes[lo]!.acc);
      ks.runHi = lastPane;
    }
    return run;
  }

  snapshot(): Json {
    const { keys, panes } = this.store.snapshot();
    return { op: this.op, v: 1, wm: encodeNumber(this.wm), fired: encodeNumber(this.fired), seq: this.seq, nullTimes: this.nullTimes, keys, panes };
  }

  restore(state: unknown): void {
    const s = snapshotObject(this.op, 1, state);
    this.store.restore(s.keys, s.panes);
    this.active = [];
    this.joining = [];
    this.activeHi = -Infinity;
    this.wm = decodeNumber(s.wm);
    this.fired = decodeNumber(s.fired);
    this.seq = snapshotCount(this.op, s.seq, 'seq');
    this.nullTimes = snapshotCount(this.op, s.nullTimes, 'nullTimes');
  }
}
