import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SlidingWindow } from './sliding-window';
import type { AggregateSpec } from './params';
import { ALL_AGGREGATES, Recorder, run, runWithRestore, streamArb } from './test-support';
import { paneWindowOracle } from './window-oracles';

const KEYINGS = [[], ['k'], ['k', 'g']];

const sliding = (keyBy: string[], sizeMs: number, slideMs: number, aggregates: AggregateSpec[] = ALL_AGGREGATES) =>
  new SlidingWindow({ keyBy, aggregates, timeField: 'ts', sizeMs, slideMs });


/** Runs the operator against the brute force, checking output, late records and pane count after every event. */
function check(op: SlidingWindow, events: Parameters<typeof run>[1], keyBy: string[], size: number, slide: number, aggs = ALL_AGGREGATES) {
  const expected = paneWindowOracle(events, keyBy, aggs, size, slide);
  const sizes: number[] = [];
  const rec = run(op, events, new Recorder(), 0, events.length, () => sizes.push(op.stateSize()));
  expect(rec.log).toEqual(expected.log);
  // One pane per key and slide with live records: never a copy per window.
  expect(sizes).toEqual(expected.sizes);
  expect(op.droppedNullTime).toBe(expected.nullTimes);
  expect(op.stateSize()).toBe(0);
  return rec;
}

