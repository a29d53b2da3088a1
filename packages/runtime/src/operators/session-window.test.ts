import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SessionWindow } from './session-window';
import type { AggregateSpec } from './params';
import { ALL_AGGREGATES, canonical, Recorder, run, runWithRestore, streamArb } from './test-support';
import { sessionModel, sessionOffline } from './window-oracles';

const KEYINGS = [[], ['k'], ['k', 'g']];

const session = (keyBy: string[], gapMs: number, aggregates: AggregateSpec[] = ALL_AGGREGATES) =>
  new SessionWindow({ keyBy, aggregates, timeField: 'ts', gapMs });

const count: AggregateSpec[] = [{ fn: 'count', as: 'n' }];

describe('SessionWindow', { timeout: 120_000 }, () => {
  it('matches offline sessionization (sort, cut at gaps > gap) when nothing is late', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KEYINGS),
        fc.constantFrom(500, 2000, 5000),
        fc.constantFrom(1, 500),
        (keyBy, gap, grain) =>
          fc.assert(
            fc.property(streamArb({ span: 60_000, ooo: 3000, lateFactor: 1, nullTimes: true, grain }), (events) => {
              const op = session(keyBy, gap);
              const rec = run(op, events);
              expect(rec.lates).toEqual([]);
              expect(canonical(rec.log)).toEqual(canonical(sessionOffline(events, keyBy, ALL_AGGREGATES, gap)));
              expect(op.stateSize()).toBe(0);
            }),
            { numRuns: 8 },
          ),
      ),
      { numRuns: 9 },
    );
  });

  it('matches a naive model, order included, with late records and merges', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KEYINGS),
        fc.constantFrom(500, 2000, 5000),
        fc.constantFrom(1, 3),
        fc.constantFrom(1, 500),
        (keyBy, gap, lateFactor, grain) =>
          fc.assert(
            fc.property(streamArb({ span: 60_000, ooo: 3000, lateFactor, nullTimes: true, grain }), (events) => {
              const op = session(keyBy, gap);
              const expected = sessionModel(events, keyBy, ALL_AGGREGATES, gap);
              const sizes: number[] = [];
              const rec = run(op, events, new Recorder(), 0, events.length, () => sizes.push(op.stateSize()));
              expect(rec.log).toEqual(expected.log);
              expect(sizes).toEqual(expected.sizes);
              expect(op.droppedNullTime).toBe(expected.nullTimes);
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
          const whole = run(session(keyBy, 1500), events);
          const resumed = runWithRestore(session(keyBy, 1500), session(keyBy, 1500), events, cut);
          expect(resumed.log).toEqual(whole.log);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('joins records exactly gap apart (windows that touch merge, as in Flink)', () => {
    const op = session([], 10, count);
    const rec = new Recorder();
    op.process({ ts: 0 }, rec);
    op.process({ ts: 10 }, rec);
    op.process({ ts: 21 }, rec);
    op.process({ ts: 50 }, rec);
    op.process({ ts: 40 }, rec); // exactly gap before a session's start
    op.onWatermark(Infinity, rec);
    expect(rec.emitted).toEqual([
      { window_start: 0, window_end: 20, n: 2 },
      { window_start: 21, window_end: 31, n: 1 },
      { window_start: 40, window_end: 60, n: 2 },
    ]);
  });

  it('fires when the watermark reaches window_end, so a record at window_end still extends the session', () => {
    const op = session([], 10, count);
    const rec = new Recorder();
    op.process({ ts: 0 }, rec);
    op.onWatermark(9, rec);
    expect(rec.emitted).toEqual([]);
    op.process({ ts: 10 }, rec);
    op.onWatermark(19, rec);
    expect(rec.emitted).toEqual([]);
    op.onWatermark(20, rec);
    expect(rec.emitted).toEqual([{ window_start: 0, window_end: 20, n: 2 }]);
  });

  it('merges sessions bridged by a late-arriving record, and extends a session backwards', () => {
    const op = session(['k'], 10, [...count, { fn: 'first', field: 'v', as: 'first', inputType: 'string' }]);
    const rec = new Recorder();
    op.process({ k: 'a', ts: 100, v: 'x' }, rec);
    op.process({ k: 'a', ts: 118, v: 'y' }, rec);
    expect(op.stateSize()).toBe(2);
    op.process({ k: 'a', ts: 109, v: 'z' }, rec); // [109, 119] touches both: one session
    expect(op.stateSize()).toBe(1);
    op.process({ k: 'a', ts: 95, v: 'w' }, rec); // earlier than the start, within the gap
    op.onWatermark(Infinity, rec);
    expect(rec.emitted).toEqual([{ k: 'a', window_start: 95, window_end: 128, n: 4, first: 'w' }]);
  });

  it('merges a record behind the watermark into an open session, and calls it late only when it touches none', () => {
    const op = session([], 10, count);
    const rec = new Recorder();
    op.process({ ts: 100 }, rec);
    op.onWatermark(105, rec);
    op.process({ ts: 92 }, rec); // behind the watermark, but touches [100, 110]
    op.process({ ts: 80 }, rec); // [80, 90] touches nothing open and is complete
    expect(rec.lates).toEqual([{ ts: 80 }]);
    op.process({ ts: 96 + 10 }, rec);
    op.onWatermark(Infinity, rec);
    expect(rec.emitted).toEqual([{ window_start: 92, window_end: 116, n: 3 }]);
  });

  it('emits by window end, then by the order keys appeared', () => {
    const op = session(['k'], 10, count);
    const rec = new Recorder();
    op.process({ k: 'b', ts: 5 }, rec);
    op.process({ k: 'a', ts: 5 }, rec);
    op.process({ k: 'c', ts: 1 }, rec);
    op.onWatermark(Infinity, rec);
    expect(rec.emitted.map((r) => r.k)).toEqual(['c', 'b', 'a']);
  });
});
