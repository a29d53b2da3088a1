// The baseline: a plain kafkajs consume → produce loop over the input topic, no Weir code
// (kafkajs reached through @weir/kafka's re-exports, the repository's only kafkajs import).
import { Kafka } from '@weir/kafka';
import type { BenchContext, RunResult, Workload } from '../lib/workload';

export const rawPipe: Workload = {
  figure: 'rawPipeRecordsPerSecond',
  description: 'kafkajs eachBatch → producer.send of the same values (no decoding), until every record is acknowledged',
  async run(ctx: BenchContext): Promise<RunResult> {
    const kafka = new Kafka({ brokers: ctx.brokers.split(','), clientId: 'bench-raw', logLevel: 1 });
    const output = ctx.unique('bench-raw-out');
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: output, numPartitions: ctx.partitions }], waitForLeaders: true });
    await admin.disconnect();
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    const consumer = kafka.consumer({
      groupId: ctx.unique('bench-raw'), maxBytesPerPartition: 1_048_576, maxBytes: 10_485_760, minBytes: 1, maxWaitTimeInMs: 100,
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [ctx.inputTopic], fromBeginning: true });
    let produced = 0;
    const started = Date.now();
    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
        const messages = batch.messages.map((m) => ({ key: m.key, value: m.value }));
        await producer.send({ topic: output, messages, acks: -1 });
        const last = batch.messages[batch.messages.length - 1];
        if (last) resolveOffset(last.offset);
        await heartbeat();
        produced += messages.length;
        if (produced >= ctx.records) finish();
      },
    });
    await done;
    const ms = Date.now() - started;
    await consumer.disconnect();
    await producer.disconnect();
    return { records: produced, ms };
  },
};
