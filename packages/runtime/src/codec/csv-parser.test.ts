import { describe, expect, it } from 'vitest';
import { CsvError, parseCsvRecord } from './csv-parser';

describe('parseCsvRecord', () => {
  it('splits plain fields and reads unquoted empty fields as NULL', () => {
    expect(parseCsvRecord('a,1,,x')).toEqual(['a', '1', null, 'x']);
    expect(parseCsvRecord('')).toEqual([null]);
    expect(parseCsvRecord(',')).toEqual([null, null]);
  });

  it('reads quoted fields with commas, line breaks and doubled quotes', () => {
    expect(parseCsvRecord('"a,b","say ""hi""","line\nbreak",""')).toEqual(['a,b', 'say "hi"', 'line\nbreak', '']);
    expect(parseCsvRecord('"""",x')).toEqual(['"', 'x']);
  });

  it('drops a trailing line break of the record', () => {
    expect(parseCsvRecord('a,b\r\n')).toEqual(['a', 'b']);
    expect(parseCsvRecord('"a\r\n"\n')).toEqual(['a\r\n']);
  });

  it('rejects stray and unterminated quotes', () => {
    expect(() => parseCsvRecord('"abc')).toThrow(CsvError);
    expect(() => parseCsvRecord('"a"b,c')).toThrow('after a quoted field');
    expect(() => parseCsvRecord('ab"c,d')).toThrow('quote inside an unquoted field');
  });
});
