import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Row } from '@weir/model/field';
import { IntervalJoin } from './interval-join';
import { joinOutputMapping } from './join-fields';
import type { IntervalJoinParams } from './params';
import { Recorder, run, runWithRestore, type Event, type LogEntry } from './test-support';

const LEFT = ['k', 'g', 'ts', 'v'];
const RIGHT = ['k', 'g', 'ts', 'w'];
const BOUNDS: [number, number][] = [[-2000, 1000], [0, 0], [-500, -100], [100, 3000], [-1000, 1000]];

const params = (lowerMs: number, upperMs: number, on: string[]): IntervalJoinParams => ({
  on: on.map((f) => ({ left: f, right: f })),
  lowerMs,
  upperMs,
  leftTimeField: 'ts',
  rightTimeField: 'ts',
  output: joinOutputMapping(LEFT, RIGHT),
});

const combine = (l: Row, r: Row): Row => ({
  k: l.k ?? null, g: l.g ?? null, ts: l.ts ?? null, v: l.v ?? null,
  k_right: r.k ?? null, g_right: r.g ?? null, ts_right: r.ts ?? null, w: r.w ?? null,
});

interface Gen { ooo: number; lateFactor: number; grain: number }

const sideArb = (o: Gen, value: 'v' | 'w') =>
  fc.array(
    fc
      .record({
        k: fc.constantFrom('a', 'b', 'c', null),
        g: fc.constantFrom(1, 2),
        ts: fc.option(fc.integer({ min: 0, max: 30_000 / o.grain }).map((x) => x * o.grain), { freq: 25 }),
        x: fc.integer({ min: 0, max: 9 }),
        delay: fc.integer({ min: 0, max: Math.floor(o.ooo * o.lateFactor) - (o.lateFactor <= 1 ? 1 : 0) }),
      })
      .map(({ x, ...r }) => ({ ...r, row: { k: r.k, g: r.g, ts: r.ts, [value]: x } as Row })),
    { minLength: 20, maxLength: 70 },
  );

/** Both inputs interleaved by arrival; the watermark is the minimum of the two sources' watermarks. */
const joinStreamArb = (o: Gen) =>
  fc.tuple(sideArb(o, 'v'), sideArb(o, 'w'), fc.array(fc.boolean(), { minLength: 140, maxLength: 140 })).map(([ls, rs, emit]) => {
    const tagged = [...ls.map((r) => ({ r, port: 'left' as const })), ...rs.map((r) => ({ r, port: 'right' as const }))].map((x, i) => ({
      ...x,
      i,
      at: (x.r.ts ?? 15_000) + x.r.delay,
    }));
    tagged.sort((a, b) => a.at - b.at || a.i - b.i);
    const max = { left: -Infinity, right: -Infinity };
    const events: Event[] = [];
    tagged.forEach(({ r, port }, i) => {
      events.push({ kind: 'row', row: r.row, port });
      if (r.ts !== null && r.ts > max[port]) max[port] = r.ts;
      if (emit[i % emit.length]) events.push({ kind: 'wm', value: Math.min(max.left, max.right) - o.ooo });
    });
    events.push({ kind: 'wm', value: Infinity });
    return events;
  });

const sameKey = (on: string[], l: Row, r: Row) => on.every((f) => l[f] !== null && l[f] !== undefined && l[f] === r[f]);

/** Every matching pair, by nested loop over the whole input. */
function nestedLoop(events: readonly Event[], lower: number, upper: number, on: string[]): string[] {
  const rows = (port: string) => events.flatMap((e) => (e.kind === 'row' && e.port === port && e.row.ts !== null ? [e.row] : []));
  const out: string[] = [];
  for (const l of rows('left')) {
    for (const r of rows('right')) {
      const [tl, tr] = [l.ts as number, r.ts as number];
      if (sameKey(on, l, r) && tl + lower <= tr && tr <= tl + upper) out.push(JSON.stringify(combine(l, r)));
    }
  }
  return out.sort();
}

/** The join's rules applied naively, keeping every row and scanning. */
function joinModel(events: readonly Event[], lower: number, upper: number, on: string[]) {
  let wm = -Infinity;
  const kept: { port: 'left' | 'right'; row: Row; t: number; seq: number }[] = [];
  const retained = (k: (typeof kept)[number]) => (k.port === 'left' ? k.t + upper > wm : k.t - lower > wm);
  const log: LogEntry[] = [];
  const sizes: number[] = [];
  events.forEach((e, step) => {
    if (e.kind === 'wm') wm = Math.max(wm, e.value);
    else if (e.row.ts !== null) {
      const t = e.row.ts as number;
      const left = e.port === 'left';
      const late = left ? t + upper - Math.min(lower, 0) <= wm : t - lower + Math.max(upper, 0) <= wm;
      if (late) log.push({ step, what: 'late', row: e.row });
      else if (on.every((f) => e.row[f] !== null)) {
        const partners = kept
          .filter((k) => k.port !== e.port && retained(k) && (left ? sameKey(on, e.row, k.row) : sameKey(on, k.row, e.row)))
          .filter((k) => (left ? t + lower <= k.t && k.t <= t + upper : k.t + lower <= t && t <= k.t + upper))
          .sort((a, b) => a.t - b.t || a.seq - b.seq);
        for (const p of partners) log.push({ step, what: 'emit', row: left ? combine(e.row, p.row) : combine(p.row, e.row) });
        if (left ? t + upper > wm : t - lower > wm) kept.push({ port: e.port!, row: e.row, t, seq: step });
      }
    }
    sizes.push(kept.filter(retained).length);
  });
  return { log, sizes };
}

