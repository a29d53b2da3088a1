import { FUNCTION_NAMES, type FunctionName } from './ast';

/** How many arguments a function takes; `max` null means any number from `min`. */
export interface Arity {
  min: number;
  max: number | null;
  /** How the call is written, for messages. */
  usage: string;
}

export const FUNCTION_ARITY: Record<FunctionName, Arity> = {
  UPPER: { min: 1, max: 1, usage: 'UPPER(s)' },
  LOWER: { min: 1, max: 1, usage: 'LOWER(s)' },
  CHAR_LENGTH: { min: 1, max: 1, usage: 'CHAR_LENGTH(s)' },
  SUBSTRING: { min: 2, max: 3, usage: 'SUBSTRING(s, start[, length]) or SUBSTRING(s FROM start [FOR length])' },
  CONCAT: { min: 1, max: null, usage: 'CONCAT(s1, s2, …)' },
  REPLACE: { min: 3, max: 3, usage: 'REPLACE(s, search, replacement)' },
  POSITION: { min: 2, max: 2, usage: 'POSITION(needle IN s)' },
  REGEXP: { min: 2, max: 2, usage: 'REGEXP(s, pattern)' },
  REGEXP_EXTRACT: { min: 2, max: 3, usage: 'REGEXP_EXTRACT(s, pattern[, group])' },
  ABS: { min: 1, max: 1, usage: 'ABS(x)' },
  ROUND: { min: 1, max: 2, usage: 'ROUND(x[, digits])' },
  FLOOR: { min: 1, max: 1, usage: 'FLOOR(x)' },
  CEIL: { min: 1, max: 1, usage: 'CEIL(x)' },
  MOD: { min: 2, max: 2, usage: 'MOD(a, b)' },
  POWER: { min: 2, max: 2, usage: 'POWER(base, exponent)' },
  SQRT: { min: 1, max: 1, usage: 'SQRT(x)' },
  COALESCE: { min: 1, max: null, usage: 'COALESCE(a, b, …)' },
  NULLIF: { min: 2, max: 2, usage: 'NULLIF(a, b)' },
  GREATEST: { min: 1, max: null, usage: 'GREATEST(a, b, …)' },
  LEAST: { min: 1, max: null, usage: 'LEAST(a, b, …)' },
};

/** Other spellings Flink SQL accepts for the same functions. */
const ALIASES: Record<string, FunctionName> = {
  CHARACTER_LENGTH: 'CHAR_LENGTH',
  CEILING: 'CEIL',
};

const NAMES = new Set<string>(FUNCTION_NAMES);

/** The canonical function for a name written in any case, or undefined when it is not one. */
export function lookupFunction(name: string): FunctionName | undefined {
  const upper = name.toUpperCase();
  if (NAMES.has(upper)) return upper as FunctionName;
  return Object.prototype.hasOwnProperty.call(ALIASES, upper) ? ALIASES[upper] : undefined;
}

export function arityMessage(name: FunctionName, got: number): string | undefined {
  const a = FUNCTION_ARITY[name];
  if (got >= a.min && (a.max === null || got <= a.max)) return undefined;
  let expected: string;
  if (a.max === null) expected = `at least ${a.min} argument${a.min === 1 ? '' : 's'}`;
  else if (a.min === a.max) expected = `${a.min} argument${a.min === 1 ? '' : 's'}`;
  else expected = `${a.min} to ${a.max} arguments`;
  return `${name} takes ${expected} but got ${got}; write ${a.usage}`;
}
