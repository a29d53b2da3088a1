import type { BoundedPlan, StartFromPlan } from '@weir/compiler';
import type { Admin } from '@weir/kafka';

export interface PartitionRange {
  partition: number;
  /** First offset to read. */
  start: number;
  /** Bounded input: the offset to stop before; null: unbounded. */
  end: number | null;
  low: number;
  high: number;
}

interface Watermarks {
  partition: number;
  low: number;
  high: number;
}

/**
 * Where a source starts in each partition (pipeline-format.md, `startFrom`), and for a
 * bounded source where it stops (end offsets captured now, once):
 * - committed: the group's committed offset, or the earliest where none is committed;
 * - earliest / latest: the log start / end;
 * - timestamp: the first offset whose record timestamp is at or after it (the end if none).
 * Offsets are clamped into the log, so an offset lost to retention starts at the earliest.
 */
export async function resolvePartitionRanges(
  admin: Admin,
  topic: string,
  groupId: string,
  startFrom: StartFromPlan,
  bounded: BoundedPlan | null,
): Promise<PartitionRange[]> {
  const offsets = await admin.fetchTopicOffsets(topic);
  const marks: Watermarks[] = offsets
    .map((o) => ({ partition: o.partition, low: Number(o.low), high: Number(o.high) }))
    .sort((a, b) => a.partition - b.partition);
  const starts = await startOffsets(admin, topic, groupId, startFrom, marks);
  const ends = bounded === null ? null : await endOffsets(admin, topic, bounded, marks);
  return marks.map((m) => {
    const start = clamp(starts.get(m.partition) ?? m.low, m);
    const end = ends === null ? null : Math.max(start, clamp(ends.get(m.partition) ?? m.high, m));
    return { partition: m.partition, start, end, low: m.low, high: m.high };
  });
}

function clamp(offset: number, m: Watermarks): number {
  return Math.min(Math.max(offset, m.low), m.high);
}

async function startOffsets(
  admin: Admin, topic: string, groupId: string, startFrom: StartFromPlan, marks: Watermarks[],
): Promise<Map<number, number>> {
  switch (startFrom.mode) {
    case 'earliest':
      return new Map(marks.map((m) => [m.partition, m.low]));
    case 'latest':
      return new Map(marks.map((m) => [m.partition, m.high]));
    case 'committed': {
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      const out = new Map<number, number>();
      for (const p of committed?.partitions ?? []) {
        const offset = Number(p.offset);
        // -1: nothing committed for this partition.
        if (offset >= 0) out.set(p.partition, offset);
      }
      for (const m of marks) if (!out.has(m.partition)) out.set(m.partition, m.low);
      return out;
    }
    case 'timestamp':
      return byTimestamp(admin, topic, startFrom.timestampMs, marks);
  }
}

async function endOffsets(admin: Admin, topic: string, bounded: BoundedPlan, marks: Watermarks[]): Promise<Map<number, number>> {
  if (bounded.mode === 'latest') return new Map(marks.map((m) => [m.partition, m.high]));
  return byTimestamp(admin, topic, bounded.timestampMs, marks);
}

async function byTimestamp(admin: Admin, topic: string, timestampMs: number, marks: Watermarks[]): Promise<Map<number, number>> {
  const found = await admin.fetchTopicOffsetsByTimestamp(topic, timestampMs);
  const high = new Map(marks.map((m) => [m.partition, m.high]));
  // -1: no record at or after the timestamp, so the position is the log end.
  return new Map(found.map((p) => {
    const offset = Number(p.offset);
    return [p.partition, offset < 0 ? (high.get(p.partition) ?? 0) : offset];
  }));
}
