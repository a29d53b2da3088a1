import type { ConnectionOptions } from 'node:tls';
import { parseBrokers } from './brokers';
import type { RetryOptions, SASLOptions } from './kafkajs';
import { Kafka } from './kafkajs';
import { createQuietLogCreator, toKafkajsLogLevel, type KafkaLogLevel, type KafkaLogSink } from './quiet-logger';

export interface CreateKafkaOptions {
  /** `host:port` list, or one comma-separated string such as `KAFKA_BROKERS`. */
  brokers: string[] | string;
  clientId?: string;
  sasl?: SASLOptions;
  ssl?: boolean | ConnectionOptions;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  retry?: RetryOptions;
  /** Lowest kafkajs log level passed to `logSink`; default `warn`. */
  logLevel?: KafkaLogLevel;
  /** Receives kafkajs' log records; default: one line each on stderr. */
  logSink?: KafkaLogSink;
}

/** kafkajs' `Kafka` for Weir: validated brokers, quiet logs, Weir's client id. */
export function createKafka(options: CreateKafkaOptions): Kafka {
  const level = options.logLevel ?? 'warn';
  return new Kafka({
    brokers: parseBrokers(options.brokers),
    clientId: options.clientId ?? 'weir',
    ...(options.sasl ? { sasl: options.sasl } : {}),
    ...(options.ssl !== undefined ? { ssl: options.ssl } : {}),
    connectionTimeout: options.connectionTimeoutMs ?? 3000,
    ...(options.requestTimeoutMs !== undefined ? { requestTimeout: options.requestTimeoutMs } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    logLevel: toKafkajsLogLevel(level),
    logCreator: createQuietLogCreator({ level, ...(options.logSink ? { sink: options.logSink } : {}) }),
  });
}
