import { describe, expect, it } from 'vitest';
import { toTopicConfig, validateTopicSpec } from './ensure-topics';
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
