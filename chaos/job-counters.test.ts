import { describe, expect, it } from 'vitest';
import { closingTotals, counterProblems } from './job-counters';
import { restartsIn } from './scenario';

const c = (recordsIn: number, recordsOut: number, errors = 0) => ({ recordsIn, recordsOut, lateRecords: 0, errors });

describe('the job totals check', () => {
  it("reads weir run's closing line", () => {
    expect(closingTotals('x\nweir run: p stopped after 1m02s: 99,003 records read, 99,003 written\n')).toEqual({ read: 99_003, written: 99_003 });
    expect(closingTotals('weir run: p failed: [X] y')).toBeNull();
  });

  it('passes when source, sink and dead letters agree with the topics, and names each disagreement', () => {
    const facts = { inputOffsets: 1003, outputMessages: 993, deadLetters: 10, oneOutPerRecord: true };
    const good = { src: c(1003, 993, 10), double: c(993, 993), sink: c(993, 0) };
    expect(counterProblems(good, { read: 993, written: 993 }, facts)).toEqual([]);
    const bad = counterProblems({ ...good, src: c(1003, 994, 9) }, { read: 993, written: 990 }, facts);
    expect(bad).toContain('source errors vs the dead-letter topic: the job counts 9, expected 10');
    expect(bad).toContain('rows the source decoded vs the output topic: the job counts 994, expected 993');
    expect(bad).toContain("rows written in weir run's closing line vs the sink's total: the job counts 990, expected 993");
    expect(counterProblems(null, null, facts)).toHaveLength(1);
  });

  it('counts the restarts in the progress lines of weir run', () => {
    const log = ['[1s] RUNNING · in', '[2s] RESTARTING · in', '[3s] RESTARTING · in', '[5s] RUNNING · in', 'weir run: x', '[9s] RESTARTING · in'].join('\n');
    expect(restartsIn(log)).toBe(2);
  });
});
