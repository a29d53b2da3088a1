import { parseBrokers } from './brokers';
import { decodeFetchV11, type DecodedPartition } from './fetch-decoder';
import { KafkaClientError } from './kafka-client-error';
import type { CreateKafkaOptions } from './create-kafka';
import {
  filterAbortedMessages, internalApiKeys, internalErrors, internalLoggers, internalRequests, internalSocketFactory,
  InternalClusterClass, type InternalBroker, type InternalCluster, type InternalFetchResponse, type InternalMessage,
  type ProtocolRequest,
} from './kafkajs-internals';
import { createQuietLogCreator, toKafkajsLogLevel } from './quiet-logger';

/** One record as the console reads it, control records and aborted transactions removed. */
export interface RawRecord {
  offset: number;
  /** Epoch ms (CreateTime or LogAppendTime, as the topic says). */
  timestamp: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer | Buffer[] | undefined>;
}

export interface FetchedPartition {
  partition: number;
  /** Kafka's error code for this partition, 0 when none. */
  errorCode: number;
  /** Kafka's error name (e.g. OFFSET_OUT_OF_RANGE), null when none. */
  error: string | null;
  highWatermark: number;
  lastStableOffset: number;
  logStartOffset: number;
  records: RawRecord[];
  /** The offset to fetch next: past every record returned, filtered ones included. */
  nextOffset: number;
}

export interface PartitionInfo {
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
}

export interface FetchOptions {
  maxWaitMs?: number;
  /** Bytes the broker may return in all; default 10 MiB. */
  maxBytes?: number;
  /** Bytes per partition; default 1 MiB. */
  maxBytesPerPartition?: number;
}

/**
 * A group-less view of a cluster for the console: partition leaders, Fetch from any offset
 * without joining a consumer group (what Java clients do with `assign`), an offset commit
 * for an empty group, and a way to send requests kafkajs has no method for.
 */
export interface RawCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  /** A topic's partitions, from metadata refreshed first when `refresh`. */
  partitions(topic: string, options?: { refresh?: boolean }): Promise<PartitionInfo[]>;
  /** One Fetch to the broker `nodeId` (read_committed); partition errors come back per partition. */
  fetch(nodeId: number, topic: string, positions: ReadonlyArray<{ partition: number; offset: number }>, options?: FetchOptions): Promise<FetchedPartition[]>;
  /**
   * Commits offsets for a group with no members, as Kafka's admin client does (generation -1):
   * the coordinator refuses it (UNKNOWN_MEMBER_ID or ILLEGAL_GENERATION) while the group has members.
   */
  commitGroupOffsets(groupId: string, topic: string, offsets: ReadonlyArray<{ partition: number; offset: number }>): Promise<void>;
  /**
   * ListOffsets for partitions of a topic: `earliest` (log start), `latest` (high watermark)
   * or the first offset whose timestamp is at least the epoch ms given (-1 where there is none).
   */
  listOffsets(topic: string, partitions: readonly number[], at: 'earliest' | 'latest' | number): Promise<Map<number, number>>;
  /**
   * Low and high watermarks of every partition of many topics (absent: every topic), from
   * fresh metadata and two ListOffsets per leader. Unknown topics are left out.
   */
  watermarks(topics?: readonly string[]): Promise<Map<string, Array<{ partition: number; low: number; high: number }>>>;
  /** The live brokers of the cluster metadata, by node id. */
  brokerIds(): Promise<number[]>;
  /**
   * Sends a request kafkajs does not implement to one broker; `build` picks the version from
   * the broker's ApiVersions, or answers null (nothing sent, null returned) when none fits.
   */
  send<T>(nodeId: number, build: (versions: Record<number, { minVersion: number; maxVersion: number }>) => ProtocolRequest | null): Promise<T | null>;
}

