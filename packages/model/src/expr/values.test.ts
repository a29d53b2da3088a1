import { describe, expect, it } from 'vitest';
import { castAllowed } from './casts';
import {
  bigintAdd, bigintDiv, bigintMul, javaDoubleToString, parseBoolean, parseDouble, parseIntegral, roundDouble, roundInteger,
} from './numbers';
import { compileRegex, likeToRegExp, PatternCache, PatternError } from './patterns';
import { charLength, compareStrings, positionSql, replaceSql, substringSql, trimSql } from './strings';
import { civilFromMillis, formatTimestamp, parseTimestamp } from './timestamps';

describe('numbers', () => {
  it('formats doubles as Java Double.toString', () => {
    const cases: [number, string][] = [
      [1, '1.0'], [-1.5, '-1.5'], [100, '100.0'], [0.001, '0.001'], [0.0009, '9.0E-4'], [9999999, '9999999.0'],
      [10000000, '1.0E7'], [1.234e-5, '1.234E-5'], [1e21, '1.0E21'], [123456789.125, '1.23456789125E8'],
      [Number.MAX_VALUE, '1.7976931348623157E308'], [Number.MIN_VALUE, '4.9E-324'], [Infinity, 'Infinity'], [-Infinity, '-Infinity'],
    ];
    for (const [x, s] of cases) expect(javaDoubleToString(x)).toBe(s);
  });

  it('rounds the decimal value half away from zero (BigDecimal HALF_UP)', () => {
    expect(roundDouble(2.675, 2)).toBe(2.68);
    expect(roundDouble(1.005, 2)).toBe(1.01);
    expect(roundDouble(-1.005, 2)).toBe(-1.01);
    expect(roundDouble(0.5, 0)).toBe(1);
    expect(roundDouble(0.49999999999999994, 0)).toBe(0);
    expect(roundDouble(123.456, -1)).toBe(120);
    expect(roundDouble(999.9, -3)).toBe(1000);
    expect(roundDouble(1e300, 2)).toBe(1e300);
    expect(roundDouble(1.5e-300, 2)).toBe(0);
    expect(Object.is(roundDouble(-0.0001, 2), 0)).toBe(true);
    expect(roundDouble(NaN, 0)).toBeUndefined();
    expect(roundInteger(25, -1, 32)).toBe(30);
    expect(roundInteger(-25, -1, 32)).toBe(-30);
    expect(roundInteger(24, -1, 32)).toBe(20);
    expect(roundInteger(5, -40, 64)).toBe(0);
  });

  it('computes BIGINT within 2^53 exactly and wraps like Java long beyond', () => {
    expect(bigintAdd(2 ** 53 - 2, 1)).toBe(2 ** 53 - 1);
    expect(bigintAdd(2 ** 62, 2 ** 62)).toBe(-(2 ** 63));
    expect(bigintMul(-(2 ** 62), 2)).toBe(-(2 ** 63));
    expect(bigintMul(-(2 ** 62), 4)).toBe(0);
    expect(bigintDiv(-7, 2)).toBe(-3);
    expect(bigintDiv(2 ** 53 - 1, 3)).toBe(3002399751580330);
    expect(Object.is(bigintDiv(-1, 5), 0)).toBe(true);
  });

  it('parses integers as Flink: spaces trimmed, fraction dropped, overflow rejected', () => {
    expect(parseIntegral('  12 ', 32)).toBe(12);
    expect(parseIntegral('+7', 32)).toBe(7);
    expect(parseIntegral('-12.99', 32)).toBe(-12);
    expect(parseIntegral('.5', 32)).toBe(0);
    expect(parseIntegral('1.', 32)).toBe(1);
    expect(parseIntegral('2147483647', 32)).toBe(2147483647);
    expect(parseIntegral('-2147483648', 32)).toBe(-2147483648);
    expect(parseIntegral('2147483648', 32)).toBeUndefined();
    expect(parseIntegral('2147483648', 64)).toBe(2147483648);
    expect(parseIntegral('9223372036854775808', 64)).toBeUndefined();
    for (const bad of ['', ' ', '+', '-', '1e3', '0x10', '1.2.3', '1 2', '\t7', '12a', '1.5x']) {
      expect(parseIntegral(bad, 32), JSON.stringify(bad)).toBeUndefined();
    }
  });

  it('parses doubles as Java Double.parseDouble (decimal forms)', () => {
    expect(parseDouble(' 1.5 ')).toBe(1.5);
    expect(parseDouble('\t-2e3\n')).toBe(-2000);
    expect(parseDouble('.5')).toBe(0.5);
    expect(parseDouble('5.')).toBe(5);
    expect(parseDouble('1.5d')).toBe(1.5);
    expect(parseDouble('2F')).toBe(2);
    expect(parseDouble('NaN')).toBeNaN();
    expect(parseDouble('-Infinity')).toBe(-Infinity);
    expect(parseDouble('1e400')).toBe(Infinity);
    for (const bad of ['', '.', 'e5', '1e', 'abc', 'NaNd', 'infinity', '1,5', '0x1p3']) {
      expect(parseDouble(bad), bad).toBeUndefined();
    }
  });

  it('parses booleans from Flink’s words, in any case, without trimming', () => {
    for (const w of ['t', 'TRUE', 'y', 'Yes', '1']) expect(parseBoolean(w)).toBe(true);
    for (const w of ['f', 'False', 'n', 'NO', '0']) expect(parseBoolean(w)).toBe(false);
    for (const w of ['', 'on', ' true', '2']) expect(parseBoolean(w)).toBeUndefined();
  });
});

