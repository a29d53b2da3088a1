// kafkajs' Java-compatible default partitioner, remembering each key's partition. Datagen
// keys repeat a lot (hot auctions, active users, six services), and kafkajs otherwise hashes
// every message with 64-bit arithmetic emulated on JavaScript numbers.
import { Partitioners } from '@weir/kafka';

type PartitionerArgs = Parameters<ReturnType<typeof Partitioners.DefaultPartitioner>>[0];

/** Keys remembered per topic before the memory is cleared. */
const MAX_KEYS = 50_000;

export function createCachingPartitioner(): (args: PartitionerArgs) => number {
  const inner = Partitioners.DefaultPartitioner();
  const topics = new Map<string, { partitions: number; byKey: Map<string, number> }>();
  return (args) => {
    const { topic, partitionMetadata, message } = args;
    if (typeof message.key !== 'string' || (message.partition !== undefined && message.partition !== null)) {
      return inner(args);
    }
    let memo = topics.get(topic);
    // A key's partition depends only on the partition count, so a new count starts afresh.
    if (!memo || memo.partitions !== partitionMetadata.length) {
      memo = { partitions: partitionMetadata.length, byKey: new Map() };
      topics.set(topic, memo);
    }
    let partition = memo.byKey.get(message.key);
    if (partition === undefined) {
      partition = inner(args);
      if (memo.byKey.size >= MAX_KEYS) memo.byKey.clear();
      memo.byKey.set(message.key, partition);
    }
    return partition;
  };
}
