import { describe, expect, it } from 'vitest';
import { AggregateSpecSchema, CountWindowParamsSchema, IntervalJoinParamsSchema, SlidingWindowParamsSchema } from './params';
import { parseParams } from './errors';

describe('operator params', () => {
  it('require a field and input type for every function but count', () => {
    expect(AggregateSpecSchema.safeParse({ fn: 'count', as: 'n' }).success).toBe(true);
    expect(AggregateSpecSchema.safeParse({ fn: 'count', field: 'x', as: 'n' }).success).toBe(true);
    expect(() => parseParams('w', AggregateSpecSchema, { fn: 'sum', as: 's', inputType: 'int' })).toThrow(/parameter field: sum needs a field/);
    expect(() => parseParams('w', AggregateSpecSchema, { fn: 'min', field: 'x', as: 's' })).toThrow(/parameter inputType/);
    expect(() => parseParams('w', AggregateSpecSchema, { fn: 'avg', field: 'x', as: 'a', inputType: 'string' })).toThrow(
      /avg needs int, bigint or double, not string/,
    );
  });

  it('are plain JSON and survive a round trip', () => {
    const sliding = { keyBy: ['k'], aggregates: [{ fn: 'max', field: 'x', as: 'm', inputType: 'double' }], timeField: 'ts', sizeMs: 60_000, slideMs: 1000 };
    expect(SlidingWindowParamsSchema.parse(JSON.parse(JSON.stringify(sliding)))).toEqual(sliding);
    expect(CountWindowParamsSchema.parse({ keyBy: [], aggregates: [], timeField: null, size: 3 })).toEqual({ keyBy: [], aggregates: [], timeField: null, size: 3 });
  });

  it('name the offending parameter', () => {
    const join = {
      on: [],
      lowerMs: 0,
      upperMs: 1,
      leftTimeField: 'ts',
      rightTimeField: 'ts',
      output: { left: [{ from: 'a', as: 'a' }], right: [{ from: 'a', as: 'a' }] },
    };
    expect(() => parseParams('interval-join', IntervalJoinParamsSchema, join)).toThrow(
      'BAD_OPERATOR_PARAMS: interval-join parameter output.right.0.as: output field a appears twice',
    );
    expect(() => parseParams('count-window', CountWindowParamsSchema, { keyBy: [], aggregates: [], timeField: 'ts', size: 0 })).toThrow(/parameter size/);
  });
});
