import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFieldExtractor } from './json-fields';

const read = (names: string[], text: string) => createFieldExtractor(names)(Buffer.from(text, 'utf8'));

describe('createFieldExtractor', () => {
  it('reads the named top-level fields, leaving nested ones alone', () => {
    const text = '{"a": 1, "nested": {"a": 2, "b": [1, {"c": "}"}]}, "b": "x\\"y", "c": true, "d": null, "e": -1.5e3}';
    expect(read(['a', 'b', 'c', 'd', 'e', 'missing'], text)).toEqual([1, 'x"y', true, null, -1500, undefined]);
    expect(read(['nested'], text)).toEqual([{ a: 2, b: [1, { c: '}' }] }]);
  });

  it('takes the last of duplicate keys, as JSON.parse does, and decodes escaped keys', () => {
    expect(read(['k'], '{"k": 1, "k": 2}')).toEqual([2]);
    expect(read(['ab'], '{"\\u0061b": "é", "other": "\\u00e9"}')).toEqual(['é']);
    expect(read(['__proto__'], '{"__proto__": 5}')).toEqual([5]);
  });

  it('answers null for anything but a JSON object', () => {
    for (const text of ['', '[1,2]', '"text"', '42', 'null', 'plain text', '{"a": 1', '{"a" 1}', '{"a": 1} trailing', '{a: 1}', '{"a": "open}']) {
      expect(read(['a'], text), text).toBeNull();
    }
    expect(read(['a'], '  {"a":1}  \n')).toEqual([1]);
  });

  it('agrees with JSON.parse on any JSON object', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.boolean(), (obj, pretty) => {
        const text = JSON.stringify(obj, null, pretty ? 2 : undefined);
        const names = [...Object.keys(obj).slice(0, 3), 'absent-field'];
        const parsed = JSON.parse(text) as Record<string, unknown>;
        const got = read(names, text);
        expect(got).toEqual(names.map((n) => (Object.hasOwn(parsed, n) ? parsed[n] : undefined)));
      }),
      { numRuns: 500 },
    );
  });
});
