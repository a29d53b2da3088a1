import { parseBrokers } from './brokers';
import { createKafka, type CreateKafkaOptions } from './create-kafka';
import { KafkaClientError } from './kafka-client-error';

export interface ClusterDescription {
  brokers: Array<{ nodeId: number; host: string; port: number }>;
  controller: number | null;
  clusterId: string;
}

export interface WaitForBrokerOptions {
  /** Give up after this long; default 30 s. */
  timeoutMs?: number;
  /** Pause between attempts; default 250 ms. */
  intervalMs?: number;
  /** Longest single attempt, so a port that accepts and never answers cannot eat the deadline. */
  attemptTimeoutMs?: number;
  /** Stops waiting early (the promise rejects with the signal's reason). */
  signal?: AbortSignal;
  /** Connection settings other than the brokers (SASL, TLS, client id). */
  client?: Omit<CreateKafkaOptions, 'brokers' | 'retry' | 'logLevel' | 'logSink'>;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} gave no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function describeOnce(brokers: string[], options: WaitForBrokerOptions, attemptMs: number): Promise<ClusterDescription> {
  const kafka = createKafka({
    ...options.client,
    brokers,
    connectionTimeoutMs: Math.min(options.client?.connectionTimeoutMs ?? 2000, attemptMs),
    requestTimeoutMs: attemptMs,
    retry: { retries: 0 },
    // Failures are expected while a broker boots; the final error carries the last one.
    logLevel: 'error',
    logSink: () => {},
  });
  const admin = kafka.admin({ retry: { retries: 0 } });
  try {
    return await withTimeout(
      (async () => {
        await admin.connect();
        return admin.describeCluster();
      })(),
      attemptMs,
      'DescribeCluster',
    );
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

/**
 * Resolves with the cluster's description once a broker in `brokers` answers an admin
 * DescribeCluster; rejects with BROKER_UNREACHABLE (naming the brokers and the last
 * failure) when none does within the timeout.
 */
export async function waitForBroker(
  brokersInput: string[] | string,
  options: WaitForBrokerOptions = {},
): Promise<ClusterDescription> {
  const brokers = parseBrokers(brokersInput);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const intervalMs = options.intervalMs ?? 250;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    options.signal?.throwIfAborted();
    const remaining = deadline - Date.now();
    const attemptMs = Math.max(250, Math.min(options.attemptTimeoutMs ?? 5000, remaining));
    try {
      return await describeOnce(brokers, options, attemptMs);
    } catch (err) {
      lastError = err;
    }
    options.signal?.throwIfAborted();
    if (Date.now() + intervalMs >= deadline) break;
    await sleep(intervalMs, options.signal);
  }
  options.signal?.throwIfAborted();
  const cause = lastError instanceof Error ? lastError.message : String(lastError);
  throw new KafkaClientError(
    'BROKER_UNREACHABLE',
    `No Kafka broker answered at ${brokers.join(',')} within ${timeoutMs} ms (last error: ${cause})`,
    { cause: lastError },
  );
}
