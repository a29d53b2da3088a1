import type { Row } from '@weir/model/field';

/**
 * Group keys. A key is turned into one Map key per record without allocating where
 * possible: no fields → a constant (one global group); one field → the value itself
 * (Map's SameValueZero keeps 1 and '1' apart, groups NULLs together, and treats
 * 0 and −0 as equal, as SQL does); several fields → a self-delimiting string.
 */
export interface KeyExtractor {
  readonly fields: readonly string[];
  /** The Map key of a row's group. SQL GROUP BY puts all NULLs in one group. */
  mapKey(row: Row): unknown;
  /** As mapKey, but undefined when a key field is NULL: in a join, NULL equals nothing. */
  joinKey(row: Row): unknown;
  /** The key field values of a row, in field order (kept once per group for output). */
  values(row: Row): unknown[];
  /** The Map key of a group from its key values (used on restore). */
  mapKeyOfValues(values: readonly unknown[]): unknown;
}

const GLOBAL_KEY = '';

export function keyExtractor(fields: readonly string[]): KeyExtractor {
  const names = [...fields];
  const n = names.length;
  const values = (row: Row): unknown[] => {
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) out[i] = row[names[i]!] ?? null;
    return out;
  };
  const mapKeyOfValues = (vals: readonly unknown[]): unknown => {
    if (n === 0) return GLOBAL_KEY;
    if (n === 1) return vals[0] ?? null;
    let s = '';
    for (let i = 0; i < n; i++) s += encodePart(vals[i]);
    return s;
  };
  if (n === 0) {
    return { fields: names, mapKey: () => GLOBAL_KEY, joinKey: () => GLOBAL_KEY, values, mapKeyOfValues };
  }
  if (n === 1) {
    const f = names[0]!;
    return {
      fields: names,
      mapKey: (row) => row[f] ?? null,
      joinKey: (row) => row[f] ?? undefined,
      values,
      mapKeyOfValues,
    };
  }
  return {
    fields: names,
    mapKey(row) {
      let s = '';
      for (let i = 0; i < n; i++) s += encodePart(row[names[i]!]);
      return s;
    },
    joinKey(row) {
      let s = '';
      for (let i = 0; i < n; i++) {
        const v = row[names[i]!];
        if (v === null || v === undefined) return undefined;
        s += encodePart(v);
      }
      return s;
    },
    values,
    mapKeyOfValues,
  };
}

// Each part is self-delimiting (a type tag, then a length-prefixed string or a
// terminated number), so different value lists never encode to the same string.
function encodePart(v: unknown): string {
  switch (typeof v) {
    case 'number':
      return 'n' + String(v) + ';'; // String(-0) is '0': SQL treats them as equal
    case 'string':
      return 's' + v.length + ':' + v;
    case 'boolean':
      return v ? 't' : 'f';
    default:
      if (v === null || v === undefined) return 'z';
      {
        const json = JSON.stringify(v);
        return 'o' + json.length + ':' + json;
      }
  }
}
