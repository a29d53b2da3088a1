import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SourceWatermarks, WatermarkCombiner } from './watermarks';

function source(idleTimeoutMs: number | null = null, ooo = 5) {
  const clock = { now: 1_000 };
  const wm = new SourceWatermarks({ maxOutOfOrdernessMs: ooo, idleTimeoutMs, clock: () => clock.now });
  return { wm, clock };
}

describe('SourceWatermarks', () => {
  it('is the minimum over partitions of (max event time − maxOutOfOrderness)', () => {
    const { wm } = source();
    wm.partition(0);
    wm.partition(1);
    expect(wm.update()).toBe(-Infinity);
    wm.observe(0, 100);
    expect(wm.update()).toBe(-Infinity); // partition 1 has read nothing yet
    wm.observe(1, 50);
    wm.observe(1, 40); // out of order: does not lower the partition's watermark
    expect(wm.update()).toBe(45);
    expect(wm.partitionWatermark(0)).toBe(95);
    expect(wm.partitionWatermark(1)).toBe(45);
    wm.observe(1, null); // a NULL event time moves nothing
    expect(wm.update()).toBe(45);
  });

  it('matches a brute-force min over partitions and never goes back', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(3), fc.option(fc.integer({ min: 0, max: 1000 }))), { maxLength: 80 }), (records) => {
        const { wm } = source(null, 10);
        for (const p of [0, 1, 2, 3]) wm.partition(p);
        let previous = -Infinity;
        records.forEach(([p, t], i) => {
          wm.observe(p, t);
          const seen = records.slice(0, i + 1);
          const perPartition = [0, 1, 2, 3].map((q) => Math.max(-Infinity, ...seen.filter(([r, u]) => r === q && u !== null).map(([, u]) => u!)) - 10);
          const expected = Math.max(previous, Math.min(...perPartition));
          expect(wm.update()).toBe(expected);
          previous = expected;
        });
      }),
    );
  });

  it('ignores a partition idle for idleTimeout, until it reads again', () => {
    const { wm, clock } = source(100);
    wm.observe(0, 1000);
    wm.observe(1, 500);
    expect(wm.update()).toBe(495);
    clock.now += 60;
    wm.observe(0, 1100);
    expect(wm.update()).toBe(495);
    clock.now += 40; // partition 1: 100 ms without a record
    expect(wm.update()).toBe(1095);
    expect(wm.isIdle).toBe(false);
    wm.observe(1, 600); // active again, behind: the source watermark does not go back
    expect(wm.update()).toBe(1095);
    expect(wm.partitionWatermark(1)).toBe(595);
  });

  it('counts a partition that never reads as idle after idleTimeout from its registration', () => {
    const { wm, clock } = source(100);
    wm.partition(0);
    wm.observe(1, 300);
    expect(wm.update()).toBe(-Infinity);
    clock.now += 99;
    wm.observe(1, 301);
    expect(wm.update()).toBe(-Infinity);
    clock.now += 1;
    expect(wm.update()).toBe(296);
  });

  it('flushes to the maximum over partitions when all are idle (FLINK-38454), and reports idleness', () => {
    const { wm, clock } = source(100);
    wm.observe(0, 200);
    wm.observe(1, 700);
    expect(wm.update()).toBe(195);
    clock.now += 100;
    expect(wm.update()).toBe(695);
    expect(wm.isIdle).toBe(true);
    wm.observe(0, 300);
    expect(wm.update()).toBe(695);
    expect(wm.isIdle).toBe(false);
  });

  it('goes to +Infinity at the end of bounded input, and when every partition has finished', () => {
    const a = source().wm;
    a.observe(0, 10);
    a.observe(1, 20);
    a.finishPartition(0);
    expect(a.update()).toBe(15); // a finished partition stops holding the watermark
    a.finishPartition(1);
    expect(a.update()).toBe(Infinity);
    const b = source().wm;
    b.observe(0, 10);
    b.endOfInput();
    expect(b.update()).toBe(Infinity);
    b.observe(0, 20);
    expect(b.update()).toBe(Infinity);
  });

  it('restores per-partition progress from a snapshot', () => {
    const { wm, clock } = source();
    wm.observe('p0', 100);
    wm.observe('p1', 200);
    wm.update();
    const restored = new SourceWatermarks({ maxOutOfOrdernessMs: 5, clock: () => clock.now });
    restored.restore(JSON.parse(JSON.stringify(wm.snapshot())));
    expect(restored.update()).toBe(95);
    restored.observe('p0', 300);
    expect(restored.update()).toBe(195);
  });
});

describe('WatermarkCombiner', () => {
  it('is the minimum of its inputs and never goes back', () => {
    const c = new WatermarkCombiner(2);
    expect(c.update(0, 100)).toBe(-Infinity);
    expect(c.update(1, 50)).toBe(50);
    expect(c.update(1, 40)).toBe(50);
    expect(c.update(1, 150)).toBe(100);
  });

  it('leaves idle inputs out, and takes the maximum when all are idle', () => {
    const c = new WatermarkCombiner(3);
    c.update(0, 10);
    c.update(1, 30);
    c.update(2, 20);
    expect(c.watermark).toBe(10);
    expect(c.update(0, 10, true)).toBe(20);
    expect(c.update(2, 20, true)).toBe(30);
    expect(c.update(1, 30, true)).toBe(30);
    expect(c.isIdle).toBe(true);
    expect(c.update(0, 25)).toBe(30);
    expect(c.isIdle).toBe(false);
    expect(() => new WatermarkCombiner(0)).toThrow(RangeError);
  });
});
