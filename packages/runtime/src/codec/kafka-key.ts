import type { RecordSchema, Row } from '@weir/model/field';
import { isoTimestamp, jsonValue } from './encode-json';

/**
 * The Kafka message key of a sink row (pipeline-format.md, kafka-sink `key`): no key
 * fields → no key; one field → its value as text (a timestamp in ISO-8601, NULL → no key);
 * several → a JSON object of them in the listed order.
 */
export type KeyEncoder = (row: Row) => string | null;

export function createKeyEncoder(key: readonly string[] | null, schema: RecordSchema): KeyEncoder {
  if (key === null || key.length === 0) return () => null;
  const isTs = (name: string) => schema.find((f) => f.name === name)?.type === 'timestamp';
  if (key.length === 1) {
    const name = key[0]!;
    const ts = isTs(name);
    return (row) => {
      const v = row[name];
      if (v === null || v === undefined) return null;
      if (ts && typeof v === 'number') return isoTimestamp(v);
      return typeof v === 'string' ? v : String(v);
    };
  }
  const prefixes = key.map((name, i) => `${i === 0 ? '{' : ','}${JSON.stringify(name)}:`);
  const timestamps = key.map(isTs);
  return (row) => {
    let s = '';
    for (let i = 0; i < key.length; i++) s += prefixes[i]! + jsonValue(row[key[i]!], timestamps[i]!);
    return s + '}';
  };
}
