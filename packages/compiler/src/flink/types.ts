import type { FieldType } from '@weir/model';

/**
 * Field types in Flink SQL. Timestamps are TIMESTAMP(3) holding UTC wall-clock time, as
 * the expression language's CAST spells them; the script sets the session zone to UTC so
 * the few functions that consult it (TO_TIMESTAMP_LTZ) agree.
 */
export const FLINK_TYPES: Record<FieldType, string> = {
  string: 'STRING',
  int: 'INT',
  bigint: 'BIGINT',
  double: 'DOUBLE',
  boolean: 'BOOLEAN',
  timestamp: 'TIMESTAMP(3)',
};

export function flinkType(type: FieldType): string {
  return FLINK_TYPES[type];
}
