import { describe, expect, it } from 'vitest';
import { lineClass, NODE_LINE_MAX_CHARS } from './fits-unclipped';

describe('lineClass', () => {
  it('clips only text that may not fit', () => {
    expect(lineClass('Tidy 3.11', NODE_LINE_MAX_CHARS.name)).toBe('whitespace-nowrap');
    expect(lineClass('revenue-per-category', NODE_LINE_MAX_CHARS.name)).toBe('truncate');
    expect(lineClass('x'.repeat(NODE_LINE_MAX_CHARS.summary), NODE_LINE_MAX_CHARS.summary)).toBe('whitespace-nowrap');
    expect(lineClass('x'.repeat(NODE_LINE_MAX_CHARS.summary + 1), NODE_LINE_MAX_CHARS.summary)).toBe('truncate');
  });
});
