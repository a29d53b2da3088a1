import { asArray, decodeNumber, encodeNumber, SnapshotError, type Json } from './json-value';

/**
 * Event-time progress, as pipeline-format.md (Sources) and Flink define it:
 * - a partition's watermark is the largest event time it has read minus
 *   maxOutOfOrderness (−∞ before its first record; NULL event times do not move it);
 * - a source's watermark is the minimum over its active partitions, and never goes back;
 * - with idleTimeout, a partition that has read nothing for that long (processing time)
 *   is idle and no longer holds the source back; a record makes it active again;
 * - when every partition is idle the source is idle, and (as Flink's
 *   CombinedWatermarkStatus does since FLINK-38454) its watermark is flushed to the maximum over
 *   all partitions: what was read is complete as far as anyone can know;
 * - a finished partition (bounded input read to its end) stops counting; once every
 *   partition has finished, or at endOfInput(), the watermark is +∞.
 *
 * Idleness is judged when update() runs, by comparing record counters with the last
 * update, as Flink's IdlenessTimer does: the hot path never reads the clock.
 */

export type PartitionId = number | string;

export interface SourceWatermarkOptions {
  maxOutOfOrdernessMs: number;
  /** Absent or null: partitions never go idle. */
  idleTimeoutMs?: number | null;
  /** Processing time in ms; injected so tests control it. */
  clock?: () => number;
}

/** One partition's record feed; hold on to it in the hot loop to skip a Map lookup. */
export interface PartitionFeed {
  observe(eventTime: number | null): void;
}

class Partition implements PartitionFeed {
  maxTime = -Infinity;
  records = 0;
  counted = 0;
  finished = false;
  constructor(public lastActive: number) {}

  observe(eventTime: number | null): void {
    this.records++;
    if (eventTime !== null && eventTime > this.maxTime) this.maxTime = eventTime;
  }
}

export class SourceWatermarks {
  private readonly parts = new Map<PartitionId, Partition>();
  private readonly ooo: number;
  private readonly idleTimeout: number | null;
  private readonly clock: () => number;
  private combined = -Infinity;
  private idle = false;
  private ended = false;

  constructor(options: SourceWatermarkOptions) {
    this.ooo = options.maxOutOfOrdernessMs;
    this.idleTimeout = options.idleTimeoutMs ?? null;
    this.clock = options.clock ?? Date.now;
  }

  /** Registers a partition (idleness is measured from now) and returns its feed. */
  partition(id: PartitionId): PartitionFeed {
    let p = this.parts.get(id);
    if (p === undefined) {
      p = new Partition(this.clock());
      this.parts.set(id, p);
    }
    return p;
  }

  observe(id: PartitionId, eventTime: number | null): void {
    (this.parts.get(id) ?? this.partition(id)).observe(eventTime);
  }

  /** Bounded input: this partition has been read to its end offset. */
  finishPartition(id: PartitionId): void {
    (this.parts.get(id) ?? (this.partition(id) as Partition)).finished = true;
  }

  /** Bounded input: everything has been read. */
  endOfInput(): void {
    this.ended = true;
    this.combined = Infinity;
    this.idle = false;
  }

  /** Recomputes idleness and the combined watermark; returns the watermark. */
  update(): number {
    if (this.ended || this.parts.size === 0) return this.combined;
    const now = this.clock();
    let minActive = Infinity;
    let maxAll = -Infinity;
    let open = 0;
    let active = 0;
    for (const p of this.parts.values()) {
      if (p.finished) continue;
      open++;
      if (p.records !== p.counted) {
        p.counted = p.records;
        p.lastActive = now;
      }
      const wm = p.maxTime - this.ooo;
      if (wm > maxAll) maxAll = wm;
      if (this.idleTimeout === null || now - p.lastActive < this.idleTimeout) {
        active++;
        if (wm < minActive) minActive = wm;
      }
    }
    if (open === 0) {
      this.endOfInput();
      return this.combined;
    }
    this.idle = active === 0;
    const candidate = this.idle ? maxAll : minActive;
    if (candidate > this.combined) this.combined = candidate;
    return this.combined;
  }

  /** The watermark as of the last update(). */
  get watermark(): number {
    return this.combined;
  }

  /** Every unfinished partition is idle (as of the last update()). */
  get isIdle(): boolean {
    return this.idle;
  }

  partitionWatermark(id: PartitionId): number {
    const p = this.parts.get(id);
    if (p === undefined) return -Infinity;
    return p.finished ? Infinity : p.maxTime - this.ooo;
  }

  snapshot(): Json {
    const parts: Json[] = [];
    for (const [id, p] of this.parts) parts.push([id, encodeNumber(p.maxTime), p.finished]);
    return { combined: encodeNumber(this.combined), ended: this.ended, parts };
  }

  /** Restored partitions count as active from now. */
  restore(state: unknown): void {
    if (typeof state !== 'object' || state === null) throw new SnapshotError('source watermarks: not an object');
    const s = state as { combined?: unknown; ended?: unknown; parts?: unknown };
    this.parts.clear();
    const now = this.clock();
    for (const entry of asArray(s.parts)) {
      const [id, maxTime, finished] = asArray(entry);
      if (typeof id !== 'number' && typeof id !== 'string') throw new SnapshotError('source watermarks: bad partition id');
      const p = new Partition(now);
      p.maxTime = decodeNumber(maxTime);
      p.finished = finished === true;
      this.parts.set(id, p);
    }
    this.combined = decodeNumber(s.combined);
    this.ended = s.ended === true;
    this.idle = false;
  }
}

/**
 * The watermark of an operator with several inputs (a union, a join): the minimum over
 * its active inputs, never going back; when every input is idle, the maximum over all of
 * them (Flink's StatusWatermarkValve, FLINK-7728), and the combined status is idle.
 */
export class WatermarkCombiner {
  private readonly wms: number[];
  private readonly idles: boolean[];
  private combined = -Infinity;
  private idle = false;

  constructor(inputs: number) {
    if (!Number.isInteger(inputs) || inputs < 1) throw new RangeError(`a watermark combiner needs at least one input, not ${inputs}`);
    this.wms = new Array<number>(inputs).fill(-Infinity);
    this.idles = new Array<boolean>(inputs).fill(false);
  }

  /** Records input `input`'s watermark and idleness; returns the combined watermark. */
  update(input: number, watermark: number, idle = false): number {
    if (watermark > this.wms[input]!) this.wms[input] = watermark;
    this.idles[input] = idle;
    let minActive = Infinity;
    let maxAll = -Infinity;
    let active = 0;
    for (let i = 0; i < this.wms.length; i++) {
      const wm = this.wms[i]!;
      if (wm > maxAll) maxAll = wm;
      if (!this.idles[i]) {
        active++;
        if (wm < minActive) minActive = wm;
      }
    }
    this.idle = active === 0;
    const candidate = this.idle ? maxAll : minActive;
    if (candidate > this.combined) this.combined = candidate;
    return this.combined;
  }

  get watermark(): number {
    return this.combined;
  }

  get isIdle(): boolean {
    return this.idle;
  }
}
