import { readPartitions } from '@weir/kafka/read-partitions';
import type { RawCluster, RawRecord } from '@weir/kafka/raw-cluster';
import type { BrowseResponse } from '@weir/protocol';
import { ApiError } from '../../../api-error';
import { topicPartitions } from '../search/resolve-range';
import { decodeCursor, encodeCursor } from './cursor';
import { renderRecord } from './render';

export interface BrowseOptions {
  from: 'earliest' | 'latest' | 'offset' | 'timestamp' | 'cursor';
  partition?: number | undefined;
  offset?: number | undefined;
  timestamp?: string | undefined;
  cursor?: string | undefined;
  direction?: 'forward' | 'backward' | undefined;
  limit: number;
}

interface Window {
  partition: number;
  low: number;
  high: number;
  start: number;
  end: number;
}

interface Taken {
  partition: number;
  record: RawRecord;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);

/**
 * One page of messages. Each chosen partition is read over a window of at most `limit`
 * messages; the pages of all partitions are merged by timestamp and cut to `limit`. The
 * cursors continue after (forward) or before (backward) what this page showed.
 */
export async function browseMessages(raw: RawCluster, topic: string, o: BrowseOptions): Promise<BrowseResponse> {
  const partitions = await topicPartitions(raw, topic, o.partition ?? null);
  const [lows, highs] = await Promise.all([raw.listOffsets(topic, partitions, 'earliest'), raw.listOffsets(topic, partitions, 'latest')]);
  const direction = o.from === 'latest' ? 'backward' : o.from === 'cursor' ? (o.direction ?? 'forward') : 'forward';
  let at: Map<number, number> | null = null;
  if (o.from === 'timestamp') {
    if (!o.timestamp) throw new ApiError(400, 'BAD_REQUEST', 'timestamp: give the time to start from');
    at = await raw.listOffsets(topic, partitions, Date.parse(o.timestamp));
  }
  if (o.from === 'offset' && o.offset === undefined) throw new ApiError(400, 'BAD_REQUEST', 'offset: give the offset to start from');
  if (o.from === 'cursor' && !o.cursor) throw new ApiError(400, 'BAD_REQUEST', 'cursor: give the cursor of a previous page');
  const cursor = o.cursor ? decodeCursor(o.cursor) : null;

  const windows: Window[] = partitions.map((partition) => {
    const low = lows.get(partition) ?? 0;
    const high = Math.max(low, highs.get(partition) ?? low);
    let start: number;
    let end: number;
    if (direction === 'backward') {
      end = o.from === 'cursor' ? clamp(cursor!.get(partition) ?? high, low, high) : high;
      start = Math.max(low, end - o.limit);
    } else {
      if (o.from === 'offset') start = clamp(o.offset!, low, high);
      else if (o.from === 'timestamp') {
        const found = at!.get(partition) ?? -1;
        start = found < 0 ? high : clamp(found, low, high);
      } else if (o.from === 'cursor') start = clamp(cursor!.get(partition) ?? low, low, high);
      else start = low;
      end = Math.min(high, start + o.limit);
    }
    return { partition, low, high, start, end };
  });

  const read: Taken[] = [];
  await readPartitions(raw, {
    topic,
    ranges: windows.map((w) => ({ partition: w.partition, start: w.start, end: w.end })),
    maxWaitMs: 100,
    onBatch(batch) {
      for (const record of batch.records) read.push({ partition: batch.partition, record });
    },
  });
  const order = (a: Taken, b: Taken) => a.record.timestamp - b.record.timestamp || a.partition - b.partition || a.record.offset - b.record.offset;
  read.sort(direction === 'forward' ? order : (a, b) => order(b, a));
  const page = read.slice(0, o.limit);

  const first = new Map<number, number>();
  const last = new Map<number, number>();
  for (const t of page) {
    first.set(t.partition, Math.min(first.get(t.partition) ?? Infinity, t.record.offset));
    last.set(t.partition, Math.max(last.get(t.partition) ?? -1, t.record.offset));
  }
  const forward = new Map<number, number>();
  const backward = new Map<number, number>();
  for (const w of windows) {
    // A partition none of whose messages made the page keeps its place on the side not yet shown.
    const untouched = direction === 'forward' ? w.start : w.end;
    forward.set(w.partition, last.has(w.partition) ? last.get(w.partition)! + 1 : untouched);
    backward.set(w.partition, first.get(w.partition) ?? untouched);
  }
  const moreAfter = windows.some((w) => forward.get(w.partition)! < w.high);
  const moreBefore = windows.some((w) => backward.get(w.partition)! > w.low);
  return {
    messages: page.map((t) => renderRecord(t.partition, t.record)),
    direction,
    next: { forward: moreAfter ? encodeCursor(forward) : null, backward: moreBefore ? encodeCursor(backward) : null },
    partitions: windows.map((w) => ({ partition: w.partition, low: w.low, high: w.high })),
  };
}
