import { createKafka, ensureTopics, waitForBroker, type Admin, type Consumer, type Kafka, type Producer } from '@weir/kafka';
import { RuntimeError, messageOf } from '../errors/runtime-error';

interface Cluster {
  brokers: string;
  kafka: Kafka;
  /** `kafka` as the job's nodes get it: the consumers they make are the job's (see track). */
  owned: Kafka;
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
  private readonly consumers = new Set<Consumer>();
  private closed = false;

  constructor(
    private readonly config: Record<string, { brokers: string }>,
    private readonly clientId: string,
    private readonly connectTimeoutMs: number,
  ) {}

  kafka(cluster: string, node: string): Kafka {
    return this.cluster(cluster, node).owned;
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
    this.closed = true;
    await Promise.all([...this.consumers].map((c) => c.disconnect().catch(() => {})));
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
      const kafka = createKafka({ brokers: conf.brokers, clientId: this.clientId });
      c = { brokers: conf.brokers, kafka, owned: this.owning(kafka), admin: null, producer: null, producerConnected: null };
      this.clusters.set(name, c);
    }
    return c;
  }

  /** `kafka`, except that every consumer made from it is tracked by `track`. */
  private owning(kafka: Kafka): Kafka {
    return new Proxy(kafka, {
      get: (target, prop, receiver) => {
        if (prop === 'consumer') return (config: Parameters<Kafka['consumer']>[0]) => this.track(target.consumer(config));
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
  }

  /**
   * A job's consumers end with it. A source whose start was still joining its group when the
   * job failed would otherwise begin to run after the job's teardown disconnected it: with
   * the restart strategy (job-supervisor.ts) that consumer lives on in the same process, a
   * member of the job's group holding partitions the next attempt then never reads. So a
   * consumer of closed clients never runs: `run` after `close` disconnects it instead.
   */
  private track(consumer: Consumer): Consumer {
    this.consumers.add(consumer);
    // kafkajs schedules a crashed consumer's restart right after this event: once closed, call it off.
    consumer.on(consumer.events.CRASH, (e) => {
      if (this.closed && e.payload.restart) setImmediate(() => void consumer.disconnect().catch(() => {}));
    });
    const run = consumer.run;
    consumer.run = async (config) => {
      if (!this.closed) await run(config);
      // Closed before or while it joined: it must not stay in the group.
      if (this.closed) await consumer.disconnect().catch(() => {});
    };
    return consumer;
  }
}