const READ_COMMITTED = 1;
const READ_UNCOMMITTED = 0;
const METADATA_MAX_AGE_MS = 30_000;
const MOVED = new Set(['NOT_LEADER_FOR_PARTITION', 'NOT_LEADER_OR_FOLLOWER', 'LEADER_NOT_AVAILABLE', 'UNKNOWN_TOPIC_OR_PARTITION', 'REPLICA_NOT_AVAILABLE']);
/** A group coordinator that is loading its partition (a broker just started) or has moved. */
const COORDINATOR_MOVED = new Set(['COORDINATOR_LOAD_IN_PROGRESS', 'COORDINATOR_NOT_AVAILABLE', 'NOT_COORDINATOR', 'NOT_COORDINATOR_FOR_GROUP', 'GROUP_COORDINATOR_NOT_AVAILABLE', 'GROUP_LOAD_IN_PROGRESS']);

function errorName(code: number): string | null {
  if (code === 0) return null;
  return internalErrors.errorCodes.find((e) => e.code === code)?.type ?? `KAFKA_ERROR_${code}`;
}

function toRecords(messages: InternalMessage[], aborted: Array<{ producerId: string; firstOffset: string }>, from: number): RawRecord[] {
  const visible = aborted.length > 0 ? filterAbortedMessages({ messages, abortedTransactions: aborted }) : messages;
  const out: RawRecord[] = [];
  for (let i = 0; i < visible.length; i++) {
    const m = visible[i]!;
    if (m.isControlRecord) continue;
    const offset = Number(m.offset);
    // A fetch answers whole record batches, which may begin before the offset asked for.
    if (offset < from) continue;
    out.push({ offset, timestamp: Number(m.timestamp), key: m.key, value: m.value, headers: m.headers });
  }
  return out;
}

