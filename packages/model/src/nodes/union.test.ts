import { describe, expect, it } from 'vitest';
import type { RecordSchema } from '../field';
import { schemaDifference, unionKind } from './union';

const clicks: RecordSchema = [{ name: 'user', type: 'string' }, { name: 'ts', type: 'timestamp' }];

describe('union', () => {
  it('passes the common schema and event time through', () => {
    const result = unionKind.outputSchema({}, [
      { from: 'a', schema: clicks, eventTime: 'ts' },
      { from: 'b', schema: clicks, eventTime: 'ts' },
      { from: 'c', schema: clicks, eventTime: 'ts' },
    ]);
    expect(result).toEqual({ schema: clicks, eventTime: 'ts', problems: [] });
  });

  it('drops event time unless every input has it on the same field', () => {
    const result = unionKind.outputSchema({}, [{ from: 'a', schema: clicks, eventTime: 'ts' }, { from: 'b', schema: clicks, eventTime: null }]);
    expect(result.eventTime).toBeNull();
    expect(result.problems).toEqual([]);
  });

  it('names the input that does not match', () => {
    const other: RecordSchema = [{ name: 'user', type: 'int' }, { name: 'ts', type: 'timestamp' }];
    const result = unionKind.outputSchema({}, [{ from: 'web', schema: clicks, eventTime: 'ts' }, { from: 'app', schema: other, eventTime: 'ts' }]);
    expect(result.problems).toEqual([{
      code: 'TYPE_MISMATCH',
      message: "input 'app' does not match input 'web': field 'user' is int where string is expected; all inputs of a union need the same fields in the same order",
    }]);
  });

  it('describes the first difference between schemas', () => {
    expect(schemaDifference(clicks, clicks)).toBeNull();
    expect(schemaDifference(clicks, [...clicks, { name: 'x', type: 'int' }])).toBe("it has an extra field 'x' at position 3");
    expect(schemaDifference(clicks, clicks.slice(0, 1))).toBe("it lacks field 'ts' at position 2");
    expect(schemaDifference(clicks, [...clicks].reverse())).toBe("field 1 is 'ts' where 'user' is expected");
  });
});
