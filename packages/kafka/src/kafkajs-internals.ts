// kafkajs has no `assign()`: its only way to read records is a consumer group, and its admin
// client offers neither DescribeLogDirs nor an offset commit for an empty group without
// joining it. The Kafka console needs all three, so it reaches into kafkajs' own Cluster,
// Broker and protocol classes (kafkajs 2.2.x, whose package has no "exports" map). This file
// is the only place that does; the shapes below are the parts of those classes Weir uses.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = dirname(require.resolve('kafkajs/package.json'));
const load = (path: string): unknown => require(join(root, 'src', path));

/** A raw message as kafkajs' record-batch decoder yields it. */
export interface InternalMessage {
  offset: string;
  timestamp: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer | Buffer[] | undefined>;
  isControlRecord?: boolean;
  batchContext?: { producerId: string; inTransaction: boolean };
}

export interface InternalFetchPartition {
  partition: number;
  errorCode: number;
  highWatermark: string;
  lastStableOffset: string;
  /** kafkajs' name for the log start offset (the low watermark). */
  lastStartOffset: string;
  abortedTransactions: Array<{ producerId: string; firstOffset: string }>;
  messages: InternalMessage[];
}

export interface InternalFetchResponse {
  errorCode?: number;
  responses: Array<{ topicName: string; partitions: InternalFetchPartition[] }>;
}

/** The `{ request, response }` pair kafkajs builds for one call. */
export interface ProtocolRequest {
  request: { apiKey: number; apiVersion: number; apiName: string; encode(): Promise<InternalEncoder> };
  response: { decode(raw: Buffer): Promise<unknown>; parse(data: unknown): Promise<unknown> };
  requestTimeout?: number;
  logResponseError?: boolean;
}

export interface InternalBroker {
  nodeId: number;
  versions: Record<number, { minVersion: number; maxVersion: number }> | null;
  connectionPool: { send(request: ProtocolRequest): Promise<unknown> };
  lookupRequest(apiKey: number, definition: unknown): (args: Record<string, unknown>) => ProtocolRequest;
  offsetCommit(args: {
    groupId: string;
    groupGenerationId: number;
    memberId: string;
    topics: Array<{ topic: string; partitions: Array<{ partition: number; offset: string }> }>;
  }): Promise<unknown>;
  listOffsets(args: {
    replicaId: number;
    isolationLevel: number;
    topics: Array<{ topic: string; partitions: Array<{ partition: number; timestamp: string }> }>;
  }): Promise<{ responses: Array<{ topic: string; partitions: Array<{ partition: number; offset: string; timestamp?: string }> }> }>;
  disconnect(): Promise<void>;
}

export interface InternalPartitionMetadata {
  partitionId: number;
  leader: number;
  replicas: number[];
  isr: number[];
  offlineReplicas?: number[];
  partitionErrorCode: number;
}

export interface InternalCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  refreshMetadata(): Promise<void>;
  addTargetTopic(topic: string): Promise<void>;
  findTopicPartitionMetadata(topic: string): InternalPartitionMetadata[];
  findBroker(args: { nodeId: number | string }): Promise<InternalBroker>;
  findGroupCoordinator(args: { groupId: string }): Promise<InternalBroker>;
  getNodeIds(): Array<number | string>;
  brokerPool: {
    metadata: {
      brokers: Array<{ nodeId: number; host: string; port: number; rack?: string | null }>;
      controllerId: number | null;
      clusterId?: string;
      topicMetadata?: Array<{ topic: string; isInternal?: boolean; partitionMetadata: InternalPartitionMetadata[] }>;
    } | null;
  };
}

export interface InternalEncoder {
  writeInt8(v: number): InternalEncoder;
  writeInt16(v: number): InternalEncoder;
  writeInt32(v: number): InternalEncoder;
  writeString(v: string | null): InternalEncoder;
  writeUVarInt(v: number): InternalEncoder;
  writeUVarIntString(v: string | null): InternalEncoder;
  writeArray(items: unknown[], type?: string): InternalEncoder;
  writeNullableArray(items: unknown[] | null, type?: string): InternalEncoder;
  writeEncoder(e: InternalEncoder): InternalEncoder;
  buffer: Buffer;
}

export interface InternalDecoder {
  readInt8(): number;
  readInt16(): number;
  readInt32(): number;
  readInt64(): { toString(): string };
  readString(): string;
  readBoolean(): boolean;
  readUVarInt(): number;
  readUVarIntString(): string;
  readArray<T>(reader: (d: InternalDecoder) => T): T[];
  readUVarIntArray<T>(reader: (d: InternalDecoder) => T): T[];
  readBytes(length: number): Buffer;
  canReadBytes(n: number): boolean;
  forward(n: number): void;
  offset: number;
}

export interface ClusterConstructorOptions {
  logger: unknown;
  socketFactory: unknown;
  brokers: string[];
  ssl?: unknown;
  sasl?: unknown;
  clientId: string;
  connectionTimeout: number;
  requestTimeout: number;
  enforceRequestTimeout: boolean;
  retry: unknown;
  metadataMaxAge: number;
  allowAutoTopicCreation: boolean;
  maxInFlightRequests: number | null;
  isolationLevel: number;
}

export const InternalClusterClass = load('cluster') as new (options: ClusterConstructorOptions) => InternalCluster;
export const internalLoggers = load('loggers') as {
  createLogger(options: { level: number; logCreator: unknown }): unknown;
  LEVELS: Record<'NOTHING' | 'ERROR' | 'WARN' | 'INFO' | 'DEBUG', number>;
};
export const internalSocketFactory = load('network/socketFactory') as () => unknown;
export const InternalEncoderClass = load('protocol/encoder') as new () => InternalEncoder;
export const InternalDecoderClass = load('protocol/decoder') as new (buffer: Buffer) => InternalDecoder;
export const internalRequests = (load('protocol/requests') as { requests: Record<string, unknown> }).requests;
export const internalApiKeys = load('protocol/requests/apiKeys') as Record<string, number>;
export const filterAbortedMessages = load('consumer/filterAbortedMessages') as (args: {
  messages: InternalMessage[];
  abortedTransactions: Array<{ producerId: string; firstOffset: string }>;
}) => InternalMessage[];
export const internalErrors = load('protocol/error') as {
  createErrorFromCode(code: number): Error & { type?: string; retriable?: boolean };
  errorCodes: Array<{ type: string; code: number; retriable: boolean; message: string }>;
};
