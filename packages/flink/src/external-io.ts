import pg from 'pg';
import { createKafka, ensureTopics, type Admin } from '@weir/kafka';
import type { DeployOptions } from '@weir/compiler';
import type { FlinkPlan } from './flink-plan';
import type { SourcePartitions } from './metrics-mapping';

/** Partitions of a Kafka sink topic Weir creates, as the embedded engine creates them. */
export const CREATED_TOPIC_PARTITIONS = 3;

/**
 * What a Flink job needs from outside Flink: sink topics and PostgreSQL tables made before
 * it starts (Flink creates neither), and its sources' end and committed offsets in Kafka.
 */
export class ExternalIo {
  private readonly admins = new Map<string, Admin>();

  constructor(private readonly options: DeployOptions) {}

  private async admin(cluster: string): Promise<Admin> {
    let admin = this.admins.get(cluster);
    if (!admin) {
      const conf = this.options.kafkaClusters[cluster];
      if (!conf) throw new Error(`no Kafka cluster named ${cluster} is configured (known: ${Object.keys(this.options.kafkaClusters).join(', ')})`);
      admin = createKafka({ brokers: conf.brokers, logLevel: 'error' }).admin();
      await admin.connect();
      this.admins.set(cluster, admin);
    }
    return admin;
  }

  async prepare(plan: FlinkPlan): Promise<void> {
    for (const sink of plan.kafkaSinks) {
      await ensureTopics(await this.admin(sink.cluster), [{ topic: sink.topic, partitions: CREATED_TOPIC_PARTITIONS }]);
    }
    for (const table of plan.postgresTables) {
      const url = this.options.postgresConnections?.[table.connection]?.url;
      if (!url) throw new Error(`node ${table.node}: no PostgreSQL connection named ${table.connection} is configured`);
      const client = new pg.Client({ connectionString: url.replace(/^jdbc:/, '') });
      await client.connect();
      try {
        await client.query(table.createTableSql);
      } finally {
        await client.end().catch(() => undefined);
      }
    }
  }

  /** End offsets and the job's committed offsets of every source partition. */
  async sourcePartitions(plan: FlinkPlan): Promise<SourcePartitions[]> {
    const out: SourcePartitions[] = [];
    for (const s of plan.sources) {
      const admin = await this.admin(s.cluster);
      const [ends, committed] = await Promise.all([
        admin.fetchTopicOffsets(s.topic),
        admin.fetchOffsets({ groupId: s.groupId, topics: [s.topic] }).catch(() => []),
      ]);
      const byPartition = new Map<number, number>();
      for (const t of committed) for (const p of t.partitions) if (Number(p.offset) >= 0) byPartition.set(p.partition, Number(p.offset));
      out.push({
        node: s.node, topic: s.topic,
        partitions: ends.map((e) => ({ partition: e.partition, endOffset: Number(e.high), committedOffset: byPartition.get(e.partition) ?? null }))
          .sort((a, b) => a.partition - b.partition),
      });
    }
    return out;
  }

  async close(): Promise<void> {
    await Promise.all([...this.admins.values()].map((a) => a.disconnect().catch(() => undefined)));
    this.admins.clear();
  }
}
