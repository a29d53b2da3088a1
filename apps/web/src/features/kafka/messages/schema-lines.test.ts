import { describe, expect, it } from 'vitest';
import { parseSchemaLines, schemaToLines } from './schema-lines';

describe('schema lines', () => {
  it('reads name and type per line; none means infer', () => {
    expect(parseSchemaLines('amount double\n\ncategory STRING')).toEqual({ ok: true, schema: [{ name: 'amount', type: 'double' }, { name: 'category', type: 'string' }] });
    expect(parseSchemaLines('  ')).toEqual({ ok: true, schema: null });
    expect(parseSchemaLines('amount decimal')).toMatchObject({ ok: false, message: expect.stringContaining('line 1') });
    expect(schemaToLines([{ name: 'ts', type: 'timestamp' }])).toBe('ts timestamp');
  });
});
