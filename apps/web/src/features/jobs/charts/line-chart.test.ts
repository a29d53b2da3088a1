import { describe, expect, it } from 'vitest';
import { niceMax, seriesPath } from './line-chart';

describe('seriesPath', () => {
  it('scales values into the box with y growing downwards and breaks at gaps', () => {
    expect(seriesPath([0, 5, 10], 10, 100, 50)).toBe('M0.0,50.0L50.0,25.0L100.0,0.0');
    expect(seriesPath([1, null, 1], 2, 10, 10)).toBe('M0.0,5.0M10.0,5.0');
    expect(seriesPath([], 1, 10, 10)).toBe('');
  });
});

describe('niceMax', () => {
  it('rounds the largest value up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceMax([{ name: 'a', color: '', values: [3, 17, null] }])).toBe(20);
    expect(niceMax([{ name: 'a', color: '', values: [230] }])).toBe(250);
    expect(niceMax([{ name: 'a', color: '', values: [] }])).toBe(1);
  });
});
