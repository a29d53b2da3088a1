import type { Row } from '@weir/model/field';
import type { Acc, AggregateSet } from '../state/aggregates';
import { asArray, decodeValues, encodeValues, SnapshotError, type Json } from '../state/json-value';
import type { KeyExtractor } from '../state/keys';

/** A group key with live panes. */
export interface KeyState {
  mk: unknown;
  values: unknown[];
  /** Creation order: keys are emitted in this order within a window. */
  order: number;
  /** Live panes, ascending by idx, from `head` on. */
  panes: Pane[];
  head: number;
  /** In the window engine's active list, or queued to join it. */
  listed: boolean;
  /** Incremental mode: the merge of the live panes with idx ≤ runHi (null until first needed). */
  run: Acc | null;
  runHi: number;
}

/** One key's partial aggregate over one slide. */
export interface Pane {
  idx: number;
  acc: Acc;
  ks: KeyState;
}

/**
 * The panes of a tumbling or sliding window: by key (ascending) for merging, and by
 * pane index (in the order keys entered each pane) for finding what a window holds
 * and for dropping whole panes once no window needs them.
 */
export class PaneStore {
  keys = new Map<unknown, KeyState>();
  private buckets = new Map<number, Pane[]>();
  /** Indices that have a bucket, ascending, from idxHead on. */
  private idxs: number[] = [];
  private idxHead = 0;
  private nextOrder = 0;
  paneCount = 0;

  constructor(
    private readonly op: string,
    private readonly aggs: AggregateSet,
    private readonly key: KeyExtractor,
  ) {}

  keyOf(row: Row): KeyState {
    const mk = this.key.mapKey(row);
    let ks = this.keys.get(mk);
    if (ks === undefined) {
      ks = this.newKey(mk, this.key.values(row));
      this.keys.set(mk, ks);
    }
    return ks;
  }

  private newKey(mk: unknown, values: unknown[]): KeyState {
    return { mk, values, order: this.nextOrder++, panes: [], head: 0, listed: false, run: null, runHi: -Infinity };
  }

  /** The key's pane p, created (empty) when missing. */
  paneOf(ks: KeyState, p: number): Pane {
    const panes = ks.panes;
    const last = panes[panes.length - 1];
    if (last !== undefined && last.idx === p) return last;
    // First live pane with idx > p; records are mostly in order, so usually the end.
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

  /** The smallest pane index held, if any. */
  oldest(): number | undefined {
    return this.idxs[this.idxHead];
  }

  /** Calls `visit` for every pane with from < idx ≤ to, by index, then entry order. */
  forEachPaneIn(from: number, to: number, visit: (pane: Pane) => void): void {
    const idxs = this.idxs;
    let lo = this.idxHead;
    let hi = idxs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (idxs[mid]! <= from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < idxs.length && idxs[i]! <= to; i++) for (const pane of this.buckets.get(idxs[i]!)!) visit(pane);
  }

  /** Drops the oldest pane index: for each key it is that key's first live pane. */
  dropOldest(beforeDrop: (pane: Pane) => void): void {
    const idx = this.idxs[this.idxHead]!;
    const bucket = this.buckets.get(idx)!;
    for (const pane of bucket) {
      beforeDrop(pane);
      const ks = pane.ks;
      ks.head++;
      if (ks.head === ks.panes.length) {
        this.keys.delete(ks.mk);
        ks.panes = [];
        ks.head = 0;
      } else if (ks.head >= 32 && ks.head * 2 >= ks.panes.length) {
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

  /** Keys in creation order, then panes by index, each naming its key by position. */
  snapshot(): { keys: Json[]; panes: Json[] } {
    const index = new Map<KeyState, number>();
    const keys: Json[] = [];
    for (const ks of this.keys.values()) {
      index.set(ks, keys.length);
      keys.push(encodeValues(ks.values));
    }
    const panes: Json[] = [];
    for (let i = this.idxHead; i < this.idxs.length; i++) {
      const idx = this.idxs[i]!;
      panes.push([idx, this.buckets.get(idx)!.map((pane): Json => [index.get(pane.ks)!, this.aggs.encode(pane.acc)])]);
    }
    return { keys, panes };
  }

  restore(keysJson: unknown, panesJson: unknown): void {
    this.keys = new Map();
    this.nextOrder = 0;
    const list = asArray(keysJson).map((json) => {
      const values = decodeValues(json);
      const ks = this.newKey(this.key.mapKeyOfValues(values), values);
      this.keys.set(ks.mk, ks);
      return ks;
    });
    this.buckets = new Map();
    this.idxs = [];
    this.idxHead = 0;
    this.paneCount = 0;
    for (const entry of asArray(panesJson)) {
      const [idx, members] = asArray(entry);
      if (typeof idx !== 'number' || (this.idxs.length > 0 && idx <= this.idxs[this.idxs.length - 1]!)) {
        throw new SnapshotError(`${this.op}: pane indices are not ascending`);
      }
      const bucket: Pane[] = [];
      for (const member of asArray(members)) {
        const [ki, acc] = asArray(member);
        const ks = list[ki as number];
        if (ks === undefined) throw new SnapshotError(`${this.op}: a pane refers to unknown key ${String(ki)}`);
        const pane: Pane = { idx, acc: this.aggs.decode(acc), ks };
        ks.panes.push(pane);
        bucket.push(pane);
      }
      this.paneCount += bucket.length;
      this.buckets.set(idx, bucket);
      this.idxs.push(idx);
    }
  }
}
