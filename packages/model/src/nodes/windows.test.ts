import { describe, expect, it } from 'vitest';
import type { RecordSchema } from '../field';
import type { NodeInput } from '../node-kind';
import { CountWindowConfigSchema, countWindowKind, countWindowSlide } from './count-window';
import { SessionWindowConfigSchema, sessionWindowKind } from './session-window';
import { SlidingWindowConfigSchema, slidingWindowKind } from './sliding-window';
import { TumblingWindowConfigSchema, tumblingWindowKind } from './tumbling-window';
import { AGGREGATE_FUNCTIONS, aggregateType } from './window-common';

const orders: RecordSchema = [
  { name: 'category', type: 'string' },
  { name: 'region', type: 'string' },
  { name: 'amount', type: 'double' },
  { name: 'qty', type: 'int' },
  { name: 'big', type: 'bigint' },
  { name: 'paid', type: 'boolean' },
  { name: 'ts', type: 'timestamp' },
];
const onEventTime: NodeInput = { from: 'src', schema: orders, eventTime: 'ts' };
const onProcessingTime: NodeInput = { from: 'src', schema: orders, eventTime: null };

const aggregates = [
  { fn: 'count', as: 'n' },
  { fn: 'count_distinct', field: 'region', as: 'regions' },
  { fn: 'sum', field: 'qty', as: 'qty_sum' },
  { fn: 'sum', field: 'big', as: 'big_sum' },
  { fn: 'sum', field: 'amount', as: 'revenue' },
  { fn: 'avg', field: 'qty', as: 'qty_avg' },
  { fn: 'min', field: 'ts', as: 'first_ts' },
  { fn: 'max', field: 'amount', as: 'largest' },
  { fn: 'first', field: 'paid', as: 'first_paid' },
  { fn: 'last', field: 'region', as: 'last_region' },
];
const expectedSchema: RecordSchema = [
  { name: 'category', type: 'string' },
  { name: 'window_start', type: 'timestamp' },
  { name: 'window_end', type: 'timestamp' },
  { name: 'n', type: 'bigint' },
  { name: 'regions', type: 'bigint' },
  { name: 'qty_sum', type: 'bigint' },
  { name: 'big_sum', type: 'bigint' },
  { name: 'revenue', type: 'double' },
  { name: 'qty_avg', type: 'double' },
  { name: 'first_ts', type: 'timestamp' },
  { name: 'largest', type: 'double' },
  { name: 'first_paid', type: 'boolean' },
  { name: 'last_region', type: 'string' },
];

const windows = [
  { kind: tumblingWindowKind, schema: TumblingWindowConfigSchema, config: { size: '1m' } },
  { kind: slidingWindowKind, schema: SlidingWindowConfigSchema, config: { size: '10m', slide: '1m' } },
  { kind: sessionWindowKind, schema: SessionWindowConfigSchema, config: { gap: '30s' } },
  { kind: countWindowKind, schema: CountWindowConfigSchema, config: { size: 10, slide: 5 } },
] as const;

