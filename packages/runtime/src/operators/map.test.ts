import { describe, expect, it } from 'vitest';
import { MapOperator } from './map';
import { Recorder } from './test-support';

describe('MapOperator', () => {
  it('builds rows from the select expressions, in order', () => {
    const op = new MapOperator({ keepInput: false, inputFields: ['a', 'b'], select: ['sum', 'label'] }, [
      (r) => (r.a as number) + (r.b as number),
      (r) => (r.a === null ? undefined : `a=${String(r.a)}`),
    ]);
    const rec = new Recorder();
    op.process({ a: 1, b: 2 }, rec);
    op.process({ a: null, b: 2 }, rec);
    expect(rec.emitted).toEqual([{ sum: 3, label: 'a=1' }, { sum: 2, label: null }]);
    expect(Object.keys(rec.emitted[0]!)).toEqual(['sum', 'label']);
  });

  it('with keepInput copies the input fields first, in schema order, missing ones as NULL', () => {
    const op = new MapOperator({ keepInput: true, inputFields: ['a', 'b'], select: ['c'] }, [(r) => r.a]);
    const rec = new Recorder();
    op.process({ b: 2, a: 1, extra: 9 }, rec);
    op.process({ a: 5 }, rec);
    expect(rec.emitted).toEqual([{ a: 1, b: 2, c: 1 }, { a: 5, b: null, c: 5 }]);
    expect(Object.keys(rec.emitted[0]!)).toEqual(['a', 'b', 'c']);
  });

  it('needs one expression per select name', () => {
    expect(() => new MapOperator({ keepInput: false, inputFields: [], select: ['x', 'y'] }, [() => 1])).toThrow(
      /BAD_OPERATOR_PARAMS: map parameter select: names 2 fields but 1 expressions were given/,
    );
  });
});
