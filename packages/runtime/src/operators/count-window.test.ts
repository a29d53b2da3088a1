import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CountWindow } from './count-window';
import { ALL_AGGREGATES, Recorder, run, runWithRestore, streamArb } from './test-support';
import { countOracle } from './window-oracles';

const KEYINGS = [[], ['k'], ['k', 'g']];
const SHAPES: [number, number | undefined][] = [[1, undefined], [3, undefined], [4, 1], [5, 2], [6, 4], [2, 3], [3, 7]];

const counting = (keyBy: string[], size: number, slide?: number) =>
  new CountWindow({ keyBy, aggregates: ALL_AGGREGATES, timeField: 'ts', size, ...(slide === undefined ? {} : { slide }) });

describe('CountWindow', { timeout: 120_000 }, () => {
  it('matches brute force (the last `size` records at every slide-th record) for every aggregate', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KEYINGS),
        fc.constantFrom(...SHAPES),
        (keyBy, [size, slide]) =>
          fc.assert(
            fc.property(streamArb({ span: 20_000, ooo: 3000, lateFactor: 3, nullTimes: true, grain: 100 }), (events) => {
              const op = counting(keyBy, size, slide);
              const expected = countOracle(events, keyBy, ALL_AGGREGATES, size, slide ?? size);
              const rec = run(op, events);
              expect(rec.log).toEqual(expected.log);
              expect(op.droppedNullTime).toBe(expected.nullTimes);
              // Never more than size/gcd(size, slide) partial aggregates per key.
              const keys = new Set(events.flatMap((e) => (e.kind === 'row' ? [JSON.stringify(keyBy.map((k) => e.row[k] ?? null))] : [])));
              const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
              expect(op.stateSize()).toBeLessThanOrEqual(keys.size * (size / gcd(size, slide ?? size)));
            }),
            { numRuns: 8 },
          ),
      ),
      { numRuns: 15 },
    );
  });

  it('gives the same output when snapshotted and restored at any point', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KEYINGS),
        fc.constantFrom(...SHAPES),
        streamArb({ span: 30_000, ooo: 2000, lateFactor: 2, nullTimes: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (keyBy, [size, slide], events, at) => {
          const cut = Math.floor(at * events.length);
          const whole = run(counting(keyBy, size, slide), events);
          const resumed = runWithRestore(counting(keyBy, size, slide), counting(keyBy, size, slide), events, cut);
          expect(resumed.log).toEqual(whole.log);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('fires on arrival, with window_start/end the smallest and largest time, and never emits incomplete windows', () => {
    const op = new CountWindow({ keyBy: ['k'], aggregates: [{ fn: 'sum', field: 'v', as: 's', inputType: 'int' }], timeField: 'ts', size: 3, slide: 2 });
    const rec = new Recorder();
    const feed = (k: string, ts: number, v: number) => op.process({ k, ts, v }, rec);
    feed('a', 50, 1);
    feed('a', 10, 2);
    feed('b', 5, 100);
    expect(rec.emitted).toEqual([]);
    feed('a', 30, 4);
    expect(rec.emitted).toEqual([{ k: 'a', window_start: 10, window_end: 50, s: 7 }]);
    feed('a', 70, 8);
    feed('a', 60, 16); // records 3..5 of a: 30, 70, 60
    expect(rec.emitted.at(-1)).toEqual({ k: 'a', window_start: 30, window_end: 70, s: 28 });
    op.onWatermark(Infinity, rec);
    expect(rec.emitted).toHaveLength(2); // b's and a's unfinished windows stay unfinished
    expect(rec.lates).toEqual([]);
  });

  it('skips the records between windows when slide > size, holding no state for them', () => {
    const op = new CountWindow({ keyBy: [], aggregates: [{ fn: 'count', as: 'n' }, { fn: 'first', field: 'v', as: 'f', inputType: 'int' }], timeField: 'ts', size: 2, slide: 5 });
    const rec = new Recorder();
    for (let i = 0; i < 12; i++) op.process({ ts: i, v: i }, rec);
    expect(rec.emitted).toEqual([
      { window_start: 0, window_end: 1, n: 2, f: 0 },
      { window_start: 5, window_end: 6, n: 2, f: 5 },
      { window_start: 10, window_end: 11, n: 2, f: 10 },
    ]);
    expect(op.stateSize()).toBe(0);
  });

  it('counts by processing time when given a clock, and drops records with a NULL event time', () => {
    let now = 0;
    const op = new CountWindow({ keyBy: [], aggregates: [{ fn: 'count', as: 'n' }], timeField: null, size: 2 }, { timeOf: () => (now += 10) });
    const rec = new Recorder();
    op.process({}, rec);
    op.process({}, rec);
    expect(rec.emitted).toEqual([{ window_start: 10, window_end: 20, n: 2 }]);
    const ev = new CountWindow({ keyBy: [], aggregates: [{ fn: 'count', as: 'n' }], timeField: 'ts', size: 1 });
    ev.process({ ts: null }, rec);
    expect(ev.droppedNullTime).toBe(1);
    expect(rec.emitted).toHaveLength(1);
  });
});
