import { describe, expect, it } from 'vitest';
import { timeAgo } from './format-time';

describe('timeAgo', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  it('says just now, minutes, hours and days', () => {
    expect(timeAgo('2026-01-01T11:59:50Z', now)).toBe('just now');
    expect(timeAgo('2026-01-01T11:57:00Z', now)).toBe('3 minutes ago');
    expect(timeAgo('2026-01-01T09:00:00Z', now)).toBe('3 hours ago');
    expect(timeAgo('2025-12-31T12:00:00Z', now)).toBe('yesterday');
    expect(timeAgo('not a time', now)).toBe('not a time');
  });
});
