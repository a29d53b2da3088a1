import type { FastifyBaseLogger } from 'fastify';
import { createKafka, type Admin, type Kafka, type Producer } from '@weir/kafka';
import { createRawCluster, type RawCluster } from '@weir/kafka/raw-cluster';
import type { ClusterSettings } from './connections-service';
import { toApiError } from './kafka-errors';

/** The clients of one connection, made on first use and shared by every request. */
export interface ClusterClients {
  readonly name: string;
  readonly kafka: Kafka;
  /** Group-less reads, log dirs, features, empty-group commits. */
  readonly raw: RawCluster;
  admin(): Promise<Admin>;
  producer(): Promise<Producer>;
  /**
   * Runs `fn` with the admin client within a deadline; failures become ApiErrors naming
   * `what` (KAFKA_UNAVAILABLE for an unreachable cluster, Kafka's own refusals otherwise).
   */
  call<T>(what: string, fn: (admin: Admin) => Promise<T>, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

// A console page waits on these: fail fast rather than ride kafkajs' default retries.
const CALL_TIMEOUT_MS = 8000;

export function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms (${what})`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

function clientOptions(settings: ClusterSettings, log: FastifyBaseLogger, clientId: string) {
  return {
    brokers: settings.brokers,
    clientId,
    connectionTimeoutMs: 3000,
    requestTimeoutMs: CALL_TIMEOUT_MS,
    retry: { retries: 1, initialRetryTime: 200 },
    ...(settings.sasl ? { sasl: settings.sasl } : {}),
    ...(settings.tls ? { ssl: settings.tls.ca ? { ca: [settings.tls.ca] } : true } : {}),
    logSink: (r: { level: string; extra: unknown; namespace: string; message: string }) =>
      log[r.level === 'error' ? 'error' : 'warn']({ kafka: r.extra, namespace: r.namespace, cluster: settings.name }, r.message),
  };
}

export function createClusterClients(settings: ClusterSettings, log: FastifyBaseLogger): ClusterClients {
  const options = clientOptions(settings, log, 'weir-console');
  const kafka = createKafka(options);
  const raw = createRawCluster({ ...options, retry: { retries: 2, initialRetryTime: 100 } });
  let admin: Promise<Admin> | null = null;
  let producer: Promise<Producer> | null = null;
  let closed = false;

  function connectedAdmin(): Promise<Admin> {
    if (closed) return Promise.reject(new Error('the connection was closed'));
    admin ??= (async () => {
      const a = kafka.admin({ retry: { retries: 1, initialRetryTime: 200 } });
      await a.connect();
      return a;
    })();
    return admin;
  }

  // A failed call may leave the client half-connected; the next call starts afresh.
  async function resetAdmin(): Promise<void> {
    const current = admin;
    admin = null;
    if (current) await current.then((a) => a.disconnect()).catch(() => {});
  }

  return {
    name: settings.name,
    kafka,
    raw,
    admin: connectedAdmin,
    producer() {
      if (closed) return Promise.reject(new Error('the connection was closed'));
      producer ??= (async () => {
        const p = kafka.producer({ allowAutoTopicCreation: false, idempotent: false });
        await p.connect();
        return p;
      })().catch((err: unknown) => {
        producer = null;
        throw err;
      });
      return producer;
    },
    async call(what, fn, timeoutMs = CALL_TIMEOUT_MS) {
      try {
        return await withDeadline(connectedAdmin().then(fn), timeoutMs, what);
      } catch (err) {
        const mapped = toApiError(err, what, settings.name);
        if (mapped.code === 'KAFKA_UNAVAILABLE') await resetAdmin();
        throw mapped;
      }
    },
    async close() {
      closed = true;
      await resetAdmin();
      const p = producer;
      producer = null;
      if (p) await p.then((x) => x.disconnect()).catch(() => {});
      await raw.disconnect().catch(() => {});
    },
  };
}

/** One set of clients per connection name; a changed connection's clients are closed and made anew. */
export function createClusterPool(settingsOf: (name: string) => Promise<ClusterSettings>, log: FastifyBaseLogger) {
  const pool = new Map<string, Promise<ClusterClients>>();
  return {
    get(name: string): Promise<ClusterClients> {
      let entry = pool.get(name);
      if (!entry) {
        entry = settingsOf(name).then((s) => createClusterClients(s, log));
        entry.catch(() => pool.delete(name));
        pool.set(name, entry);
      }
      return entry;
    },
    invalidate(name: string): void {
      const entry = pool.get(name);
      pool.delete(name);
      void entry?.then((c) => c.close()).catch(() => {});
    },
    async closeAll(): Promise<void> {
      const all = [...pool.values()];
      pool.clear();
      await Promise.all(all.map((e) => e.then((c) => c.close()).catch(() => {})));
    },
  };
}
export type ClusterPool = ReturnType<typeof createClusterPool>;
