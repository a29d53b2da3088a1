import type { RawCluster } from '@weir/kafka/raw-cluster';
import { ApiError } from '../../../api-error';

export interface RangeStart {
  from: 'earliest' | 'latest' | 'offset' | 'timestamp';
  partition: number | null;
  offset?: number | undefined;
  timestamp?: string | undefined;
  /** `latest`: messages per partition. */
  last: number;
}

export interface PartitionSpan {
  partition: number;
  start: number;
  /** Exclusive: the high watermark when the range was resolved. */
  end: number;
  low: number;
  high: number;
}

/** The partitions of a topic (one, or all), 404 when the topic or partition does not exist. */
export async function topicPartitions(raw: RawCluster, topic: string, partition: number | null): Promise<number[]> {
  const infos = await raw.partitions(topic);
  if (infos.length === 0) throw new ApiError(404, 'NOT_FOUND', `Topic ${topic} does not exist.`);
  if (partition === null) return infos.map((i) => i.partition);
  if (!infos.some((i) => i.partition === partition)) {
    throw new ApiError(404, 'NOT_FOUND', `Topic ${topic} has no partition ${partition} (it has ${infos.length}).`);
  }
  return [partition];
}

/**
 * Fixes a bounded range: where each partition starts, and its end — the high watermark now,
 * so messages arriving later are outside it.
 */
export async function resolveRange(raw: RawCluster, topic: string, range: RangeStart): Promise<{ spans: PartitionSpan[]; total: number }> {
  const partitions = await topicPartitions(raw, topic, range.partition);
  const [lows, highs] = await Promise.all([raw.listOffsets(topic, partitions, 'earliest'), raw.listOffsets(topic, partitions, 'latest')]);
  let byTime: Map<number, number> | null = null;
  if (range.from === 'timestamp') {
    if (range.timestamp === undefined) throw new ApiError(400, 'BAD_REQUEST', 'timestamp: give the time to start from');
    byTime = await raw.listOffsets(topic, partitions, Date.parse(range.timestamp));
  }
  if (range.from === 'offset' && range.offset === undefined) throw new ApiError(400, 'BAD_REQUEST', 'offset: give the offset to start from');
  const spans = partitions.map((partition) => {
    const low = lows.get(partition) ?? 0;
    const high = Math.max(low, highs.get(partition) ?? low);
    let start: number;
    switch (range.from) {
      case 'earliest':
        start = low;
        break;
      case 'latest':
        start = Math.max(low, high - range.last);
        break;
      case 'offset':
        start = Math.min(Math.max(range.offset!, low), high);
        break;
      case 'timestamp': {
        const at = byTime!.get(partition) ?? -1;
        start = at < 0 ? high : Math.min(Math.max(at, low), high);
        break;
      }
    }
    return { partition, start, end: high, low, high };
  });
  return { spans, total: spans.reduce((n, s) => n + (s.end - s.start), 0) };
}
