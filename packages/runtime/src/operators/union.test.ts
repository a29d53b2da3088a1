import { describe, expect, it } from 'vitest';
import { Union } from './union';
import { Recorder } from './test-support';

describe('Union', () => {
  it('passes every row of every input through unchanged', () => {
    const op = new Union();
    const rec = new Recorder();
    const rows = [{ a: 1 }, { a: 2 }];
    op.process(rows[0]!, rec);
    op.process(rows[1]!, rec);
    expect(rec.emitted).toEqual(rows);
    expect(rec.emitted[1]).toBe(rows[1]);
    expect(op.stateSize()).toBe(0);
  });
});
