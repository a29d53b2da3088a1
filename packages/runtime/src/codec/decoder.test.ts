import { describe, expect, it } from 'vitest';
import type { RecordSchema } from '@weir/model/field';
import { DecodeError, timestampOf } from './coerce';
import { createDecoder } from './decoder';

const SCHEMA: RecordSchema = [
  { name: 's', type: 'string' },
  { name: 'i', type: 'int' },
  { name: 'b', type: 'bigint' },
  { name: 'd', type: 'double' },
  { name: 'f', type: 'boolean' },
  { name: 't', type: 'timestamp' },
];
const buf = (s: string) => Buffer.from(s, 'utf8');

describe('json decoder', () => {
  const decode = createDecoder('json', SCHEMA);

  it('keeps the declared fields in order, drops others, and reads missing ones as NULL', () => {
    const row = decode(buf('{"extra":1,"t":1000,"s":"x","i":5}'));
    expect(row).toEqual({ s: 'x', i: 5, b: null, d: null, f: null, t: 1000 });
    expect(Object.keys(row!)).toEqual(['s', 'i', 'b', 'd', 'f', 't']);
  });

  it('coerces numeric and boolean text and ISO timestamps', () => {
    const row = decode(buf('{"s":12,"i":"7","b":"9007199254740991","d":"2.5","f":"TRUE","t":"2026-01-01T00:00:10.000Z"}'));
    expect(row).toEqual({ s: '12', i: 7, b: 9007199254740991, d: 2.5, f: true, t: Date.UTC(2026, 0, 1, 0, 0, 10) });
  });

  it('reads zone-less and offset timestamps as the instants they name', () => {
    expect(timestampOf('2026-01-01T00:00:00', 't')).toBe(Date.UTC(2026, 0, 1));
    expect(timestampOf('2026-01-01 01:00:00+01:00', 't')).toBe(Date.UTC(2026, 0, 1));
    expect(timestampOf('1700000000000', 't')).toBe(1700000000000);
  });

  it('fails naming the field on a value of the wrong type', () => {
    expect(() => decode(buf('{"i":1.5}'))).toThrow('field i: 1.5 is not a int');
    expect(() => decode(buf('{"i":3000000000}'))).toThrow('out of the int range');
    expect(() => decode(buf('{"f":"yes"}'))).toThrow('field f');
    expect(() => decode(buf('{"t":"yesterday"}'))).toThrow('field t');
    expect(() => decode(buf('{"d":{}}'))).toThrow(DecodeError);
  });

  it('fails on text that is not a JSON object', () => {
    expect(() => decode(buf('{"s":'))).toThrow('not JSON');
    expect(() => decode(buf('[1]'))).toThrow('an array');
  });

  it('has no row for a tombstone', () => {
    expect(decode(null)).toBeNull();
  });
});

describe('csv decoder', () => {
  const decode = createDecoder('csv', SCHEMA);

  it('maps columns to fields by position', () => {
    expect(decode(buf('"a,b",1,2,0.5,false,2026-01-01T00:00:00Z'))).toEqual({
      s: 'a,b', i: 1, b: 2, d: 0.5, f: false, t: Date.UTC(2026, 0, 1),
    });
  });

  it('reads empty and missing columns as NULL', () => {
    expect(decode(buf('x,,3'))).toEqual({ s: 'x', i: null, b: 3, d: null, f: null, t: null });
  });

  it('fails on malformed CSV and on bad values', () => {
    expect(() => decode(buf('"x'))).toThrow('not CSV');
    expect(() => decode(buf('x,one'))).toThrow('field i');
  });
});

describe('text decoder', () => {
  it('puts the whole value into its one field', () => {
    const decode = createDecoder('text', [{ name: 'line', type: 'string' }]);
    expect(decode(buf('hello, "world"'))).toEqual({ line: 'hello, "world"' });
  });
});
