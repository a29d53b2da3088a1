import type { FieldType } from '../field';

/** A node's type; 'null' is the NULL literal before anything gave it a type. */
export type ExprType = FieldType | 'null';
/** undefined: the node has an error, already reported, so callers stay quiet about it. */
export type Inferred = ExprType | undefined;

export type NumericType = 'int' | 'bigint' | 'double';

export function isNumeric(t: ExprType): t is NumericType {
  return t === 'int' || t === 'bigint' || t === 'double';
}

export function isIntegral(t: ExprType): t is 'int' | 'bigint' {
  return t === 'int' || t === 'bigint';
}

const RANK: Record<NumericType, number> = { int: 0, bigint: 1, double: 2 };

/** Numeric promotion: int < bigint < double. */
export function widen(a: NumericType, b: NumericType): NumericType {
  return RANK[a] >= RANK[b] ? a : b;
}

export function show(t: ExprType): string {
  return t === 'null' ? 'NULL' : t;
}
