import type { Row } from '@weir/model/field';
import { AggregateSet, type Acc } from '../state/aggregates';
import { asArray, decodeNumber, decodeValues, encodeNumber, encodeValues, SnapshotError, type Json } from '../state/json-value';
import { keyExtractor, type KeyExtractor } from '../state/keys';
import type { TimeOf } from './event-time';
import type { Operator, OperatorContext } from './operator';
import type { AggregateSpec } from './params';
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
 * is still to come. Windows fire in order of their end. Within one window, keys come in
 * the order they first entered the window's earliest pane holding them (for tumbling
 * windows: the order keys first appeared in the window).
 *
 * Late: a record in pane p is late when window p, the last window holding it, has
 * fired. A record some of whose windows have fired still goes to the others.
 *
 * When every aggregate is invertible (counts, sums and averages of integers) and a window
 * spans several panes, each key also keeps a running aggregate of its live panes up to
 * `runHi`: a window adds the panes entering it and subtracts those its predecessor
 * dropped, so emitting costs O(1) per key instead of O(size/slide). The running
 * aggregate is derived state, rebuilt from the panes after a restore.
 */

interface KeyState {
  mk: unknown;
  values: unknown[];
  /** Live panes, ascending by idx, from `head` on. */
  panes: Pane[];
  head: number;
  /** The last window this key was emitted in, so a window emits each key once. */
  emitted: number;
  /** Incremental mode: the merge of the live panes with idx ≤ runHi (null until first needed). */
  run: Acc | null;
  runHi: number;
}

