import { describe, expect, it } from 'vitest';
import type { TopicRow } from '@weir/protocol';
import { visibleTopics, withRates } from './topic-rows';

const row = (name: string, messages: number, produceRate: number | null): TopicRow => ({
  name, internal: false, partitions: 3, replicationFactor: 1, messages, sizeBytes: null, produceRate, consumeRate: null, underReplicatedPartitions: 0,
});

describe('topic rows', () => {
  const rows = [row('orders', 10, 5), row('clicks', 30, null), row('logs', 20, 1)];

  it('filters by name in any case and sorts by a column, unknown values last', () => {
    expect(visibleTopics(rows, 'O', { key: 'name', descending: false }).map((r) => r.name)).toEqual(['logs', 'orders']);
    expect(visibleTopics(rows, '', { key: 'messages', descending: true }).map((r) => r.name)).toEqual(['clicks', 'logs', 'orders']);
    expect(visibleTopics(rows, '', { key: 'produceRate', descending: true }).map((r) => r.name)).toEqual(['orders', 'logs', 'clicks']);
    expect(visibleTopics(rows, '', { key: 'produceRate', descending: false }).map((r) => r.name)).toEqual(['logs', 'orders', 'clicks']);
  });

  it('lays the sampled counts and rates over the rows', () => {
    const live = withRates(rows, { room: 'r', at: '2026-01-01T00:00:00.000Z', topics: [{ name: 'clicks', messages: 99, produceRate: 7, consumeRate: 2 }] });
    expect(live.find((r) => r.name === 'clicks')).toMatchObject({ messages: 99, produceRate: 7, consumeRate: 2 });
    expect(live.find((r) => r.name === 'orders')).toEqual(rows[0]);
  });
});