describe('strings', () => {
  it('counts and slices by character, not UTF-16 unit', () => {
    expect(charLength('a😀b')).toBe(3);
    expect(substringSql('a😀b', 2, 1)).toBe('😀');
    expect(substringSql('a😀b', -1)).toBe('b');
    expect(positionSql('b', 'a😀b')).toBe(3);
  });

  it('orders by UTF-16 code unit, as Flink compares', () => {
    expect(compareStrings('\uFF5E', '😀')).toBeGreaterThan(0);
    expect(compareStrings('😀', '\uFF5E')).toBeLessThan(0);
    expect(compareStrings('a', 'b')).toBeLessThan(0);
    expect(compareStrings('ab', 'a')).toBeGreaterThan(0);
    expect(compareStrings('\uD7FF', '😀')).toBeLessThan(0);
    expect(compareStrings('x', 'x')).toBe(0);
  });

  it('trims spaces or a set of characters and replaces literally', () => {
    expect(trimSql('\t a \n', 'BOTH', ' ')).toBe('\t a \n');
    expect(trimSql('  a  ', 'LEADING', ' ')).toBe('a  ');
    expect(trimSql('😀x😀', 'BOTH', '😀')).toBe('x');
    expect(replaceSql('a$1a', 'a', '$&')).toBe('$&$1$&');
  });
});

describe('timestamps', () => {
  it('formats and splits epoch milliseconds in UTC, before 1970 and in early years too', () => {
    expect(formatTimestamp(0)).toBe('1970-01-01 00:00:00.000');
    expect(formatTimestamp(-1)).toBe('1969-12-31 23:59:59.999');
    expect(formatTimestamp(Date.UTC(2024, 1, 29, 12, 0, 0, 5))).toBe('2024-02-29 12:00:00.005');
    const early = new Date(0);
    early.setUTCFullYear(42, 0, 1);
    expect(formatTimestamp(early.getTime())).toBe('0042-01-01 00:00:00.000');
    expect(civilFromMillis(Date.UTC(2000, 11, 31, 23, 59, 58, 999))).toEqual({
      year: 2000, month: 12, day: 31, hour: 23, minute: 59, second: 58, millis: 999,
    });
  });

  it('parses the forms Flink’s default timestamp parser accepts', () => {
    expect(parseTimestamp('2024-01-02')).toBe(Date.UTC(2024, 0, 2));
    expect(parseTimestamp('2024-1-2 3:04:5')).toBe(Date.UTC(2024, 0, 2, 3, 4, 5));
    expect(parseTimestamp('2024-01-02 03:04:05.1')).toBe(Date.UTC(2024, 0, 2, 3, 4, 5, 100));
    expect(parseTimestamp('2024-01-02 03:04:05.123456789')).toBe(Date.UTC(2024, 0, 2, 3, 4, 5, 123));
    expect(parseTimestamp('2023-02-29')).toBe(Date.UTC(2023, 1, 28));
    expect(parseTimestamp('2024-04-31 10:00:00')).toBe(Date.UTC(2024, 3, 30, 10));
    expect(parseTimestamp('2024-01-02 24:00:00.000')).toBe(Date.UTC(2024, 0, 3));
    expect(parseTimestamp('2024-01-02 03:04:05.')).toBe(Date.UTC(2024, 0, 2, 3, 4, 5));
    for (const bad of ['2024-01-02T03:04:05', '2024-01-02 03:04', '2024-13-01', '2024-00-10', '2024-01-32', '2024-01-02 24:00:01',
      '2024-01-02 24:00:00.5', '12024-01-02', '2024-01-02 ',
      '24-01-02', '2024-01-02Z', ' 2024-01-02', '2024-01-02 03:04:05+01:00']) {
      expect(parseTimestamp(bad), bad).toBeUndefined();
    }
  });
});

describe('patterns', () => {
  it('escapes every regular-expression character of a LIKE pattern', () => {
    const meta = '.*+?^${}()|[]\\/-';
    expect(likeToRegExp(meta, null).test(meta)).toBe(true);
    expect(likeToRegExp(meta, null).test('x')).toBe(false);
  });

  it('rejects bad escapes and multi-character ESCAPE', () => {
    expect(() => likeToRegExp('a!', '!')).toThrow(PatternError);
    expect(() => likeToRegExp('a!b', '!')).toThrow(/escape character must be followed by %, _ or itself/);
    expect(() => likeToRegExp('a', '!!')).toThrow(/exactly one character/);
  });

  it('maps leading Java inline flags and rejects constructs JavaScript lacks', () => {
    expect(compileRegex('(?i)abc').test('ABC')).toBe(true);
    expect(compileRegex('(?s)a.b').test('a\nb')).toBe(true);
    expect(compileRegex('\\p{L}+').test('été')).toBe(true);
    expect(() => compileRegex('a++')).toThrow(PatternError);
    expect(() => compileRegex('(?>a)')).toThrow(PatternError);
    expect(() => compileRegex('\\Qa.b\\E')).toThrow(PatternError);
  });

  it('bounds the cache of computed patterns', () => {
    let built = 0;
    const cache = new PatternCache((k) => {
      built++;
      return new RegExp(k);
    }, 2);
    cache.get('a');
    cache.get('a');
    expect(built).toBe(1);
    cache.get('b');
    cache.get('c');
    cache.get('a');
    expect(built).toBe(4);
    expect(cache.get('(')).toBeInstanceOf(PatternError);
  });
});

describe('cast rules', () => {
  it('allows what Flink allows', () => {
    expect(castAllowed('string', 'timestamp')).toBe(true);
    expect(castAllowed('boolean', 'double')).toBe(true);
    expect(castAllowed('bigint', 'boolean')).toBe(true);
    expect(castAllowed('double', 'boolean')).toBe(true);
    expect(castAllowed('timestamp', 'bigint')).toBe(false);
    expect(castAllowed('int', 'timestamp')).toBe(false);
  });
});