describe('SlidingWindow', { timeout: 120_000 }, () => {
  it('matches brute force for every aggregate, on out-of-order data with nulls and late records', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KEYINGS),
        fc.constantFrom([10_000, 2000], [6000, 3000], [5000, 5000], [4000, 1000], [9000, 3000]),
        fc.constantFrom(0.5, 1, 3),
        fc.constantFrom(1, 500),
        (keyBy, [size, slide], lateFactor, grain) =>
          fc.assert(
            fc.property(streamArb({ span: 40_000, ooo: 3000, lateFactor, nullTimes: true, grain }), (events) => {
              const rec = check(sliding(keyBy, size!, slide!), events, keyBy, size!, slide!);
              if (lateFactor < 1) expect(rec.lates).toEqual([]);
            }),
            { numRuns: 6 },
          ),
      ),
      { numRuns: 15 },
    );
  });

  it('matches brute force on the incremental path (counts and integer sums), late records included', () => {
    const invertible: AggregateSpec[] = [
      { fn: 'count', as: 'n' },
      { fn: 'count', field: 'i', as: 'n_i' },
      { fn: 'sum', field: 'i', as: 'sum_i', inputType: 'int' },
      { fn: 'avg', field: 'g', as: 'avg_g', inputType: 'bigint' },
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...KEYINGS),
        fc.constantFrom([10_000, 2000], [6000, 3000], [4000, 1000], [20_000, 1000]),
        fc.constantFrom(1, 3),
        fc.constantFrom(1, 500),
        (keyBy, [size, slide], lateFactor, grain) =>
          fc.assert(
            fc.property(streamArb({ span: 40_000, ooo: 3000, lateFactor, nullTimes: true, grain }, 80), (events) => {
              check(sliding(keyBy, size!, slide!, invertible), events, keyBy, size!, slide!, invertible);
            }),
            { numRuns: 4 },
          ),
      ),
      { numRuns: 12 },
    );
  });

  it('handles size 10 s / slide 2 s with many keys and records', () => {
    fc.assert(
      fc.property(streamArb({ span: 120_000, ooo: 4000, lateFactor: 1.5, nullTimes: false }, 400, 300), (events) => {
        check(sliding(['k', 'g'], 10_000, 2000), events, ['k', 'g'], 10_000, 2000);
      }),
      { numRuns: 5 },
    );
  });

  it('handles size 1 h / slide 1 s: 3600 panes per window, each record aggregated once', () => {
    const aggs: AggregateSpec[] = [
      { fn: 'count', as: 'n' },
      { fn: 'sum', field: 'i', as: 'sum_i', inputType: 'int' },
      { fn: 'max', field: 's', as: 'max_s', inputType: 'string' },
      { fn: 'count_distinct', field: 'd', as: 'cd_d', inputType: 'double' },
      { fn: 'first', field: 'i', as: 'first_i', inputType: 'int' },
      { fn: 'last', field: 's', as: 'last_s', inputType: 'string' },
    ];
    const counts: AggregateSpec[] = [{ fn: 'count', as: 'n' }, { fn: 'sum', field: 'i', as: 'sum_i', inputType: 'int' }];
    fc.assert(
      fc.property(streamArb({ span: 2 * 3600_000, ooo: 60_000, lateFactor: 1.2, nullTimes: false }, 60, 40), (events) => {
        for (const specs of [aggs, counts]) {
          const rec = check(sliding(['g'], 3600_000, 1000, specs), events, ['g'], 3600_000, 1000, specs);
          expect(rec.emitted.length).toBeGreaterThan(3600);
        }
      }),
      { numRuns: 2 },
    );
  });

  it('gives the same output when snapshotted and restored at any point', () => {
    const counts: AggregateSpec[] = [{ fn: 'count', as: 'n' }, { fn: 'sum', field: 'i', as: 's', inputType: 'int' }];
    fc.assert(
      fc.property(
        fc.constantFrom(...KEYINGS),
        fc.constantFrom(ALL_AGGREGATES, counts),
        streamArb({ span: 30_000, ooo: 2000, lateFactor: 2, nullTimes: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (keyBy, aggs, events, at) => {
          const cut = Math.floor(at * events.length);
          const make = () => sliding(keyBy, 9000, 3000, aggs);
          const whole = run(make(), events);
          const resumed = runWithRestore(make(), make(), events, cut);
          expect(resumed.log).toEqual(whole.log);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('sends a record whose earlier windows have fired to the windows still open, and is late only when all have fired', () => {
    const op = new SlidingWindow({ keyBy: [], aggregates: [{ fn: 'count', as: 'n' }], timeField: 'ts', sizeMs: 30, slideMs: 10 });
    const rec = new Recorder();
    op.process({ ts: 5 }, rec); // windows [-20,10) [-10,20) [0,30)
    op.onWatermark(9, rec);
    expect(rec.emitted).toEqual([{ window_start: -20, window_end: 10, n: 1 }]);
    op.process({ ts: 5 }, rec); // [-20,10) has fired; the other two take it
    op.onWatermark(29, rec);
    expect(rec.emitted.slice(1)).toEqual([
      { window_start: -10, window_end: 20, n: 2 },
      { window_start: 0, window_end: 30, n: 2 },
    ]);
    op.process({ ts: 5 }, rec);
    expect(rec.lates).toEqual([{ ts: 5 }]);
    op.process({ ts: 29 }, rec); // in [0,30): fired; in [10,40) and [20,50): open
    op.onWatermark(Infinity, rec);
    expect(rec.emitted.slice(3)).toEqual([
      { window_start: 10, window_end: 40, n: 1 },
      { window_start: 20, window_end: 50, n: 1 },
    ]);
  });

  it('emits nothing for windows without records, and merges only the panes inside each window', () => {
    const op = new SlidingWindow({ keyBy: ['k'], aggregates: [{ fn: 'sum', field: 'v', as: 's', inputType: 'int' }], timeField: 'ts', sizeMs: 20, slideMs: 10 });
    const rec = new Recorder();
    op.process({ k: 'a', ts: 1, v: 1 }, rec);
    op.process({ k: 'b', ts: 15, v: 10 }, rec);
    op.process({ k: 'a', ts: 100, v: 100 }, rec);
    expect(op.stateSize()).toBe(3);
    op.onWatermark(Infinity, rec);
    expect(rec.emitted).toEqual([
      { k: 'a', window_start: -10, window_end: 10, s: 1 },
      { k: 'a', window_start: 0, window_end: 20, s: 1 },
      { k: 'b', window_start: 0, window_end: 20, s: 10 },
      { k: 'b', window_start: 10, window_end: 30, s: 10 },
      { k: 'a', window_start: 90, window_end: 110, s: 100 },
      { k: 'a', window_start: 100, window_end: 120, s: 100 },
    ]);
  });

  it('rejects a size that is not a multiple of the slide', () => {
    expect(() => sliding([], 10_000, 3000)).toThrow(/BAD_OPERATOR_PARAMS: sliding-window parameter slideMs: size 10000 ms is not a multiple of slide 3000 ms/);
  });
});
