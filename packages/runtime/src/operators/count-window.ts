import type { Row } from '@weir/model/field';
import { AggregateSet, type Acc } from '../state/aggregates';
import { asArray, decodeNumber, decodeValues, encodeNumber, encodeValues, SnapshotError, type Json } from '../state/json-value';
import { keyExtractor, type KeyExtractor } from '../state/keys';
import { parseParams } from './errors';
import { timeAccessor, type TimeOf } from './event-time';
import type { Operator, OperatorContext } from './operator';
import { CountWindowParamsSchema, type CountWindowParams } from './params';
import { snapshotCount, snapshotObject } from './snapshot-shape';
import type { WindowFunctions } from './tumbling-window';
import { WindowRowBuilder } from './window-output';

/**
 * Count windows per key, as Flink's CountSlidingWindowAssigner with a count trigger:
 * window j holds a key's records j·slide … j·slide + size − 1 (numbered from 0 in
 * arrival order) and fires on the arrival of its last record, so the first window fires
 * at the size-th record and then every `slide` records. Incomplete windows never fire,
 * not even at the end of bounded input; watermarks play no part and nothing is late.
 * window_start/window_end are the smallest/largest time in the window.
 *
 * Records are kept as partial aggregates of g = gcd(size, slide) records each, so a
 * key holds at most size/g accumulators and never the records themselves. A record
 * whose time is NULL is dropped (as in every windowed operator) and not counted.
 */

interface Pane {
  idx: number;
  acc: Acc;
  minT: number;
  maxT: number;
}

interface KeyState {
  values: unknown[];
  /** Records of this key so far. */
  count: number;
  panes: Pane[];
  head: number;
}

const OP = 'count-window';

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

export class CountWindow implements Operator {
  private readonly size: number;
  private readonly slide: number;
  private readonly g: number;
  private readonly time: TimeOf;
  private readonly key: KeyExtractor;
  private readonly aggs: AggregateSet;
  private readonly out: WindowRowBuilder;
  private readonly scratch: Acc;

  private keys = new Map<unknown, KeyState>();
  private seq = 0;
  private paneCount = 0;
  private nullTimes = 0;

  constructor(params: CountWindowParams, fns: WindowFunctions = {}) {
    const p = parseParams(OP, CountWindowParamsSchema, params);
    this.size = p.size;
    this.slide = p.slide ?? p.size;
    this.g = gcd(this.size, this.slide);
    this.time = timeAccessor(OP, p.timeField, fns.timeOf);
    this.key = keyExtractor(p.keyBy);
    this.aggs = new AggregateSet(p.aggregates);
    this.out = new WindowRowBuilder(p.keyBy, this.aggs);
    this.scratch = this.aggs.create();
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
    const mk = this.key.mapKey(row);
    let ks = this.keys.get(mk);
    if (ks === undefined) {
      ks = { values: this.key.values(row), count: 0, panes: [], head: 0 };
      this.keys.set(mk, ks);
    }
    const i = ks.count++;
    // With slide > size, records between windows belong to none.
    if (this.slide <= this.size || i % this.slide < this.size) {
      const idx = Math.floor(i / this.g);
      let pane = ks.panes[ks.panes.length - 1];
      if (pane === undefined || pane.idx !== idx) {
        pane = { idx, acc: this.aggs.create(), minT: t, maxT: t };
        ks.panes.push(pane);
        this.paneCount++;
      } else {
        if (t < pane.minT) pane.minT = t;
        if (t > pane.maxT) pane.maxT = t;
      }
      this.aggs.add(pane.acc, row, t, this.seq++);
    }
    const c = i + 1;
    if (c >= this.size && (c - this.size) % this.slide === 0) this.fire(ks, c, ctx);
  }

  /** Emits the window ending at the key's c-th record, then drops panes no later window needs. */
  private fire(ks: KeyState, c: number, ctx: OperatorContext): void {
    const g = this.g;
    const lastPane = c / g - 1;
    const panes = ks.panes;
    let i = ks.head;
    let acc: Acc;
    let minT = panes[i]!.minT;
    let maxT = panes[i]!.maxT;
    if (i + 1 >= panes.length) acc = panes[i]!.acc;
    else {
      acc = this.scratch;
      this.aggs.reset(acc);
      for (; i < panes.length && panes[i]!.idx <= lastPane; i++) {
        const pane = panes[i]!;
        this.aggs.merge(acc, pane.acc);
        if (pane.minT < minT) minT = pane.minT;
        if (pane.maxT > maxT) maxT = pane.maxT;
      }
    }
    ctx.emit(this.out.build(ks.values, minT, maxT, acc));
    const nextFirst = (c - this.size + this.slide) / g;
    while (ks.head < panes.length && panes[ks.head]!.idx < nextFirst) {
      ks.head++;
      this.paneCount--;
    }
    if (ks.head === panes.length) {
      ks.panes = [];
      ks.head = 0;
    } else if (ks.head >= 32 && ks.head * 2 >= panes.length) {
      panes.splice(0, ks.head);
      ks.head = 0;
    }
  }

  /** Count windows close on arrival only: incomplete windows are never emitted. */
  onWatermark(_watermark: number, _ctx: OperatorContext): void {}

  stateSize(): number {
    return this.paneCount;
  }

  snapshot(): Json {
    const keys: Json[] = [];
    for (const ks of this.keys.values()) {
      const panes: Json[] = [];
      for (let i = ks.head; i < ks.panes.length; i++) {
        const p = ks.panes[i]!;
        panes.push([p.idx, encodeNumber(p.minT), encodeNumber(p.maxT), this.aggs.encode(p.acc)]);
      }
      keys.push([encodeValues(ks.values), ks.count, panes]);
    }
    return { op: OP, v: 1, seq: this.seq, nullTimes: this.nullTimes, keys };
  }

  restore(state: unknown): void {
    const st = snapshotObject(OP, 1, state);
    const keys = new Map<unknown, KeyState>();
    let paneCount = 0;
    for (const entry of asArray(st.keys)) {
      const [valuesJson, count, panesJson] = asArray(entry);
      const values = decodeValues(valuesJson);
      const panes = asArray(panesJson).map((pj): Pane => {
        const [idx, minT, maxT, acc] = asArray(pj);
        if (typeof idx !== 'number') throw new SnapshotError(`${OP}: bad pane index`);
        return { idx, minT: decodeNumber(minT), maxT: decodeNumber(maxT), acc: this.aggs.decode(acc) };
      });
      paneCount += panes.length;
      keys.set(this.key.mapKeyOfValues(values), { values, count: snapshotCount(OP, count, 'count'), panes, head: 0 });
    }
    this.keys = keys;
    this.paneCount = paneCount;
    this.seq = snapshotCount(OP, st.seq, 'seq');
    this.nullTimes = snapshotCount(OP, st.nullTimes, 'nullTimes');
  }
}