describe('windows', () => {
  it.each(windows)('$kind.kind: keys, window bounds, then aggregates with the spec types; event time on window_end', ({ kind, schema, config }) => {
    const parsed = schema.parse({ ...config, keyBy: ['category'], aggregates });
    const result = kind.outputSchema(parsed as never, [onEventTime]);
    expect(result).toEqual({ schema: expectedSchema, eventTime: 'window_end', problems: [] });
  });

  it.each(windows)('$kind.kind: keyBy and aggregates default to one global window', ({ kind, schema, config }) => {
    const parsed = schema.parse(config);
    expect(parsed).toMatchObject({ keyBy: [], aggregates: [] });
    expect(kind.outputSchema(parsed as never, [onEventTime]).schema.map((f) => f.name)).toEqual(['window_start', 'window_end']);
  });

  it('time windows need event time; the count window runs on processing time', () => {
    for (const { kind, schema, config } of windows) {
      const result = kind.outputSchema(schema.parse(config) as never, [onProcessingTime]);
      if (kind.kind === 'count-window') {
        expect(result.problems).toEqual([]);
        expect(result.eventTime).toBeNull();
      } else {
        expect(result.problems.map((p) => p.code)).toEqual(['NO_EVENT_TIME']);
        expect(result.problems[0]?.message).toContain("its input 'src' has no event time");
      }
    }
  });

  it('checks fields against the input', () => {
    const config = TumblingWindowConfigSchema.parse({
      size: '1m', keyBy: ['categry'],
      aggregates: [{ fn: 'sum', field: 'category', as: 's' }, { fn: 'max', field: 'amout', as: 'm' }, { fn: 'avg', field: 'paid', as: 'a' }],
    });
    const result = tumblingWindowKind.outputSchema(config, [onEventTime]);
    expect(result.problems.map((p) => [p.code, p.field, p.message])).toEqual([
      ['UNKNOWN_FIELD', 'keyBy.0', "keyBy field 'categry' is not in the input; did you mean 'category'?"],
      ['TYPE_MISMATCH', 'aggregates.0.field', "sum needs a numeric field (int, bigint or double), but 'category' is string"],
      ['UNKNOWN_FIELD', 'aggregates.1.field', "aggregate field 'amout' is not in the input; did you mean 'amount'?"],
      ['TYPE_MISMATCH', 'aggregates.2.field', "avg needs a numeric field (int, bigint or double), but 'paid' is boolean"],
    ]);
  });

  it('reports output names that clash', () => {
    const result = TumblingWindowConfigSchema.safeParse({
      size: '1m', keyBy: ['category', 'category', 'window_end'],
      aggregates: [{ fn: 'count', as: 'n' }, { fn: 'count', as: 'n' }, { fn: 'count', as: 'window_start' }],
    });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.code === 'custom' ? i.params?.code : i.code])).toEqual([
      ['keyBy.1', 'DUPLICATE_FIELD'],
      ['keyBy.2', 'DUPLICATE_FIELD'],
      ['aggregates.1.as', 'DUPLICATE_FIELD'],
      ['aggregates.2.as', 'DUPLICATE_FIELD'],
    ]);
  });

  it('requires size to be a multiple of slide', () => {
    const codes = (size: string, slide: string) =>
      SlidingWindowConfigSchema.safeParse({ size, slide }).error?.issues.map((i) => (i.code === 'custom' ? i.params?.code : i.code)) ?? [];
    expect(codes('1h', '5m')).toEqual([]);
    expect(codes('1h', '1h')).toEqual([]);
    expect(codes('1h', '7m')).toEqual(['SLIDE_NOT_DIVISOR']);
    expect(codes('1m', '2m')).toEqual(['SLIDE_NOT_DIVISOR']);
    expect(codes('1m', '0s')).toEqual(['INVALID_DURATION']);
  });

  it('count windows: slide defaults to size and may not exceed it', () => {
    expect(countWindowSlide(CountWindowConfigSchema.parse({ size: 10 }))).toBe(10);
    expect(countWindowSlide(CountWindowConfigSchema.parse({ size: 10, slide: 3 }))).toBe(3);
    expect(CountWindowConfigSchema.safeParse({ size: 10, slide: 11 }).success).toBe(false);
    expect(CountWindowConfigSchema.safeParse({ size: 1.5 }).success).toBe(false);
    expect(CountWindowConfigSchema.safeParse({ size: '10' }).success).toBe(false);
  });

  it('gives every aggregate function a result type for the types it accepts', () => {
    for (const fn of AGGREGATE_FUNCTIONS) {
      expect(aggregateType(fn, 'int')).not.toBeNull();
    }
    expect(aggregateType('sum', 'string')).toBeNull();
    expect(aggregateType('avg', 'timestamp')).toBeNull();
    expect(aggregateType('min', 'string')).toBe('string');
    expect(aggregateType('count_distinct', 'double')).toBe('bigint');
  });
});
