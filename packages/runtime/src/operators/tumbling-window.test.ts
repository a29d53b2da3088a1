import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Row } from '@weir/model/field';
import { TumblingWindow } from './tumbling-window';
import { ALL_AGGREGATES, Recorder, run, runWithRestore, streamArb, type Event } from './test-support';
import { paneWindowOracle } from './window-oracles';

const KEYINGS = [[], ['k'], ['k', 'g']];

const window = (keyBy: string[], sizeMs: number) => new TumblingWindow({ keyBy, aggregates: ALL_AGGREGATES, timeField: 'ts', sizeMs });


describe('TumblingWindow', { timeout: 120_000 }, () => {
  it('matches brute force for every aggregate, on out-of-order data with nulls and late records', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KEYINGS),
        fc.constantFrom(1000, 5000, 7000),
        fc.constantFrom(0.5, 1, 3),
        fc.integer({ min: -5000, max: 5000 }),
        fc.constantFrom(1, 250),
        (keyBy, size, lateFactor, shift, grain) =>
          fc.assert(
            fc.property(streamArb({ span: 40_000, ooo: 3000, lateFactor, nullTimes: true, start: 1_700_000_000_000 + (grain === 1 ? shift : 0), grain }), (events) => {
              const op = window(keyBy, size);
              const expected = paneWindowOracle(events, keyBy, ALL_AGGREGATES, size, size);
              const sizes: number[] = [];
              const rec = run(op, events, new Recorder(), 0, events.length, () => sizes.push(op.stateSize()));
              expect(rec.log).toEqual(expected.log);
              expect(sizes).toEqual(expected.sizes);
              expect(op.droppedNullTime).toBe(expected.nullTimes);
              expect(op.stateSize()).toBe(0);
              if (lateFactor < 1) expect(rec.lates).toEqual([]);
            }),
            { numRuns: 8 },
          ),
      ),
      { numRuns: 12 },
    );
  });

  it('gives the same output when snapshotted and restored at any point', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KEYINGS),
        streamArb({ span: 30_000, ooo: 2000, lateFactor: 2, nullTimes: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (keyBy, events, at) => {
          const cut = Math.floor(at * events.length);
          const whole = run(window(keyBy, 5000), events);
          const resumed = runWithRestore(window(keyBy, 5000), window(keyBy, 5000), events, cut);
          expect(resumed.log).toEqual(whole.log);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('fires [s, e) when the watermark reaches e − 1, and then treats its records as late', () => {
    const op = new TumblingWindow({ keyBy: [], aggregates: [{ fn: 'count', as: 'n' }], timeField: 'ts', sizeMs: 10 });
    const rec = new Recorder();
    op.process({ ts: 0 }, rec);
    op.process({ ts: 9 }, rec);
    op.process({ ts: 10 }, rec);
    op.onWatermark(8, rec);
    expect(rec.emitted).toEqual([]);
    op.process({ ts: 9 }, rec);
    op.onWatermark(9, rec);
    expect(rec.emitted).toEqual([{ window_start: 0, window_end: 10, n: 3 }]);
    op.process({ ts: 9 }, rec);
    expect(rec.lates).toEqual([{ ts: 9 }]);
    op.onWatermark(5, rec); // a watermark going back is ignored
    op.onWatermark(Infinity, rec);
    expect(rec.emitted.at(-1)).toEqual({ window_start: 10, window_end: 20, n: 1 });
    op.process({ ts: 1e15 }, rec);
    expect(rec.lates).toHaveLength(2);
  });

  it('aligns windows to the epoch, negative times included', () => {
    const op = new TumblingWindow({ keyBy: [], aggregates: [{ fn: 'count', as: 'n' }], timeField: 'ts', sizeMs: 10 });
    const rec = new Recorder();
    for (const ts of [-11, -10, -1, 0, 25]) op.process({ ts }, rec);
    op.onWatermark(Infinity, rec);
    expect(rec.emitted.map((r) => [r.window_start, r.window_end, r.n])).toEqual([[-20, -10, 1], [-10, 0, 2], [0, 10, 1], [20, 30, 1]]);
  });

  it('emits keys in the order the operator first saw them, NULL keys grouped together', () => {
    const op = new TumblingWindow({ keyBy: ['k'], aggregates: [{ fn: 'count', as: 'n' }], timeField: 'ts', sizeMs: 100 });
    const rec = new Recorder();
    const rows: Row[] = [{ k: 'b', ts: 150 }, { k: 'x', ts: 50 }, { k: null, ts: 60 }, { k: 'b', ts: 10 }, { ts: 70 }, { k: 'a', ts: 120 }];
    for (const r of rows) op.process(r, rec);
    op.onWatermark(199, rec);
    expect(rec.emitted).toEqual([
      { k: 'b', window_start: 0, window_end: 100, n: 1 },
      { k: 'x', window_start: 0, window_end: 100, n: 1 },
      { k: null, window_start: 0, window_end: 100, n: 2 },
      { k: 'b', window_start: 100, window_end: 200, n: 1 },
      { k: 'a', window_start: 100, window_end: 200, n: 1 },
    ]);
  });

  it('drops and counts records whose event time is NULL, and can run on a supplied time function', () => {
    const op = new TumblingWindow({ keyBy: [], aggregates: [{ fn: 'count', as: 'n' }], timeField: 'ts', sizeMs: 10 });
    const rec = new Recorder();
    op.process({ ts: null }, rec);
    op.process({}, rec);
    op.onWatermark(Infinity, rec);
    expect(op.droppedNullTime).toBe(2);
    expect(rec.log).toEqual([]);
    let now = 1000;
    const proc = new TumblingWindow({ keyBy: [], aggregates: [{ fn: 'count', as: 'n' }], timeField: null, sizeMs: 10 }, { timeOf: () => now++ });
    for (let i = 0; i < 12; i++) proc.process({}, rec);
    proc.onWatermark(1009, rec);
    expect(rec.emitted).toEqual([{ window_start: 1000, window_end: 1010, n: 10 }]);
  });

  it('reports bad params and bad event times with stable codes', () => {
    expect(() => new TumblingWindow({ keyBy: [], aggregates: [], timeField: 'ts', sizeMs: 0 })).toThrow(/BAD_OPERATOR_PARAMS: tumbling-window parameter sizeMs/);
    expect(() => new TumblingWindow({ keyBy: [], aggregates: [], timeField: null, sizeMs: 5 })).toThrow(/parameter timeField/);
    expect(
      () => new TumblingWindow({ keyBy: ['n'], aggregates: [{ fn: 'count', as: 'n' }], timeField: 'ts', sizeMs: 5 }),
    ).toThrow(/aggregates\.0\.as: output field n appears twice/);
    const op = new TumblingWindow({ keyBy: [], aggregates: [], timeField: 'ts', sizeMs: 5 });
    expect(() => op.process({ ts: '2026-01-01T00:00:00Z' }, new Recorder())).toThrow(/BAD_EVENT_TIME: event time field ts/);
    expect(() => op.restore({ op: 'sliding-window', v: 1 })).toThrow(/BAD_SNAPSHOT/);
  });

  it('keeps the output row layout: keys, window_start, window_end, aggregates in order', () => {
    const events: Event[] = [{ kind: 'row', row: { k: 'a', g: 1, i: 3, d: 0.5, s: 'x', b: true, ts: 5 } }, { kind: 'wm', value: Infinity }];
    const [row] = run(window(['k', 'g'], 10), events).emitted;
    expect(Object.keys(row!)).toEqual(['k', 'g', 'window_start', 'window_end', ...ALL_AGGREGATES.map((a) => a.as)]);
  });
});
