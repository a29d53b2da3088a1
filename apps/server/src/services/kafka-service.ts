import type { FastifyBaseLogger } from 'fastify';
import fp from 'fastify-plugin';
import { createKafka, type Admin } from '@weir/kafka';
import type { ClusterOverview } from '@weir/protocol';
import { ApiError } from '../api-error';

/** Kafka as the server's routes see it; the only place the server talks to the cluster admin API. */
export interface KafkaService {
  /** True when the cluster answers within a short deadline; never throws. */
  reachable(): Promise<boolean>;
  /** Throws ApiError KAFKA_UNAVAILABLE (503) when the cluster cannot be asked. */
  overview(options: { includeInternal: boolean }): Promise<ClusterOverview>;
  close(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    kafka: KafkaService;
  }
}

// A console page waits on these: fail fast rather than ride kafkajs' default retries.
const CALL_TIMEOUT_MS = 5000;
// Health is polled by every open browser; one probe serves all callers for this long.
const REACHABLE_CACHE_MS = 2000;

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

function isInternalTopic(name: string): boolean {
  return name.startsWith('__');
}

export function createKafkaService(brokers: string | undefined, log: FastifyBaseLogger): KafkaService {
  const kafka = brokers
    ? createKafka({
        brokers,
        clientId: 'weir-server',
        connectionTimeoutMs: 2000,
        requestTimeoutMs: CALL_TIMEOUT_MS,
        retry: { retries: 1, initialRetryTime: 200 },
        logSink: (r) => log[r.level === 'error' ? 'error' : 'warn']({ kafka: r.extra, namespace: r.namespace }, r.message),
      })
    : undefined;
  let admin: Promise<Admin> | undefined;
  let probe: { at: number; result: Promise<boolean> } | undefined;
  let closed = false;

  function connected(): Promise<Admin> {
    if (!kafka) return Promise.reject(new Error('no brokers configured (KAFKA_BROKERS is not set)'));
    if (closed) return Promise.reject(new Error('the server is shutting down'));
    admin ??= (async () => {
      const a = kafka.admin({ retry: { retries: 1, initialRetryTime: 200 } });
      await a.connect();
      return a;
    })();
    return admin;
  }

  // A failed call may leave the client half-connected; the next call starts afresh.
  async function reset(): Promise<void> {
    const current = admin;
    admin = undefined;
    if (current) await current.then((a) => a.disconnect()).catch(() => {});
  }

  async function call<T>(what: string, fn: (a: Admin) => Promise<T>): Promise<T> {
    try {
      return await withDeadline(connected().then(fn), CALL_TIMEOUT_MS);
    } catch (err) {
      await reset();
      const reason = err instanceof Error ? err.message : String(err);
      throw new ApiError(503, 'KAFKA_UNAVAILABLE', `Kafka is unavailable (${what}): ${reason}`);
    }
  }

  return {
    reachable() {
      const now = Date.now();
      if (!probe || now - probe.at > REACHABLE_CACHE_MS) {
        probe = {
          at: now,
          result: call('describe cluster', (a) => a.describeCluster()).then(
            () => true,
            () => false,
          ),
        };
      }
      return probe.result;
    },

    async overview({ includeInternal }) {
      const [cluster, metadata] = await call('describe cluster', (a) =>
        Promise.all([a.describeCluster(), a.fetchTopicMetadata()]),
      );
      const all = metadata.topics
        .map((t) => ({ name: t.name, partitions: t.partitions.length, internal: isInternalTopic(t.name) }))
        .sort((x, y) => x.name.localeCompare(y.name));
      return {
        clusterId: cluster.clusterId || null,
        controller: cluster.controller ?? null,
        brokers: [...cluster.brokers]
          .sort((x, y) => x.nodeId - y.nodeId)
          .map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port })),
        topicCount: all.length,
        topics: includeInternal ? all : all.filter((t) => !t.internal),
      };
    },

    async close() {
      closed = true;
      await reset();
    },
  };
}

export default fp(
  async (app) => {
    const service = createKafkaService(app.config.kafkaBrokers, app.log);
    app.decorate('kafka', service);
    app.addHook('onClose', () => service.close());
  },
  { name: 'weir-kafka-service', dependencies: ['weir-config'] },
);
