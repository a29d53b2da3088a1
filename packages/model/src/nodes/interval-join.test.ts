import { describe, expect, it } from 'vitest';
import type { NodeInput } from '../node-kind';
import { IntervalJoinConfigSchema, intervalJoinKind, joinedSchema } from './interval-join';

const bids: NodeInput = {
  from: 'bids',
  schema: [{ name: 'auction', type: 'bigint' }, { name: 'price', type: 'double' }, { name: 'ts', type: 'timestamp' }],
  eventTime: 'ts',
};
const auctions: NodeInput = {
  from: 'auctions',
  schema: [{ name: 'id', type: 'int' }, { name: 'seller', type: 'string' }, { name: 'ts', type: 'timestamp' }, { name: 'price', type: 'double' }],
  eventTime: 'ts',
};
const config = IntervalJoinConfigSchema.parse({ on: [{ left: 'auction', right: 'id' }], within: { lower: '-5s', upper: '1m' } });

describe('interval-join', () => {
  it('outputs the left fields, then the right ones, suffixing taken names with _right', () => {
    expect(intervalJoinKind.outputSchema(config, [bids, auctions])).toEqual({
      schema: [
        { name: 'auction', type: 'bigint' }, { name: 'price', type: 'double' }, { name: 'ts', type: 'timestamp' },
        { name: 'id', type: 'int' }, { name: 'seller', type: 'string' }, { name: 'ts_right', type: 'timestamp' }, { name: 'price_right', type: 'double' },
      ],
      eventTime: 'ts',
      problems: [],
    });
  });

  it('reports a suffixed name that is taken too', () => {
    const left = [{ name: 'ts', type: 'timestamp' as const }, { name: 'ts_right', type: 'string' as const }];
    expect(joinedSchema(left, [{ name: 'ts', type: 'timestamp' }]).clashes).toEqual(['ts']);
    const result = intervalJoinKind.outputSchema(config, [{ ...bids, schema: [...bids.schema, { name: 'ts_right', type: 'string' }] }, auctions]);
    expect(result.problems.map((p) => p.code)).toEqual(['DUPLICATE_FIELD']);
  });

  it('needs event time on both ports and names the port', () => {
    const result = intervalJoinKind.outputSchema(config, [bids, { ...auctions, eventTime: null }]);
    expect(result.problems).toEqual([{ code: 'NO_EVENT_TIME',
      message: "an interval join needs event time on both inputs, but the right input 'auctions' has none; set eventTime on its kafka-source" }]);
  });

  it('checks the key pairs against each side', () => {
    const bad = IntervalJoinConfigSchema.parse({
      on: [{ left: 'auctin', right: 'id' }, { left: 'price', right: 'seller' }], within: { lower: '0s', upper: '0s' },
    });
    expect(intervalJoinKind.outputSchema(bad, [bids, auctions]).problems.map((p) => [p.code, p.field])).toEqual([
      ['UNKNOWN_FIELD', 'on.0.left'],
      ['TYPE_MISMATCH', 'on.1.right'],
    ]);
  });

  it('accepts negative bounds but not an empty interval', () => {
    expect(IntervalJoinConfigSchema.safeParse({ within: { lower: '-1m', upper: '-10s' } }).success).toBe(true);
    const reversed = IntervalJoinConfigSchema.safeParse({ within: { lower: '10s', upper: '-10s' } });
    expect(reversed.error?.issues.map((i) => i.path.join('.'))).toEqual(['within.upper']);
    expect(IntervalJoinConfigSchema.safeParse({ within: { lower: '10 s', upper: '1m' } }).success).toBe(false);
  });
});
