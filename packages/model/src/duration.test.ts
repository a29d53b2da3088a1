import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { durationMs, durationSchema, formatDuration, parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['250ms', 250],
    ['10s', 10_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1d', 86_400_000],
    ['90m', 5_400_000],
    ['007s', 7_000],
  ])('reads %s as %i ms', (text, ms) => {
    expect(parseDuration(text)).toEqual({ ok: true, ms });
  });

  it('allows zero and negative values only where asked', () => {
    expect(parseDuration('0s').ok).toBe(false);
    expect(parseDuration('0s', { allowZero: true })).toEqual({ ok: true, ms: 0 });
    expect(parseDuration('-5s').ok).toBe(false);
    expect(parseDuration('-5s', { allowNegative: true })).toEqual({ ok: true, ms: -5000 });
    expect(parseDuration('-0s', { allowNegative: true, allowZero: true })).toEqual({ ok: true, ms: 0 });
  });

  it.each([
    ['1h30m', "did you mean '90m'?"],
    ['1.5s', "did you mean '1500ms'?"],
    ['10 s', "did you mean '10s'?"],
    ['10sec', "did you mean '10s'?"],
    ['2 minutes', "did you mean '2m'?"],
    ['10S', "did you mean '10s'?"],
    ['10', "did you mean '10s' or '10ms'?"],
  ])('rejects %s and suggests the accepted spelling', (text, hint) => {
    const result = parseDuration(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(hint);
  });

  it('explains what is wrong with values it cannot read', () => {
    const messages = ['', 'soon', '1w', 5, null].map((v) => {
      const r = parseDuration(v);
      return r.ok ? 'accepted' : r.message;
    });
    expect(messages[0]).toContain('empty');
    expect(messages[1]).toContain("'soon' is not a duration");
    expect(messages[2]).toContain("one unit, ms, s, m, h or d");
    expect(messages[3]).toContain("did you mean '5s' or '5ms'?");
    expect(messages[4]).toContain('a duration is a string');
    expect(parseDuration('99999999999999999d').ok).toBe(false);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [250, '250ms'],
    [1_500, '1500ms'],
    [90_000, '90s'],
    [60_000, '1m'],
    [5_400_000, '90m'],
    [86_400_000, '1d'],
    [-5_000, '-5s'],
  ])('writes %i ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('round-trips through parseDuration', () => {
    for (const ms of [1, 999, 1000, 61_000, 3_600_000, 172_800_000, -250]) {
      expect(parseDuration(formatDuration(ms), { allowNegative: true })).toEqual({ ok: true, ms });
    }
  });

  it('refuses fractions of a millisecond', () => {
    expect(() => formatDuration(1.5)).toThrow(RangeError);
  });
});

describe('durationMs and durationSchema', () => {
  it('durationMs reads validated values and throws on others', () => {
    expect(durationMs('-1m')).toBe(-60_000);
    expect(() => durationMs('1 minute')).toThrow(/not a duration/);
  });

  it('durationSchema reports INVALID_DURATION through the issue params', () => {
    const schema = z.object({ size: durationSchema() });
    const result = schema.safeParse({ size: '1 min' });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.code).toBe('custom');
    expect(issue?.path).toEqual(['size']);
    expect(issue?.code === 'custom' && issue.params?.code).toBe('INVALID_DURATION');
    expect(schema.parse({ size: '1m' })).toEqual({ size: '1m' });
  });
});
