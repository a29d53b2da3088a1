import type { DeployOptions, SinkOperator } from '@weir/compiler';
import { RuntimeError } from '../errors/runtime-error';
import { DeadLetterWriter } from '../sinks/dead-letter';
import { KafkaSink } from '../sinks/kafka-sink';
import { PostgresSink } from '../sinks/postgres-sink';
import { PreviewSink } from '../sinks/preview-sink';
import type { AckedWriter, BufferLimits, Sink, SinkHost } from '../sinks/sink';
import type { Producer } from '@weir/kafka';
import type { KafkaClients } from './kafka-clients';
import type { Tuning } from './tuning';

/**
 * The sinks of one job, made from their plan operators with the job's buffer limits and
 * connections. `writers` are those whose acknowledgements barriers wait for (Kafka and
 * PostgreSQL sinks, dead letters); `previews` only keep rows in memory.
 */
/** A writer whose sends can be held at a checkpoint barrier (exactly-once Kafka writers). */
export interface HeldWriter {
  readonly appended: number;
  hold(seq: number): void;
  release(): void;
}

export class JobSinks {
  readonly writers: AckedWriter[] = [];
  readonly previews: PreviewSink[] = [];
  /** Exactly-once: the Kafka writers, whose rows go into the checkpoint's transaction. */
  readonly transactional: HeldWriter[] = [];

  constructor(
    private readonly tuning: Tuning,
    private readonly clients: KafkaClients,
    private readonly deploy: DeployOptions,
    private readonly host: SinkHost,
    /** Exactly-once: where a cluster's Kafka writes go (the job's transaction); null: the idempotent producer. */
    private readonly transactionalSender: ((cluster: string, node: string) => Pick<Producer, 'send'>) | null = null,
  ) {}

  private sender(cluster: string, node: string): Pick<Producer, 'send'> {
    return this.transactionalSender === null ? this.clients.producer(cluster, node) : this.transactionalSender(cluster, node);
  }

  private kafkaLimits(): BufferLimits {
    return { capacity: this.tuning.kafkaSinkCapacity, batchSize: this.tuning.kafkaSinkBatchSize, maxInFlight: this.tuning.kafkaSinkMaxInFlight };
  }

  create(op: SinkOperator): Sink {
    switch (op.sink) {
      case 'kafka': {
        const sink = new KafkaSink(op, this.sender(op.cluster, op.id), this.kafkaLimits(), this.host);
        this.writers.push(sink);
        if (this.transactionalSender !== null) this.transactional.push(sink);
        return sink;
      }
      case 'postgres': {
        const url = this.deploy.postgresConnections?.[op.connection]?.url;
        if (url === undefined) {
          throw new RuntimeError('CONNECTION_MISSING', `postgres-sink ${op.id}: no PostgreSQL connection named ${op.connection} is configured`, op.id);
        }
        const limits = { capacity: this.tuning.postgresSinkCapacity, batchSize: this.tuning.postgresSinkBatchSize, maxInFlight: 1 };
        const sink = new PostgresSink(op, url, limits, this.host);
        this.writers.push(sink);
        return sink;
      }
      case 'preview': {
        const sink = new PreviewSink(op);
        this.previews.push(sink);
        return sink;
      }
    }
  }

  /** The dead-letter writer of `settings.onError` (its topic is created where missing). */
  async deadLetters(cluster: string, topic: string): Promise<DeadLetterWriter> {
    await this.clients.ensureTopic(cluster, 'settings.onError', topic, this.tuning.createdTopicPartitions);
    const writer = new DeadLetterWriter(topic, this.sender(cluster, 'settings.onError'), this.kafkaLimits(), this.host);
    this.writers.push(writer);
    if (this.transactionalSender !== null) this.transactional.push(writer);
    return writer;
  }
}
