import { describe, expect, it } from 'vitest';
import { ensureTopics, toTopicConfig, validateTopicSpec } from './ensure-topics';
import type { Admin } from './kafkajs';
import { isKafkaClientError } from './kafka-client-error';

function codeOf(fn: () => void): string | undefined {
  try { fn(); } catch (err) { return isKafkaClientError(err) ? err.code : 'OTHER'; }
  return undefined;
}

describe('validateTopicSpec', () => {
  it('accepts legal names and counts', () => {
    expect(codeOf(() => validateTopicSpec({ topic: 'orders.v1_raw-2', partitions: 3, replicationFactor: 1 }))).toBeUndefined();
    expect(codeOf(() => validateTopicSpec({ topic: 'x'.repeat(249), partitions: 1 }))).toBeUndefined();
  });

  it.each([
    [{ topic: '', partitions: 1 }],
    [{ topic: '.', partitions: 1 }],
    [{ topic: '..', partitions: 1 }],
    [{ topic: 'has space', partitions: 1 }],
    [{ topic: 'x'.repeat(250), partitions: 1 }],
    [{ topic: 'ok', partitions: 0 }],
    [{ topic: 'ok', partitions: 1.5 }],
    [{ topic: 'ok', partitions: 1, replicationFactor: 0 }],
  ])('rejects %j with BAD_TOPIC', (spec) => {
    expect(codeOf(() => validateTopicSpec(spec))).toBe('BAD_TOPIC');
  });

  it('names the topic in the message', () => {
    expect(() => validateTopicSpec({ topic: 'a/b', partitions: 1 })).toThrow(/"a\/b"/);
  });
});

describe('toTopicConfig', () => {
  it('maps partitions, replication and stringifies configs', () => {
    expect(toTopicConfig({ topic: 't', partitions: 4, replicationFactor: 1, configs: { 'retention.ms': 1000, 'cleanup.policy': 'compact' } }))
      .toEqual({
        topic: 't', numPartitions: 4, replicationFactor: 1,
        configEntries: [{ name: 'retention.ms', value: '1000' }, { name: 'cleanup.policy', value: 'compact' }],
      });
  });

  it('leaves replication to the broker when not given', () => {
    expect(toTopicConfig({ topic: 't', partitions: 1 })).toEqual({ topic: 't', numPartitions: 1 });
  });
});

/** The part of kafkajs' Admin ensureTopics uses, answering from a script (pure logic, no broker). */
function scriptedAdmin(createAnswers: Array<boolean | Error>): Admin & { creates: number } {
  const topics = new Set<string>();
  const admin = {
    creates: 0,
    listTopics: async () => [...topics],
    createTopics: async ({ topics: specs }: { topics: { topic: string }[] }) => {
      const answer = createAnswers[admin.creates++]!;
      for (const t of specs) topics.add(t.topic);
      if (answer instanceof Error) throw answer;
      return answer;
    },
    fetchTopicMetadata: async ({ topics: names }: { topics: string[] }) => ({ topics: names.map((name) => ({ name, partitions: [{}, {}] })) }),
  };
  return admin as unknown as Admin & { creates: number };
}

describe('ensureTopics', () => {
  it('waits out a just-started broker that does not host the new partition yet, and counts the topic as created', async () => {
    const notYet = Object.assign(new Error('This server does not host this topic-partition'), { type: 'UNKNOWN_TOPIC_OR_PARTITION' });
    const admin = scriptedAdmin([notYet, false]);
    expect(await ensureTopics(admin, [{ topic: 'orders', partitions: 2 }])).toEqual([{ topic: 'orders', created: true, partitions: 2 }]);
    expect(admin.creates).toBe(2);
  }, 10_000);

  it('names the topics when creating fails for another reason, without retrying', async () => {
    const admin = scriptedAdmin([new Error('Topic authorization failed')]);
    await expect(ensureTopics(admin, [{ topic: 'orders', partitions: 2 }])).rejects.toMatchObject({ code: 'TOPIC_CREATE_FAILED', message: 'Could not create topic(s) orders: Topic authorization failed' });
    expect(admin.creates).toBe(1);
  });
});
