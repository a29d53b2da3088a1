import { describe, expect, it } from 'vitest';
import type { NodeInput } from '../node-kind';
import { KafkaSinkConfigSchema, kafkaSinkKind } from './kafka-sink';
import { PostgresSinkConfigSchema, postgresSinkKind } from './postgres-sink';
import { PreviewSinkConfigSchema, previewSinkKind } from './preview-sink';

const input: NodeInput = { from: 'w', schema: [{ name: 'category', type: 'string' }, { name: 'revenue', type: 'double' }], eventTime: null };

describe('sinks', () => {
  it('kafka-sink: defaults, no output, key fields must exist', () => {
    const config = KafkaSinkConfigSchema.parse({ topic: 'revenue', key: ['category'] });
    expect(config).toEqual({ topic: 'revenue', format: 'json', key: ['category'], cluster: 'default' });
    expect(kafkaSinkKind.outputSchema(config, [input])).toEqual({ schema: [], eventTime: null, problems: [] });
    const bad = kafkaSinkKind.outputSchema(KafkaSinkConfigSchema.parse({ topic: 'r', key: ['categroy'] }), [input]);
    expect(bad.problems).toEqual([{ code: 'UNKNOWN_FIELD', field: 'key.0', message: "key field 'categroy' is not in the input; did you mean 'category'?" }]);
    expect(KafkaSinkConfigSchema.safeParse({ topic: 'r', format: 'avro' }).success).toBe(false);
  });

  it('postgres-sink: defaults, primaryKey required for upsert and checked against the input', () => {
    expect(PostgresSinkConfigSchema.parse({ table: 'analytics.revenue' })).toEqual({ table: 'analytics.revenue', mode: 'append', connection: 'default' });
    expect(PostgresSinkConfigSchema.safeParse({ table: 'r', mode: 'upsert' }).success).toBe(false);
    expect(PostgresSinkConfigSchema.safeParse({ table: 'r; drop table x' }).success).toBe(false);
    const config = PostgresSinkConfigSchema.parse({ table: 'r', mode: 'upsert', primaryKey: ['category', 'day'] });
    expect(postgresSinkKind.outputSchema(config, [input]).problems.map((p) => [p.code, p.field])).toEqual([['UNKNOWN_FIELD', 'primaryKey.1']]);
  });

  it('preview-sink: limit defaults to 100 and is bounded', () => {
    expect(PreviewSinkConfigSchema.parse({})).toEqual({ limit: 100 });
    expect(PreviewSinkConfigSchema.safeParse({ limit: 0 }).success).toBe(false);
    expect(PreviewSinkConfigSchema.safeParse({ limit: 2.5 }).success).toBe(false);
    expect(previewSinkKind.outputSchema({ limit: 5 }, [input]).schema).toEqual([]);
  });
});
