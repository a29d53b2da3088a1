import { describe, expect, it } from 'vitest';
import { renderBytes, renderRecord } from './render';

describe('renderBytes', () => {
  it('pretty-prints JSON objects and arrays', () => {
    expect(renderBytes(Buffer.from('{"a":1,"b":[true,null]}'))).toEqual({
      format: 'json', text: '{\n  "a": 1,\n  "b": [\n    true,\n    null\n  ]\n}', size: 23, truncated: false,
    });
  });

  it('keeps other UTF-8 text as text, including text that only looks like JSON', () => {
    expect(renderBytes(Buffer.from('héllo wörld'))).toMatchObject({ format: 'text', text: 'héllo wörld', size: 13 });
    expect(renderBytes(Buffer.from('{not json'))).toMatchObject({ format: 'text', text: '{not json' });
    expect(renderBytes(Buffer.from('42'))).toMatchObject({ format: 'text', text: '42' });
  });

  it('shows binary (invalid UTF-8 or control characters) as hex, 16 bytes a line', () => {
    const bytes = Buffer.from([0, 1, 2, 0xff, 0xfe, ...Array.from({ length: 15 }, (_, i) => i)]);
    const r = renderBytes(bytes)!;
    expect(r.format).toBe('hex');
    expect(r.text.split('\n')[0]).toBe('00 01 02 ff fe 00 01 02 03 04 05 06 07 08 09 0a');
    expect(renderBytes(Buffer.from('a\u0001b'))!.format).toBe('hex');
  });

  it('cuts long content and says so, with the full size', () => {
    const r = renderBytes(Buffer.from('x'.repeat(100)), 10)!;
    expect(r).toEqual({ format: 'text', text: 'xxxxxxxxxx', size: 100, truncated: true });
    expect(renderBytes(null)).toBeNull();
  });
});

describe('renderRecord', () => {
  it('renders key, value, headers (repeated ones each) and the timestamp', () => {
    const m = renderRecord(2, {
      offset: 7, timestamp: Date.UTC(2026, 0, 1), key: Buffer.from('k1'), value: null,
      headers: { trace: Buffer.from('abc'), multi: [Buffer.from('1'), Buffer.from('2')] },
    });
    expect(m).toEqual({
      partition: 2, offset: 7, timestamp: '2026-01-01T00:00:00.000Z',
      key: { format: 'text', text: 'k1', size: 2, truncated: false }, value: null,
      headers: [
        { key: 'trace', value: { format: 'text', text: 'abc', size: 3, truncated: false } },
        { key: 'multi', value: { format: 'text', text: '1', size: 1, truncated: false } },
        { key: 'multi', value: { format: 'text', text: '2', size: 1, truncated: false } },
      ],
    });
  });
});
