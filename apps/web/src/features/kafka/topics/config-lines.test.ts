import { describe, expect, it } from 'vitest';
import { parseConfigLines } from './config-lines';

describe('parseConfigLines', () => {
  it('reads key=value lines, skipping blanks and comments', () => {
    expect(parseConfigLines('retention.ms = 1000\n\n# compacted\ncleanup.policy=compact\n')).toEqual({ ok: true, configs: { 'retention.ms': '1000', 'cleanup.policy': 'compact' } });
  });

  it('names the first line that is not key=value', () => {
    expect(parseConfigLines('a.b=1\nnot a config')).toEqual({ ok: false, line: 2, message: expect.stringContaining('line 2') });
  });
});