interface Pane {
  idx: number;
  acc: Acc;
  ks: KeyState;
}

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
  private readonly key: KeyExtractor;
  private readonly aggs: AggregateSet;
  private readonly out: WindowRowBuilder;
  private readonly scratch: Acc;
  private readonly incremental: boolean;

  private keys = new Map<unknown, KeyState>();
  /** Panes by index, each bucket in the order its keys entered it. */
  private buckets = new Map<number, Pane[]>();
  /** Indices that have a bucket, ascending, from idxHead on. */
  private idxs: number[] = [];
  private idxHead = 0;
  private wm = -Infinity;
  /** Every window k ≤ fired has fired. */
  private fired = -Infinity;
  private seq = 0;
  private paneCount = 0;
  private nullTimes = 0;

  constructor(config: PaneWindowConfig) {
    this.op = config.operator;
    this.size = config.sizeMs;
    this.slide = config.slideMs;
    this.n = config.sizeMs / config.slideMs;
    this.time = config.time;
    this.key = keyExtractor(config.keyBy);
    this.aggs = new AggregateSet(config.aggregates);
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
    const mk = this.key.mapKey(row);
    let ks = this.keys.get(mk);
    if (ks === undefined) {
      ks = { mk, values: this.key.values(row), panes: [], head: 0, emitted: -Infinity, run: null, runHi: -Infinity };
      this.keys.set(mk, ks);
    }
    const panes = ks.panes;
    let pane = panes[panes.length - 1];
    if (pane === undefined || pane.idx !== p) pane = this.paneOf(ks, p);
    this.aggs.add(pane.acc, row, t, this.seq);
    if (ks.run !== null && p <= ks.runHi) this.aggs.add(ks.run, row, t, this.seq);
    this.seq++;
  }

  onWatermark(watermark: number, ctx: OperatorContext): void {
    if (!(watermark > this.wm)) return;
    this.wm = watermark;
    const last = Math.floor((watermark + 1) / this.slide) - this.n;
    while (this.idxHead < this.idxs.length) {
      const k = Math.max(this.fired + 1, this.idxs[this.idxHead]! - this.n + 1);
      if (k > last) break;
      this.fireWindow(k, ctx);
      this.fired = k;
    }
    if (last > this.fired) this.fired = last;
  }

  stateSize(): number {
    return this.paneCount;
  }

  private paneOf(ks: KeyState, p: number): Pane {
    const panes = ks.panes;
    // First live pane with idx > p; records are mostly in order, so it is usually the end.
    let lo = ks.head;
    let hi = panes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (panes[mid]!.idx <= p) lo = mid + 1;
      else hi = mid;
    }
    if (lo > ks.head && panes[lo - 1]!.idx === p) return panes[lo - 1]!;
    const pane: Pane = { idx: p, acc: this.aggs.create(), ks };
    if (lo === panes.length) panes.push(pane);
    else panes.splice(lo, 0, pane);
    let bucket = this.buckets.get(p);
    if (bucket === undefined) {
      bucket = [];
      this.buckets.set(p, bucket);
      this.insertIdx(p);
    }
    bucket.push(pane);
    this.paneCount++;
    return pane;
  }

  private insertIdx(p: number): void {
    const idxs = this.idxs;
    let lo = this.idxHead;
    let hi = idxs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (idxs[mid]! < p) lo = mid + 1;
      else hi = mid;
    }
    if (lo === idxs.length) idxs.push(p);
    else idxs.splice(lo, 0, p);
  }

  private fireWindow(k: number, ctx: OperatorContext): void {
    const lastPane = k + this.n - 1;
    const start = k * this.slide;
    const end = start + this.size;
    const idxs = this.idxs;
    for (let i = this.idxHead; i < idxs.length && idxs[i]! <= lastPane; i++) {
      const bucket = this.buckets.get(idxs[i]!)!;
      for (let j = 0; j < bucket.length; j++) {
        const ks = bucket[j]!.ks;
        if (ks.emitted === k) continue;
        ks.emitted = k;
        ctx.emit(this.out.build(ks.values, start, end, this.windowAcc(ks, lastPane)));
      }
    }
    while (this.idxHead < idxs.length && idxs[this.idxHead]! <= k) this.dropOldestPane();
  }

  /** The key's aggregate over its panes up to lastPane (all its live panes start at ≥ k). */
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

  /** Window k has fired, so pane k (the oldest) belongs to no window still to come. */
  private dropOldestPane(): void {
    const idx = this.idxs[this.idxHead]!;
    const bucket = this.buckets.get(idx)!;
    for (const pane of bucket) {
      const ks = pane.ks;
      if (ks.run !== null && pane.idx <= ks.runHi) this.aggs.subtract(ks.run, pane.acc);
      ks.head++;
      if (ks.head === ks.panes.length) this.keys.delete(ks.mk);
      else if (ks.head >= 32 && ks.head * 2 >= ks.panes.length) {
        ks.panes.splice(0, ks.head);
        ks.head = 0;
      }
    }
    this.paneCount -= bucket.length;
    this.buckets.delete(idx);
    this.idxHead++;
    if (this.idxHead >= 32 && this.idxHead * 2 >= this.idxs.length) {
      this.idxs.splice(0, this.idxHead);
      this.idxHead = 0;
    }
  }

  snapshot(): Json {
    const index = new Map<KeyState, number>();
    const keys: Json[] = [];
    for (const ks of this.keys.values()) {
      index.set(ks, keys.length);
      keys.push(encodeValues(ks.values));
    }
    const panes: Json[] = [];
    for (let i = this.idxHead; i < this.idxs.length; i++) {
      const idx = this.idxs[i]!;
      const bucket = this.buckets.get(idx)!;
      panes.push([idx, bucket.map((pane): Json => [index.get(pane.ks)!, this.aggs.encode(pane.acc)])]);
    }
    return {
      op: this.op, v: 1, wm: encodeNumber(this.wm), fired: encodeNumber(this.fired),
      seq: this.seq, nullTimes: this.nullTimes, keys, panes,
    };
  }

  restore(state: unknown): void {
    const s = snapshotObject(this.op, 1, state);
    const keys = new Map<unknown, KeyState>();
    const list = asArray(s.keys).map((json) => {
      const values = decodeValues(json);
      const ks: KeyState = { mk: this.key.mapKeyOfValues(values), values, panes: [], head: 0, emitted: -Infinity, run: null, runHi: -Infinity };
      keys.set(ks.mk, ks);
      return ks;
    });
    const buckets = new Map<number, Pane[]>();
    const idxs: number[] = [];
    let paneCount = 0;
    for (const entry of asArray(s.panes)) {
      const [idx, members] = asArray(entry);
      if (typeof idx !== 'number' || (idxs.length > 0 && idx <= idxs[idxs.length - 1]!)) {
        throw new SnapshotError(`${this.op}: pane indices are not ascending`);
      }
      const bucket: Pane[] = [];
      for (const member of asArray(members)) {
        const [ki, acc] = asArray(member);
        const ks = list[ki as number];
        if (ks === undefined) throw new SnapshotError(`${this.op}: pane refers to unknown key ${String(ki)}`);
        const pane: Pane = { idx, acc: this.aggs.decode(acc), ks };
        ks.panes.push(pane);
        bucket.push(pane);
      }
      paneCount += bucket.length;
      buckets.set(idx, bucket);
      idxs.push(idx);
    }
    this.keys = keys;
    this.buckets = buckets;
    this.idxs = idxs;
    this.idxHead = 0;
    this.paneCount = paneCount;
    this.wm = decodeNumber(s.wm);
    this.fired = decodeNumber(s.fired);
    this.seq = snapshotCount(this.op, s.seq, 'seq');
    this.nullTimes = snapshotCount(this.op, s.nullTimes, 'nullTimes');
  }
}
