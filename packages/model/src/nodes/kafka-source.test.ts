import { describe, expect, it } from 'vitest';
import { KafkaSourceConfigSchema, kafkaSourceKind } from './kafka-source';

const fields = [{ name: 'id', type: 'string' }, { name: 'ts', type: 'timestamp' }, { name: 'n', type: 'int' }];

function derive(config: unknown) {
  return kafkaSourceKind.outputSchema(KafkaSourceConfigSchema.parse(config), []);
}

function codes(config: unknown) {
  const result = KafkaSourceConfigSchema.safeParse(config);
  return result.success ? [] : result.error.issues.map((i) => (i.code === 'custom' ? (i.params?.code ?? 'custom') : i.code));
}

describe('kafka-source', () => {
  it('applies the spec defaults', () => {
    expect(KafkaSourceConfigSchema.parse({ topic: 'orders', schema: fields, eventTime: { field: 'ts' } })).toEqual({
      topic: 'orders', format: 'json', schema: fields, startFrom: 'committed', cluster: 'default',
      eventTime: { field: 'ts', maxOutOfOrderness: '0s' },
    });
  });

  it('emits the declared schema, with the event-time field', () => {
    expect(derive({ topic: 'o', schema: fields, eventTime: { field: 'ts', maxOutOfOrderness: '5s', idleTimeout: '1m' } }))
      .toEqual({ schema: fields, eventTime: 'ts', problems: [] });
    expect(derive({ topic: 'o', format: 'csv', schema: fields }).eventTime).toBeNull();
  });

  it('emits one string field `line` for text, or the single field a schema names', () => {
    expect(derive({ topic: 'logs', format: 'text' }).schema).toEqual([{ name: 'line', type: 'string' }]);
    expect(derive({ topic: 'logs', format: 'text', schema: [{ name: 'message', type: 'string' }] }).schema)
      .toEqual([{ name: 'message', type: 'string' }]);
    expect(codes({ topic: 'logs', format: 'text', schema: fields })).toEqual(['BAD_CONFIG']);
  });

  it('requires a schema for json and csv', () => {
    expect(codes({ topic: 'o' })).toEqual(['BAD_CONFIG']);
    expect(codes({ topic: 'o', format: 'csv', schema: [] })).toEqual(['BAD_CONFIG']);
  });

  it('checks the event-time field and the declared fields', () => {
    expect(codes({ topic: 'o', schema: fields, eventTime: { field: 'n' } })).toEqual(['TYPE_MISMATCH']);
    expect(codes({ topic: 'o', schema: fields, eventTime: { field: 'time' } })).toEqual(['UNKNOWN_FIELD']);
    expect(codes({ topic: 'o', schema: [...fields, { name: 'n', type: 'bigint' }] })).toEqual(['DUPLICATE_FIELD']);
    expect(codes({ topic: 'o', schema: [{ name: 'x', type: 'float' }] })).toEqual(['invalid_value']);
  });

  it('reads startFrom, bounded and durations as the spec writes them', () => {
    const config = { topic: 'o', schema: fields, startFrom: { timestamp: '2026-01-01T00:00:00Z' }, bounded: 'latest' };
    expect(codes(config)).toEqual([]);
    expect(codes({ ...config, bounded: { timestamp: '2026-01-02T00:00:00+02:00' } })).toEqual([]);
    expect(codes({ ...config, startFrom: { timestamp: 'yesterday' } })).toEqual(['custom']);
    expect(codes({ ...config, eventTime: { field: 'ts', maxOutOfOrderness: '-1s' } })).toEqual(['INVALID_DURATION']);
    expect(codes({ ...config, eventTime: { field: 'ts', idleTimeout: '0s' } })).toEqual(['INVALID_DURATION']);
    expect(codes({ ...config, topic: 'no spaces' })).toEqual(['invalid_format']);
  });
});
