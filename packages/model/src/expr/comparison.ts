import type { ExprType } from './expr-types';
import { compareStrings } from './strings';

/** Comparison on two non-null values of comparable types; NaN compares false, as in Java. */
export function comparator(op: string, type: ExprType): (a: unknown, b: unknown) => boolean {
  if (type === 'string') {
    switch (op) {
      case '=': return (a, b) => a === b;
      case '<>': return (a, b) => a !== b;
      case '<': return (a, b) => compareStrings(a as string, b as string) < 0;
      case '<=': return (a, b) => compareStrings(a as string, b as string) <= 0;
      case '>': return (a, b) => compareStrings(a as string, b as string) > 0;
      default: return (a, b) => compareStrings(a as string, b as string) >= 0;
    }
  }
  switch (op) {
    case '=': return (a, b) => a === b;
    case '<>': return (a, b) => a !== b;
    case '<': return (a, b) => (a as number) < (b as number);
    case '<=': return (a, b) => (a as number) <= (b as number);
    case '>': return (a, b) => (a as number) > (b as number);
    default: return (a, b) => (a as number) >= (b as number);
  }
}
