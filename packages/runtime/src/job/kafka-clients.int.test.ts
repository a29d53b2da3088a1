import { describe, expect, it } from 'vitest';
import { createKafka } from '@weir/kafka';
import { testBrokers, uniqueName } from '@weir/kafka/testing';
import { createTopic } from '../testing/kafka-io';
import { KafkaClients } from './kafka-clients';

async function members(brokers: string, groupId: string): Promise<number> {
  const admin = createKafka({ brokers }).admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([groupId]);
    return groups[0]?.members.length ?? 0;
  } finally {
    await admin.disconnect();
  }
}

describe('KafkaClients on real Kafka', () => {
  it("a consumer whose start was still under way when the job's clients closed never stays in its group", async () => {
    const brokers = testBrokers();
    const topic = uniqueName('clients-zombie');
    await createTopic(brokers, topic, 2);
    const clients = new KafkaClients({ default: { brokers } }, 'weir-test', 10_000);
    const consumer = clients.kafka('default', 'src').consumer({ groupId: `${topic}.g`, sessionTimeout: 10_000 });
    let joins = 0;
    consumer.on(consumer.events.GROUP_JOIN, () => joins++);
    const connecting = consumer.connect();
    // The job fails and tears down here, while the source is still connecting to start its consumer.
    await clients.close();
    await connecting.catch(() => {});
    await consumer.subscribe({ topics: [topic], fromBeginning: true }).catch(() => {});
    await consumer.run({ eachMessage: async () => {} }).catch(() => {});
    // kafkajs would crash that run on its closed connection and restart it a moment later,
    // joining the group: give such a restart the time it takes (a few hundred ms) many times over.
    await new Promise((r) => setTimeout(r, 5_000));
    expect(joins).toBe(0);
    expect(await members(brokers, `${topic}.g`)).toBe(0);

    // Clients still open: the consumer runs and is a member, until the clients close.
    const open = new KafkaClients({ default: { brokers } }, 'weir-test', 10_000);
    const live = open.kafka('default', 'src').consumer({ groupId: `${topic}.h`, sessionTimeout: 10_000 });
    await live.connect();
    await live.subscribe({ topics: [topic], fromBeginning: true });
    await live.run({ eachMessage: async () => {} });
    expect(await members(brokers, `${topic}.h`)).toBe(1);
    await open.close();
    expect(await members(brokers, `${topic}.h`)).toBe(0);
  });
});
