import { describe, expect, it } from 'vitest';
import type { RecordSchema } from '../field';
import type { NodeInput } from '../node-kind';
import { filterKind, FilterConfigSchema } from './filter';
import { MapConfigSchema, mapKind } from './map';

const schema: RecordSchema = [
  { name: 'category', type: 'string' },
  { name: 'amount', type: 'double' },
  { name: 'qty', type: 'int' },
  { name: 'ts', type: 'timestamp' },
];
const input: NodeInput = { from: 'src', schema, eventTime: 'ts' };

function map(config: unknown) {
  return mapKind.outputSchema(MapConfigSchema.parse(config), [input]);
}

describe('filter', () => {
  it('passes the input schema and event time through', () => {
    const config = FilterConfigSchema.parse({ where: "amount >= 10 AND category <> 'test'" });
    expect(filterKind.outputSchema(config, [input])).toEqual({ schema, eventTime: 'ts', problems: [] });
  });

  it('places expression problems on `where` with their line and column', () => {
    const syntax = filterKind.outputSchema({ where: 'amount >=' }, [input]).problems;
    expect(syntax).toHaveLength(1);
    expect(syntax[0]).toMatchObject({ code: 'EXPR_SYNTAX', field: 'where', line: 1 });
    expect(syntax[0]?.message.startsWith('where: ')).toBe(true);
    expect(syntax[0]?.node).toBeUndefined();

    const unknown = filterKind.outputSchema({ where: 'amout > 1' }, [input]).problems;
    expect(unknown[0]).toMatchObject({ code: 'UNKNOWN_FIELD', field: 'where', line: 1, column: 1 });
    expect(unknown[0]?.message).toContain('amout');

    const notBoolean = filterKind.outputSchema({ where: 'amount * 2' }, [input]).problems;
    expect(notBoolean.map((p) => p.code)).toEqual(['TYPE_MISMATCH']);
  });

  it('rejects an empty condition', () => {
    expect(FilterConfigSchema.safeParse({ where: '' }).success).toBe(false);
  });
});

describe('map', () => {
  it('types new fields from their expressions', () => {
    const result = map({ select: [
      { name: 'cat', expr: 'UPPER(category)' },
      { name: 'gross', expr: 'amount * 1.2' },
      { name: 'pairs', expr: 'qty / 2' },
      { name: 'expensive', expr: 'amount > 100' },
    ] });
    expect(result.schema).toEqual([
      { name: 'cat', type: 'string' },
      { name: 'gross', type: 'double' },
      { name: 'pairs', type: 'int' },
      { name: 'expensive', type: 'boolean' },
    ]);
    expect(result.eventTime).toBeNull();
    expect(result.problems).toEqual([]);
  });

  it('keeps the input fields first with keepInput, and their event time', () => {
    const result = map({ keepInput: true, select: [{ name: 'gross', expr: 'amount * 1.2' }] });
    expect(result.schema.map((f) => f.name)).toEqual(['category', 'amount', 'qty', 'ts', 'gross']);
    expect(result.eventTime).toBe('ts');
  });

  it('keeps event time through a bare reference, also under a new name, but not through an expression', () => {
    expect(map({ select: [{ name: 'ts', expr: 'ts' }] }).eventTime).toBe('ts');
    expect(map({ select: [{ name: 'event_time', expr: '`ts`' }, { name: 'ts2', expr: 'ts' }] }).eventTime).toBe('event_time');
    expect(map({ select: [{ name: 'ts', expr: 'CAST(ts AS timestamp)' }] }).eventTime).toBeNull();
    expect(map({ select: [{ name: 'c', expr: 'category' }] }).eventTime).toBeNull();
  });

  it('reports repeated names and names that keepInput already holds', () => {
    const repeated = MapConfigSchema.safeParse({ select: [{ name: 'a', expr: '1' }, { name: 'a', expr: '2' }] });
    expect(repeated.error?.issues.map((i) => [i.path.join('.'), i.code === 'custom' && i.params?.code])).toEqual([['select.1.name', 'DUPLICATE_FIELD']]);
    const clash = map({ keepInput: true, select: [{ name: 'amount', expr: 'amount * 2' }] });
    expect(clash.problems.map((p) => [p.code, p.field])).toEqual([['DUPLICATE_FIELD', 'select.0.name']]);
  });

  it('places expression problems on select.N.expr', () => {
    const result = map({ select: [{ name: 'ok', expr: 'qty + 1' }, { name: 'bad', expr: 'qty +' }, { name: 'worse', expr: 'nope' }] });
    expect(result.problems.map((p) => [p.code, p.field])).toEqual([['EXPR_SYNTAX', 'select.1.expr'], ['UNKNOWN_FIELD', 'select.2.expr']]);
  });

  it('asks for a CAST where a NULL has no type', () => {
    const result = map({ select: [{ name: 'nothing', expr: 'NULL' }] });
    expect(result.problems.map((p) => [p.code, p.field])).toEqual([['TYPE_MISMATCH', 'select.0.expr']]);
    expect(result.problems[0]?.message).toContain('CAST');
  });

  it('needs some output', () => {
    expect(MapConfigSchema.safeParse({}).success).toBe(false);
    expect(MapConfigSchema.parse({ keepInput: true })).toEqual({ select: [], keepInput: true });
  });
});
