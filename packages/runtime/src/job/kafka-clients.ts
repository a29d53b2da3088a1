import { createKafka, ensureTopics, waitForBroker, type Admin, type Kafka, type Producer } from '@weir/kafka';
import { RuntimeError, messageOf } from '../errors/runtime-error';

interface Cluster {
  brokers: string;
  kafka: Kafka;
  admin: Admin | null;
  producer: Producer | null;
  producerConnected: Promise<void> | null;
}

/**
 * The Kafka clients of one job, one set per named cluster: an admin client and one
 * idempotent producer shared by the cluster's sinks and dead letters. Each cluster is
 * checked with a bounded wait first, so an unreachable broker fails the job quickly.
 */
export class KafkaClients {
  private readonly clusters = new Map<string, Cluster>();

  constructor(
    private readonly config: Record<string, { brokers: string }>,
    private readonly clientId: string,
    private readonly connectTimeoutMs: number,
  ) {}

  kafka(cluster: string, node: string): Kafka {
    return this.cluster(cluster, node).kafka;
  }

  async admin(cluster: string, node: string): Promise<Admin> {
    const c = this.cluster(cluster, node);
    if (c.admin === null) {
      try {
        await waitForBroker(c.brokers, { timeoutMs: this.connectTimeoutMs });
      } catch (err) {
        throw new RuntimeError('BROKER_UNREACHABLE', `node ${node}: Kafka cluster ${cluster} (${c.brokers}) is unreachable: ${messageOf(err)}`, node, { cause: err });
      }
      const admin = c.kafka.admin();
      await admin.connect();
      c.admin = admin;
    }
    return c.admin;
  }

  /** The cluster's producer (created on first use; connected by `connectProducers`). */
  producer(cluster: string, node: string): Producer {
    const c = this.cluster(cluster, node);
    if (c.producer === null) {
      c.producer = c.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    }
    return c.producer;
  }

  async connectProducers(): Promise<void> {
    await Promise.all([...this.clusters.values()].map((c) => {
      if (c.producer !== null && c.producerConnected === null) c.producerConnected = c.producer.connect();
      return c.producerConnected;
    }));
  }

  async ensureTopic(cluster: string, node: string, topic: string, partitions: number): Promise<void> {
    const admin = await this.admin(cluster, node);
    await ensureTopics(admin, [{ topic, partitions }]);
  }

  async close(): Promise<void> {
    await Promise.all([...this.clusters.values()].map(async (c) => {
      await c.producer?.disconnect().catch(() => {});
      await c.admin?.disconnect().catch(() => {});
    }));
    this.clusters.clear();
  }

  private cluster(name: string, node: string): Cluster {
    let c = this.clusters.get(name);
    if (c === undefined) {
      const conf = this.config[name];
      if (conf === undefined) {
        throw new RuntimeError('CONNECTION_MISSING', `node ${node}: no Kafka cluster named ${name} is configured (known: ${Object.keys(this.config).join(', ') || 'none'})`, node);
      }
      c = { brokers: conf.brokers, kafka: createKafka({ brokers: conf.brokers, clientId: this.clientId }), admin: null, producer: null, producerConnected: null };
      this.clusters.set(name, c);
    }
    return c;
  }
}