export function createRawCluster(options: CreateKafkaOptions): RawCluster {
  const level = options.logLevel ?? 'warn';
  const logger = internalLoggers.createLogger({
    level: toKafkajsLogLevel(level),
    logCreator: createQuietLogCreator({ level, ...(options.logSink ? { sink: options.logSink } : {}) }),
  });
  const cluster: InternalCluster = new InternalClusterClass({
    logger,
    socketFactory: internalSocketFactory(),
    brokers: parseBrokers(options.brokers),
    ...(options.ssl !== undefined ? { ssl: options.ssl } : {}),
    ...(options.sasl ? { sasl: options.sasl } : {}),
    clientId: options.clientId ?? 'weir-console',
    connectionTimeout: options.connectionTimeoutMs ?? 3000,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    enforceRequestTimeout: true,
    retry: options.retry ?? { retries: 2, initialRetryTime: 100 },
    metadataMaxAge: 60_000,
    allowAutoTopicCreation: false,
    maxInFlightRequests: null,
    isolationLevel: READ_COMMITTED,
  });
  let connected: Promise<void> | null = null;

  function ensureConnected(): Promise<void> {
    connected ??= cluster.connect().catch((err: unknown) => {
      connected = null;
      throw err;
    });
    return connected;
  }

  async function broker(nodeId: number): Promise<InternalBroker> {
    await ensureConnected();
    // Connecting reaches the seed broker only; node ids come with the first metadata.
    if (!cluster.brokerPool.metadata) await refresh();
    try {
      return await cluster.findBroker({ nodeId });
    } catch (err) {
      if ((err as Error).name !== 'KafkaJSBrokerNotFound') throw err;
      await refresh();
      return cluster.findBroker({ nodeId });
    }
  }

  async function sendTo<T>(b: InternalBroker, request: ProtocolRequest): Promise<T> {
    try {
      return (await b.connectionPool.send(request)) as T;
    } catch (err) {
      // As kafkajs' Broker does: a closed connection is dropped so the next call reconnects.
      if ((err as Error).name === 'KafkaJSConnectionClosedError') await b.disconnect().catch(() => {});
      throw err;
    }
  }

  // The target-topic set stays empty, so every metadata refresh asks for all topics: a topic
  // deleted meanwhile then simply disappears, where a named request would fail for good.
  let refreshedAt = 0;
  async function refresh(): Promise<void> {
    await ensureConnected();
    await cluster.refreshMetadata();
    refreshedAt = Date.now();
  }

  function knows(topic: string): boolean {
    return cluster.brokerPool.metadata?.topicMetadata?.some((t) => t.topic === topic) ?? false;
  }

  async function partitions(topic: string, opts: { refresh?: boolean } = {}): Promise<PartitionInfo[]> {
    await ensureConnected();
    const age = Date.now() - refreshedAt;
    // A topic not in the metadata may have been created a moment ago: ask again before saying it is not there.
    if (opts.refresh || age > METADATA_MAX_AGE_MS || !knows(topic)) await refresh();
    return cluster.findTopicPartitionMetadata(topic)
      .map((p) => ({ partition: p.partitionId, leader: p.leader, replicas: p.replicas, isr: p.isr, offlineReplicas: p.offlineReplicas ?? [] }))
      .sort((a, b) => a.partition - b.partition);
  }

  /**
   * Retries a call that a broker refused because leadership is moving (a topic just created,
   * a broker restarting), with fresh metadata each time; a few seconds at most.
   */
  async function retryMoved<T>(fn: () => Promise<T>, retriable: ReadonlySet<string> = MOVED): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (err) {
        const type = (err as { type?: string }).type;
        if (attempt >= 12 || !type || !retriable.has(type)) throw err;
        await new Promise((resolve) => setTimeout(resolve, Math.min(50 * 2 ** attempt, 500)));
        await refresh();
      }
    }
  }

  /** ListOffsets for many partitions at once, one request per leader; retried with fresh leaders when they move. */
  async function listMany(topics: ReadonlyArray<{ topic: string; partitions: readonly number[] }>, timestamp: number): Promise<Map<string, Map<number, number>>> {
    return retryMoved(async () => {
      const byLeader = new Map<number, Map<string, number[]>>();
      for (const t of topics) {
        const meta = cluster.findTopicPartitionMetadata(t.topic);
        for (const p of t.partitions) {
          const leader = meta.find((m) => m.partitionId === p)?.leader ?? -1;
          const perTopic = byLeader.get(leader) ?? new Map<string, number[]>();
          perTopic.set(t.topic, [...(perTopic.get(t.topic) ?? []), p]);
          byLeader.set(leader, perTopic);
        }
      }
      if (byLeader.has(-1)) throw Object.assign(new Error('a partition has no leader'), { type: 'LEADER_NOT_AVAILABLE' });
      const out = new Map<string, Map<number, number>>();
      await Promise.all([...byLeader].map(async ([leader, perTopic]) => {
        const b = await broker(leader);
        const result = await b.listOffsets({
          replicaId: -1,
          isolationLevel: READ_UNCOMMITTED,
          topics: [...perTopic].map(([topic, parts]) => ({ topic, partitions: parts.map((partition) => ({ partition, timestamp: String(timestamp) })) })),
        });
        for (const r of result.responses) {
          const m = out.get(r.topic) ?? new Map<number, number>();
          for (const p of r.partitions) m.set(p.partition, Number(p.offset));
          out.set(r.topic, m);
        }
      }));
      return out;
    });
  }


  return {
    connect: ensureConnected,

    async disconnect() {
      connected = null;
      await cluster.disconnect();
    },

    partitions,

    async fetch(nodeId, topic, positions, opts = {}) {
      const b = await broker(nodeId);
      const build = b.lookupRequest(internalApiKeys.Fetch!, internalRequests.Fetch);
      const protocol = build({
        replicaId: -1,
        isolationLevel: READ_COMMITTED,
        maxWaitTime: opts.maxWaitMs ?? 100,
        minBytes: 1,
        maxBytes: opts.maxBytes ?? 10 * 1024 * 1024,
        topics: [{ topic, partitions: positions.map((p) => ({ partition: p.partition, fetchOffset: String(p.offset), maxBytes: opts.maxBytesPerPartition ?? 1024 * 1024 })) }],
        rackId: '',
      });
      const from = new Map(positions.map((p) => [p.partition, p.offset]));
      const out: FetchedPartition[] = [];
      if (protocol.request.apiVersion === 11) {
        // Weir's own decoder (fetch-decoder.ts); errors come back per partition.
        const decoded = await sendTo<DecodedPartition[]>(b, { ...protocol, response: { decode: async (raw: Buffer) => decodeFetchV11(raw, topic), parse: async (d) => d } });
        for (const p of decoded) {
          const start = from.get(p.partition) ?? 0;
          let records = p.records;
          // A fetch answers whole record batches, which may begin before the offset asked for.
          if (records.length > 0 && records[0]!.offset < start) records = records.filter((r) => r.offset >= start);
          out.push({
            partition: p.partition,
            errorCode: p.errorCode,
            error: errorName(p.errorCode),
            highWatermark: p.highWatermark,
            lastStableOffset: p.lastStableOffset,
            logStartOffset: p.logStartOffset,
            records: p.errorCode === 0 ? records : [],
            nextOffset: Math.max(start, p.lastOffset + 1),
          });
        }
        return out;
      }
      // Older brokers: kafkajs' decoder, whose parse would throw on the first partition error.
      const response = await sendTo<InternalFetchResponse>(b, { ...protocol, response: { decode: protocol.response.decode, parse: async (d) => d } });
      for (const t of response.responses) {
        if (t.topicName !== topic) continue;
        for (const p of t.partitions) {
          const start = from.get(p.partition) ?? 0;
          const last = p.messages.length > 0 ? Number(p.messages[p.messages.length - 1]!.offset) : -1;
          out.push({
            partition: p.partition,
            errorCode: p.errorCode,
            error: errorName(p.errorCode),
            highWatermark: Number(p.highWatermark),
            lastStableOffset: Number(p.lastStableOffset),
            logStartOffset: Number(p.lastStartOffset),
            records: p.errorCode === 0 ? toRecords(p.messages, p.abortedTransactions ?? [], start) : [],
            nextOffset: Math.max(start, last + 1),
          });
        }
      }
      return out;
    },

    async commitGroupOffsets(groupId, topic, offsets) {
      await ensureConnected();
      await retryMoved(async () => {
        const coordinator = await cluster.findGroupCoordinator({ groupId });
        await coordinator.offsetCommit({
          groupId,
          groupGenerationId: -1,
          memberId: '',
          topics: [{ topic, partitions: offsets.map((o) => ({ partition: o.partition, offset: String(o.offset) })) }],
        });
      }, COORDINATOR_MOVED);
    },

    async listOffsets(topic, wanted, at) {
      const timestamp = at === 'earliest' ? -2 : at === 'latest' ? -1 : at;
      const infos = await partitions(topic);
      const chosen = wanted.map((p) => {
        const info = infos.find((i) => i.partition === p);
        if (!info) throw new KafkaClientError('BAD_TOPIC', `Topic ${topic} has no partition ${p}`);
        return info;
      });
      return (await listMany([{ topic, partitions: chosen.map((c) => c.partition) }], timestamp)).get(topic) ?? new Map();
    },

    async watermarks(topics) {
      await refresh();
      const names = topics ?? (cluster.brokerPool.metadata?.topicMetadata ?? []).map((t) => t.topic);
      const known = names
        .map((topic) => ({ topic, partitions: cluster.findTopicPartitionMetadata(topic).map((p) => p.partitionId).sort((a, b) => a - b) }))
        .filter((t) => t.partitions.length > 0);
      const [low, high] = await Promise.all([listMany(known, -2), listMany(known, -1)]);
      const out = new Map<string, Array<{ partition: number; low: number; high: number }>>();
      for (const t of known) {
        out.set(t.topic, t.partitions.map((partition) => ({
          partition,
          low: low.get(t.topic)?.get(partition) ?? 0,
          high: high.get(t.topic)?.get(partition) ?? 0,
        })));
      }
      return out;
    },

    async brokerIds() {
      await ensureConnected();
      await cluster.refreshMetadata();
      return (cluster.brokerPool.metadata?.brokers ?? []).map((b) => b.nodeId).sort((a, b) => a - b);
    },

    async send<T>(nodeId: number, build: (versions: Record<number, { minVersion: number; maxVersion: number }>) => ProtocolRequest | null) {
      const b = await broker(nodeId);
      const request = build(b.versions ?? {});
      return request === null ? null : sendTo<T>(b, request);
    },
  };
}
