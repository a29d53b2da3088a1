import { describe, expect, it } from 'vitest';
import { bytes, compact, count, perSecond } from './format';

describe('kafka console formatting', () => {
  it('shortens large numbers and keeps small ones exact', () => {
    expect(compact(950)).toBe('950');
    expect(compact(9999)).toBe('9,999');
    expect(compact(12_345)).toBe('12.3k');
    expect(compact(1_500_000)).toBe('1.5M');
    expect(compact(250_000_000)).toBe('250M');
    expect(count(1234567)).toBe('1,234,567');
  });

  it('writes sizes in binary units and unknown sizes as a dash', () => {
    expect(bytes(512)).toBe('512 B');
    expect(bytes(1536)).toBe('1.5 KiB');
    expect(bytes(77_310_367)).toBe('73.7 MiB');
    expect(bytes(null)).toBe('—');
  });

  it('writes rates per second, unknown ones as a dash', () => {
    expect(perSecond(null)).toBe('—');
    expect(perSecond(0)).toBe('0/s');
    expect(perSecond(2.25)).toBe('2.3/s');
    expect(perSecond(48_210)).toBe('48.2k/s');
  });
});
