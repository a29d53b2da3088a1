import { InternalDecoderClass, InternalEncoderClass, type InternalDecoder, type ProtocolRequest } from './kafkajs-internals';
import type { RawCluster } from './raw-cluster';

const DESCRIBE_LOG_DIRS = 35;

export interface LogDirPartition {
  topic: string;
  partition: number;
  /** Bytes on disk for this replica. */
  size: number;
  isFuture: boolean;
}

export interface LogDir {
  path: string;
  /** Kafka error code of the directory (e.g. 57 KAFKA_STORAGE_ERROR), 0 when fine. */
  errorCode: number;
  partitions: LogDirPartition[];
}

export class LogDirsUnsupportedError extends Error {
  override readonly name = 'LogDirsUnsupportedError';
}

/** Decodes a DescribeLogDirs v1 response body (the response header is already read). */
export function decodeDescribeLogDirsV1(raw: Buffer): { errorCode: number; dirs: LogDir[] } {
  const d = new InternalDecoderClass(raw);
  d.readInt32(); // throttle time
  const dirs = d.readArray((r: InternalDecoder) => {
    const errorCode = r.readInt16();
    const path = r.readString();
    const partitions: LogDirPartition[] = [];
    r.readArray((t: InternalDecoder) => {
      const topic = t.readString();
      t.readArray((p: InternalDecoder) => {
        const partition = p.readInt32();
        const size = Number(p.readInt64().toString());
        p.readInt64(); // offset lag (future replicas only)
        const isFuture = p.readBoolean();
        partitions.push({ topic, partition, size, isFuture });
      });
    });
    return { path, errorCode, partitions };
  });
  return { errorCode: 0, dirs };
}

/** The request for every topic's replicas on one broker (topics: null). */
export function describeLogDirsV1Request(): ProtocolRequest {
  return {
    request: {
      apiKey: DESCRIBE_LOG_DIRS,
      apiVersion: 1,
      apiName: 'DescribeLogDirs',
      encode: async () => new InternalEncoderClass().writeInt32(-1),
    },
    response: { decode: async (raw: Buffer) => decodeDescribeLogDirsV1(raw), parse: async (data: unknown) => data },
  };
}

/**
 * Replica sizes as one broker reports them (kafkajs has no DescribeLogDirs). Needs DESCRIBE
 * on the cluster where ACLs are on; a broker that refuses says why in the error.
 */
export async function describeLogDirs(raw: RawCluster, nodeId: number): Promise<LogDir[]> {
  const result = await raw.send<{ dirs: LogDir[] }>(nodeId, (versions) => {
    const v = versions[DESCRIBE_LOG_DIRS];
    if (!v || v.minVersion > 1 || v.maxVersion < 1) {
      throw new LogDirsUnsupportedError(`broker ${nodeId} does not answer DescribeLogDirs v1`);
    }
    return describeLogDirsV1Request();
  });
  return result?.dirs ?? [];
}

/** Sums replica sizes per topic over every broker's directories (future replicas left out). */
export function topicSizes(perBroker: ReadonlyArray<LogDir[]>): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const dirs of perBroker) {
    for (const dir of dirs) {
      if (dir.errorCode !== 0) continue;
      for (const p of dir.partitions) {
        if (p.isFuture) continue;
        sizes.set(p.topic, (sizes.get(p.topic) ?? 0) + p.size);
      }
    }
  }
  return sizes;
}
