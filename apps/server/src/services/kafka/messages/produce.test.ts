import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api-error';
import { checkJson, jsonErrorAt } from './produce';

describe('checkJson', () => {
  it('accepts JSON of any kind', () => {
    for (const v of ['{"a":1}', '[1,2]', '"text"', '42', 'null']) expect(() => checkJson(v)).not.toThrow();
  });

  it('refuses non-JSON with INVALID_JSON and where it broke', () => {
    try {
      checkJson('{\n  "a": 1,\n  oops\n}');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).code).toBe('INVALID_JSON');
      expect((err as ApiError).statusCode).toBe(422);
      expect((err as ApiError).message).toMatch(/line 3, column 3/);
    }
    expect(() => checkJson(null)).toThrow(/tombstone/);
  });

  it('turns a parse position into line and column', () => {
    expect(jsonErrorAt('ab\ncd', 'Unexpected token in JSON at position 4')).toEqual({ line: 2, column: 2 });
    expect(jsonErrorAt('x', 'no position here')).toBeNull();
  });
});
