import { describe, expect, it } from 'vitest';
import { mergedTopicConfigs } from './topic-configs';

const entry = (name: string, value: string, source: string) => ({ name, value, source, isDefault: source === 'DEFAULT_CONFIG', isSensitive: false, readOnly: false });

describe('mergedTopicConfigs', () => {
  it('keeps the values set on the topic, applies the change, and leaves broker defaults alone', () => {
    const current = [
      entry('cleanup.policy', 'compact', 'DYNAMIC_TOPIC_CONFIG'),
      entry('retention.ms', '1000', 'DYNAMIC_TOPIC_CONFIG'),
      entry('segment.bytes', '1073741824', 'DEFAULT_CONFIG'),
      entry('max.message.bytes', '2000000', 'STATIC_BROKER_CONFIG'),
    ];
    expect(mergedTopicConfigs(current, { 'retention.ms': '60000', 'min.insync.replicas': '1' }, ['cleanup.policy'])).toEqual([
      { name: 'retention.ms', value: '60000' },
      { name: 'min.insync.replicas', value: '1' },
    ]);
  });
});
