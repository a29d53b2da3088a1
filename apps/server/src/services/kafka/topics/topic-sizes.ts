import { describeLogDirs, topicSizes } from '@weir/kafka/describe-log-dirs';
import type { RawCluster } from '@weir/kafka/raw-cluster';

export interface SizesResult {
  sizes: Map<string, number>;
  available: boolean;
  reason: string | null;
}

// A request per broker: one answer serves every page open for about one sampling interval.
const CACHE_MS = 5_000;
const MIN_REREAD_MS = 1000;

/** Topic sizes from DescribeLogDirs on every broker (kafkajs has no such call; see @weir/kafka). */
export function createTopicSizes(raw: RawCluster, now: () => number = Date.now) {
  let cached: { at: number; result: Promise<SizesResult> } | null = null;

  async function read(): Promise<SizesResult> {
    try {
      const ids = await raw.brokerIds();
      const perBroker = await Promise.all(ids.map((id) => describeLogDirs(raw, id)));
      // An unauthorized DescribeLogDirs answers with no directories at all rather than an error.
      if (perBroker.every((dirs) => dirs.length === 0)) {
        return { sizes: new Map(), available: false, reason: 'The brokers reported no log directories (DescribeLogDirs needs DESCRIBE on the cluster).' };
      }
      return { sizes: topicSizes(perBroker), available: true, reason: null };
    } catch (err) {
      return { sizes: new Map(), available: false, reason: `The brokers did not report sizes: ${err instanceof Error ? err.message : String(err)}` };
    }
  }

  return {
    /** Sizes at most CACHE_MS old; read again sooner when `topic` is missing (made since the last read). */
    async get(topic?: string): Promise<SizesResult> {
      const at = now();
      if (!cached || at - cached.at > CACHE_MS) cached = { at, result: read() };
      const result = await cached.result;
      if (topic !== undefined && result.available && !result.sizes.has(topic) && at - cached.at > MIN_REREAD_MS) {
        cached = { at, result: read() };
        return cached.result;
      }
      return result;
    },
  };
}
export type TopicSizes = ReturnType<typeof createTopicSizes>;
