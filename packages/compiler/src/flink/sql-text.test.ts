import { describe, expect, it } from 'vitest';
import { configDuration, ident, interval, plusInterval, str } from './sql-text';

describe('Flink SQL spelling', () => {
  it('back-quotes identifiers and doubles back-quotes inside them', () => {
    expect(ident('per-minute')).toBe('`per-minute`');
    expect(ident('odd`name')).toBe('`odd``name`');
  });

  it('quotes strings and doubles single quotes', () => {
    expect(str("it's")).toBe("'it''s'");
  });

  it('writes intervals in the largest exact unit', () => {
    expect(interval(5_000)).toBe("INTERVAL '5' SECOND");
    expect(interval(60_000)).toBe("INTERVAL '1' MINUTE");
    expect(interval(90_000)).toBe("INTERVAL '90' SECOND");
    expect(interval(7_200_000)).toBe("INTERVAL '2' HOUR");
    expect(interval(86_400_000)).toBe("INTERVAL '1' DAY");
  });

  it('writes sub-second intervals as seconds with milliseconds', () => {
    expect(interval(250)).toBe("INTERVAL '0.250' SECOND");
    expect(interval(1_500)).toBe("INTERVAL '1.500' SECOND");
  });

  it('declares the leading precision when the value has more than two digits', () => {
    expect(interval(120_000 + 1)).toBe("INTERVAL '120.001' SECOND(3, 3)");
    expect(interval(100 * 86_400_000)).toBe("INTERVAL '100' DAY(3)");
    expect(interval(125_000)).toBe("INTERVAL '125' SECOND(3)");
  });

  it('refuses a non-positive interval', () => {
    expect(() => interval(0)).toThrow(RangeError);
    expect(() => interval(-5)).toThrow(RangeError);
  });

  it('adds or subtracts an offset that may be negative or zero', () => {
    expect(plusInterval('t', 0)).toBe('t');
    expect(plusInterval('t', 5_000)).toBe("t + INTERVAL '5' SECOND");
    expect(plusInterval('t', -500)).toBe("t - INTERVAL '0.500' SECOND");
  });

  it('writes configuration durations Flink parses', () => {
    expect(configDuration(10_000)).toBe('10s');
    expect(configDuration(250)).toBe('250ms');
    expect(configDuration(300_000)).toBe('5min');
    expect(configDuration(3_600_000)).toBe('1h');
  });
});
