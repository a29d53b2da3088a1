import { describe, expect, it } from 'vitest';
import { linePath, niceRange, ticks } from './line-chart-geometry';

describe('line chart geometry', () => {
  it('starts the y range at 0 and rounds its top up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceRange([])).toEqual({ min: 0, max: 1 });
    expect(niceRange([0, 0])).toEqual({ min: 0, max: 1 });
    expect(niceRange([3, 7])).toEqual({ min: 0, max: 10 });
    expect(niceRange([135])).toEqual({ min: 0, max: 200 });
    expect(niceRange([230])).toEqual({ min: 0, max: 250 });
    expect(niceRange([4100])).toEqual({ min: 0, max: 5000 });
  });

  it('spaces ticks evenly', () => {
    expect(ticks({ min: 0, max: 200 })).toEqual([0, 50, 100, 150, 200]);
  });

  it('scales points into the box with y growing upwards', () => {
    const path = linePath([{ x: 0, y: 0 }, { x: 5, y: 50 }, { x: 10, y: 100 }], { min: 0, max: 10 }, { min: 0, max: 100 }, 200, 100);
    expect(path).toBe('M0.0,100.0 L100.0,50.0 L200.0,0.0');
    expect(linePath([], { min: 0, max: 1 }, { min: 0, max: 1 }, 10, 10)).toBe('');
  });
});
