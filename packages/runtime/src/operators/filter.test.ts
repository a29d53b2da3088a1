import { describe, expect, it } from 'vitest';
import { Filter } from './filter';
import { Recorder } from './test-support';

describe('Filter', () => {
  it('passes a row only where the predicate is exactly TRUE', () => {
    const op = new Filter((row) => row.p);
    const rec = new Recorder();
    const rows = [{ p: true }, { p: false }, { p: null }, { p: 1 }, { p: 'true' }, {}];
    for (const r of rows) op.process(r, rec);
    expect(rec.emitted).toEqual([{ p: true }]);
    expect(rec.emitted[0]).toBe(rows[0]); // passed through, not copied
    op.onWatermark(Infinity, rec);
    expect(op.snapshot()).toBeNull();
    expect(op.stateSize()).toBe(0);
  });
});
