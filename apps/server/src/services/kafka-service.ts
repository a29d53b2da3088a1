import fp from 'fastify-plugin';
import { DEFAULT_CONNECTION, type ClusterOverview } from '@weir/protocol';
import { ApiError } from '../api-error';
import { createKafkaConsole, type KafkaConsole } from './kafka/kafka-console';
import { withDeadline } from './kafka/cluster-pool';
import { registerSampleRooms } from './kafka/live/sample-rooms';
import { registerSearchRoom } from './kafka/live/search-room';
import { registerTailRoom } from './kafka/live/tail-room';
import { isInternalTopic } from './kafka/topics/topics';

/**
 * Kafka as the server sees it: the console (services/kafka/, one method per action, each
 * checking the caller's role), plus the health probe and the summary of the default cluster.
 */
export interface KafkaService extends KafkaConsole {
  /** True when the default cluster answers within a short deadline; never throws. */
  reachable(): Promise<boolean>;
  /** The default cluster for GET /api/cluster; throws KAFKA_UNAVAILABLE (503) when it cannot be asked. */
  overview(options: { includeInternal: boolean }): Promise<ClusterOverview>;
}

declare module 'fastify' {
  interface FastifyInstance {
    kafka: KafkaService;
  }
}

// Health is polled by every open browser; one probe serves all callers for this long.
const REACHABLE_CACHE_MS = 2000;
const PROBE_TIMEOUT_MS = 5000;

export default fp<{ sampler?: { intervalMs?: number; historyMs?: number; maxGroups?: number } }>(
  async (app, opts) => {
    const brokers = app.config.kafkaBrokers;
    const console = createKafkaConsole({
      store: app.store,
      audit: app.audit,
      now: app.now,
      dataDir: app.config.dataDir,
      defaultBrokers: brokers,
      log: app.log,
      ...(opts.sampler ? { sampler: opts.sampler } : {}),
    });
    let probe: { at: number; result: Promise<boolean> } | undefined;

    async function defaultClients() {
      if (!brokers) throw new ApiError(503, 'KAFKA_UNAVAILABLE', 'Kafka is unavailable: no brokers configured (KAFKA_BROKERS is not set).');
      // Not console.cluster(): a health probe must not start the sampler.
      return console.clients(DEFAULT_CONNECTION);
    }

    const service: KafkaService = {
      ...console,
      reachable() {
        const now = Date.now();
        if (!probe || now - probe.at > REACHABLE_CACHE_MS) {
          probe = {
            at: now,
            result: defaultClients()
              .then((c) => withDeadline(c.call('describe cluster', (a) => a.describeCluster()), PROBE_TIMEOUT_MS, 'describe cluster'))
              .then(() => true, () => false),
          };
        }
        return probe.result;
      },
      async overview({ includeInternal }) {
        const clients = await defaultClients();
        const [cluster, metadata] = await clients.call('describe cluster', (a) => Promise.all([a.describeCluster(), a.fetchTopicMetadata()]));
        const all = metadata.topics
          .map((t) => ({ name: t.name, partitions: t.partitions.length, internal: isInternalTopic(t.name) }))
          .sort((x, y) => x.name.localeCompare(y.name));
        return {
          clusterId: cluster.clusterId || null,
          controller: cluster.controller ?? null,
          brokers: [...cluster.brokers].sort((x, y) => x.nodeId - y.nodeId).map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port })),
          topicCount: all.length,
          topics: includeInternal ? all : all.filter((t) => !t.internal),
        };
      },
    };
    app.decorate('kafka', service);
    registerTailRoom(app.live, service);
    registerSearchRoom(app.live, service);
    registerSampleRooms(app.live, service);
    app.addHook('onClose', () => console.close());
  },
  { name: 'weir-kafka-service', dependencies: ['weir-config', 'weir-store', 'weir-audit-service', 'weir-clock', 'weir-live'] },
);
