import { readPartitions } from '@weir/kafka/read-partitions';
import type { RawCluster } from '@weir/kafka/raw-cluster';
import type { PartitionSpan } from './resolve-range';

/** Up to `count` message values from the start of the spans, spread over the partitions. */
export async function sampleValues(raw: RawCluster, topic: string, spans: readonly PartitionSpan[], count: number): Promise<Array<Buffer | null>> {
  const live = spans.filter((s) => s.end > s.start);
  if (live.length === 0 || count <= 0) return [];
  const each = Math.ceil(count / live.length);
  const values: Array<Buffer | null> = [];
  await readPartitions(raw, {
    topic,
    ranges: live.map((s) => ({ partition: s.partition, start: s.start, end: Math.min(s.end, s.start + each) })),
    maxWaitMs: 100,
    maxBytesPerPartition: 256 * 1024,
    onBatch(batch) {
      for (const r of batch.records) values.push(r.value);
    },
  });
  return values.slice(0, count);
}