describe('IntervalJoin', { timeout: 120_000 }, () => {
  it('emits exactly the pairs of a nested loop when nothing is late', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BOUNDS), fc.constantFrom<string[]>(['k'], ['k', 'g'], []), fc.constantFrom(1, 500), ([lower, upper], on, grain) =>
        fc.assert(
          fc.property(joinStreamArb({ ooo: 2000, lateFactor: 1, grain }), (events) => {
            const op = new IntervalJoin(params(lower, upper, on));
            const rec = run(op, events);
            expect(rec.lates).toEqual([]);
            expect(rec.emitted.map((r) => JSON.stringify(r)).sort()).toEqual(nestedLoop(events, lower, upper, on));
            expect(op.stateSize()).toBe(0);
          }),
          { numRuns: 8 },
        ),
      ),
      { numRuns: 15 },
    );
  });

  it('follows its rules for late rows and retention, order and state size included', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BOUNDS), fc.constantFrom<string[]>(['k'], ['k', 'g']), fc.constantFrom(1, 500), ([lower, upper], on, grain) =>
        fc.assert(
          fc.property(joinStreamArb({ ooo: 2000, lateFactor: 3, grain }), (events) => {
            const op = new IntervalJoin(params(lower, upper, on));
            const expected = joinModel(events, lower, upper, on);
            const sizes: number[] = [];
            const rec = run(op, events, new Recorder(), 0, events.length, () => sizes.push(op.stateSize()));
            expect(rec.log).toEqual(expected.log);
            expect(sizes).toEqual(expected.sizes);
          }),
          { numRuns: 8 },
        ),
      ),
      { numRuns: 15 },
    );
  });

  it('gives the same output when snapshotted and restored at any point', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BOUNDS), joinStreamArb({ ooo: 2000, lateFactor: 2, grain: 250 }), fc.double({ min: 0, max: 1, noNaN: true }), ([lower, upper], events, at) => {
        const cut = Math.floor(at * events.length);
        const make = () => new IntervalJoin(params(lower, upper, ['k']));
        expect(runWithRestore(make(), make(), events, cut).log).toEqual(run(make(), events).log);
      }),
      { numRuns: 60 },
    );
  });

  it('includes both bounds, never matches NULL keys, and names taken right fields with _right', () => {
    const op = new IntervalJoin(params(-10, 5, ['k']));
    const rec = new Recorder();
    op.process({ k: 'a', g: 1, ts: 100, v: 1 }, rec, 'left');
    op.process({ k: null, g: 1, ts: 100, v: 2 }, rec, 'left');
    for (const ts of [89, 90, 100, 105, 106]) op.process({ k: 'a', g: 2, ts, w: ts }, rec, 'right');
    op.process({ k: null, g: 2, ts: 100, w: 0 }, rec, 'right');
    expect(rec.emitted).toEqual([
      { k: 'a', g: 1, ts: 100, v: 1, k_right: 'a', g_right: 2, ts_right: 90, w: 90 },
      { k: 'a', g: 1, ts: 100, v: 1, k_right: 'a', g_right: 2, ts_right: 100, w: 100 },
      { k: 'a', g: 1, ts: 100, v: 1, k_right: 'a', g_right: 2, ts_right: 105, w: 105 },
    ]);
    expect(op.stateSize()).toBe(6);
  });

  it('drops buffered rows as the watermark passes them, down to nothing', () => {
    const op = new IntervalJoin(params(-100, 50, ['k']));
    const rec = new Recorder();
    for (let t = 0; t < 1000; t += 10) {
      op.process({ k: 'a', ts: t }, rec, 'left');
      op.process({ k: 'a', ts: t }, rec, 'right');
    }
    expect(op.stateSize()).toBe(200);
    op.onWatermark(499, rec); // the rows exactly one past each bound stay: left 450, right 400
    expect(op.stateSize()).toBe(55 + 60);
    op.onWatermark(500, rec); // keeps left rows with t + 50 > 500 and right rows with t + 100 > 500
    expect(op.stateSize()).toBe(54 + 59);
    op.onWatermark(900, rec);
    expect(op.stateSize()).toBe(14 + 19);
    op.onWatermark(Infinity, rec);
    expect(op.stateSize()).toBe(0);
    op.process({ k: 'a', ts: 2000 }, rec, 'left');
    expect(rec.lates).toHaveLength(1);
  });

  it('lags its output watermark by the widest bound, and needs a port', () => {
    expect(new IntervalJoin(params(-300, 100, [])).outputWatermark(1000)).toBe(700);
    expect(new IntervalJoin(params(50, 100, [])).outputWatermark(1000)).toBe(900);
    expect(() => new IntervalJoin(params(0, 0, [])).process({ ts: 1 }, new Recorder())).toThrow(/BAD_PORT/);
    expect(() => new IntervalJoin(params(5, 0, []))).toThrow(/BAD_OPERATOR_PARAMS: interval-join parameter lowerMs/);
  });
});

describe('joinOutputMapping', () => {
  it('keeps left names and suffixes taken right names with _right', () => {
    expect(joinOutputMapping(['id', 'ts', 'ts_right'], ['id', 'price', 'ts'])).toEqual({
      left: [{ from: 'id', as: 'id' }, { from: 'ts', as: 'ts' }, { from: 'ts_right', as: 'ts_right' }],
      right: [{ from: 'id', as: 'id_right' }, { from: 'price', as: 'price' }, { from: 'ts', as: 'ts_right_right' }],
    });
  });
});
