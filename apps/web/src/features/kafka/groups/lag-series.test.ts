import { describe, expect, it } from 'vitest';
import { lagLines, mergeLag } from './lag-series';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000).toISOString();
const point = (s: number, lag: number, topics: Record<string, number> = { t: lag }) => ({ at: at(s), lag, topics });

describe('lag series', () => {
  it('merges history with live samples by time, newest hour only', () => {
    const merged = mergeLag([point(0, 5), point(5, 7)], [point(5, 7), point(10, 9)]);
    expect(merged.map((p) => p.lag)).toEqual([5, 7, 9]);
    expect(mergeLag([point(0, 1)], [point(4000, 2)]).map((p) => p.lag)).toEqual([2]);
  });

  it('draws one line for one topic, and the total plus each topic for several', () => {
    expect(lagLines([point(0, 5)]).map((l) => l.label)).toEqual(['total']);
    const lines = lagLines([point(0, 5, { a: 2, b: 3 }), point(5, 6, { a: 1, b: 5 })]);
    expect(lines.map((l) => l.label)).toEqual(['total', 'a', 'b']);
    expect(lines[2]!.points.map((p) => p.y)).toEqual([3, 5]);
  });
});
