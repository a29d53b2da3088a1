import { describe, expect, it } from 'vitest';
import { Partitioners } from '@weir/kafka';
import { createCachingPartitioner } from './key-partitioner';

function metadata(n: number) {
  return Array.from({ length: n }, (_, partitionId) => ({ partitionId, leader: 1, replicas: [1], isr: [1], partitionErrorCode: 0 }));
}

describe('createCachingPartitioner', () => {
  it("puts every key where kafkajs' default partitioner does, for each partition count", () => {
    const cached = createCachingPartitioner();
    const reference = Partitioners.DefaultPartitioner();
    for (const partitions of [3, 1, 7, 3]) {
      const partitionMetadata = metadata(partitions);
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < 2000; i++) {
          const message = { key: `key-${i % 700}`, value: 'v' };
          expect(cached({ topic: 't', partitionMetadata, message })).toBe(reference({ topic: 't', partitionMetadata, message }));
        }
      }
    }
  });

  it('keeps partitions per topic and honours an explicit partition', () => {
    const cached = createCachingPartitioner();
    const reference = Partitioners.DefaultPartitioner();
    const message = { key: 'same', value: 'v' };
    const a = cached({ topic: 'a', partitionMetadata: metadata(2), message });
    const b = cached({ topic: 'b', partitionMetadata: metadata(5), message });
    expect(a).toBe(reference({ topic: 'a', partitionMetadata: metadata(2), message }));
    expect(b).toBe(reference({ topic: 'b', partitionMetadata: metadata(5), message }));
    expect(cached({ topic: 'a', partitionMetadata: metadata(2), message: { key: 'same', value: 'v', partition: 1 } })).toBe(1);
  });
});
