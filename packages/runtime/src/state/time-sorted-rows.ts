import type { Row } from '@weir/model/field';

/**
 * Rows kept in time order (equal times in arrival order), dropped from the old end as
 * time passes. Parallel arrays with a moving head: appending in order and dropping
 * from the front cost nothing.
 */
export class TimeSortedRows {
  ts: number[] = [];
  rows: Row[] = [];
  head = 0;

  get size(): number {
    return this.ts.length - this.head;
  }

  /** The smallest time held; undefined when empty. */
  get minTime(): number | undefined {
    return this.ts[this.head];
  }

  insert(t: number, row: Row): void {
    const ts = this.ts;
    const n = ts.length;
    if (n === this.head || ts[n - 1]! <= t) {
      ts.push(t);
      this.rows.push(row);
      return;
    }
    // After every row with a time ≤ t, so equal times stay in arrival order.
    let lo = this.head;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ts[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    ts.splice(lo, 0, t);
    this.rows.splice(lo, 0, row);
  }

  /** The index of the first row with a time ≥ t. */
  lowerBound(t: number): number {
    const ts = this.ts;
    let lo = this.head;
    let hi = ts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ts[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Drops every row with a time ≤ bound; returns how many. */
  dropUpTo(bound: number): number {
    const ts = this.ts;
    const start = this.head;
    let h = start;
    while (h < ts.length && ts[h]! <= bound) h++;
    if (h === ts.length) {
      this.ts = [];
      this.rows = [];
      this.head = 0;
    } else if (h >= 32 && h * 2 >= ts.length) {
      ts.splice(0, h);
      this.rows.splice(0, h);
      this.head = 0;
    } else {
      for (let i = start; i < h; i++) this.rows[i] = DROPPED;
      this.head = h;
    }
    return h - start;
  }
}

// Dropped slots release their rows to the garbage collector before compaction.
const DROPPED: Row = Object.freeze({}) as Row;
