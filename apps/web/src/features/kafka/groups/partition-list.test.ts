import { describe, expect, it } from 'vitest';
import { parsePartitions } from './partition-list';

describe('parsePartitions', () => {
  it('reads numbers and ranges, sorted and without repeats', () => {
    expect(parsePartitions('2, 0-1, 1')).toEqual([0, 1, 2]);
    expect(parsePartitions('')).toEqual([]);
    expect(parsePartitions('a')).toBeNull();
    expect(parsePartitions('3-1')).toBeNull();
  });
});
