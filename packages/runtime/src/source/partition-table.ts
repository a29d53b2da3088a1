import type { PartitionMetrics } from '@weir/model';
import type { PartitionFeed } from '../state/watermarks';

export interface PartitionState {
  partition: number;
  start: number;
  /** The next offset to read. */
  position: number;
  /** Bounded input: stop before this offset. */
  end: number | null;
  /** The partition's high watermark as last seen. */
  high: number;
  /** Event time (or, on processing time, Kafka timestamp) of the last record read. */
  lastTime: number | null;
  finished: boolean;
  feed: PartitionFeed;
}

/** A source's partitions: where each stands, for commits, metrics and progress. */
export class PartitionTable {
  private readonly parts = new Map<number, PartitionState>();

  get(partition: number): PartitionState | undefined {
    return this.parts.get(partition);
  }

  add(partition: number, start: number, end: number | null, high: number, feed: PartitionFeed): PartitionState {
    const st: PartitionState = { partition, start, position: start, end, high, lastTime: null, finished: false, feed };
    this.parts.set(partition, st);
    return st;
  }

  all(): PartitionState[] {
    return [...this.parts.values()].sort((a, b) => a.partition - b.partition);
  }

  allFinished(): boolean {
    for (const p of this.parts.values()) if (!p.finished) return false;
    return true;
  }

  /** The next offset of every partition: what a barrier commits. */
  positions(): Map<number, number> {
    const out = new Map<number, number>();
    for (const p of this.parts.values()) out.set(p.partition, p.position);
    return out;
  }

  raiseHigh(partition: number, high: number): void {
    const st = this.parts.get(partition);
    if (st !== undefined && high > st.high) st.high = high;
  }

  metrics(node: string, topic: string, idle: boolean, now: number): PartitionMetrics[] {
    return this.all().map((p) => {
      const endOffset = Math.max(p.end ?? p.high, p.position);
      return {
        node, topic, partition: p.partition, offset: p.position, endOffset,
        lag: Math.max(0, endOffset - p.position),
        lagMs: p.lastTime === null ? null : Math.max(0, now - p.lastTime),
        ...(idle ? { idle: true } : {}),
      };
    });
  }

  /** Bounded input: [records read, records to read]. */
  progress(): [number, number] {
    let done = 0;
    let total = 0;
    for (const p of this.parts.values()) {
      if (p.end === null) continue;
      total += p.end - p.start;
      done += Math.min(p.position, p.end) - p.start;
    }
    return [done, total];
  }
}
