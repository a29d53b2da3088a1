/** Spelling of identifiers, literals and intervals in the generated Flink SQL. */

/** Identifiers are always back-quoted, so any field name or node id is safe. */
export function ident(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}

export function str(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

const UNITS: [ms: number, unit: string][] = [
  [86_400_000, 'DAY'],
  [3_600_000, 'HOUR'],
  [60_000, 'MINUTE'],
  [1_000, 'SECOND'],
];

/**
 * A positive duration as an interval literal in the largest unit that holds it exactly
 * (`INTERVAL '5' MINUTE`); sub-second values in seconds with milliseconds
 * (`INTERVAL '0.250' SECOND`). SQL gives the leading field two digits of precision unless
 * told otherwise, so a longer value declares its own (`INTERVAL '120' SECOND(3)`).
 */
export function interval(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms <= 0) throw new RangeError(`interval: ${ms} ms is not a positive whole number`);
  for (const [size, unit] of UNITS) {
    if (ms % size === 0) return literal(String(ms / size), unit);
  }
  const seconds = Math.floor(ms / 1000);
  const millis = String(ms % 1000).padStart(3, '0');
  return literal(`${seconds}.${millis}`, 'SECOND', 3);
}

function literal(value: string, unit: string, fraction?: number): string {
  const digits = value.split('.')[0]?.length ?? 1;
  const precision = digits > 2 ? (fraction === undefined ? `(${digits})` : `(${digits}, ${fraction})`) : '';
  return `INTERVAL '${value}' ${unit}${precision}`;
}

/** `base + INTERVAL …`, `base - INTERVAL …` or `base` for an offset that may be negative or zero. */
export function plusInterval(base: string, ms: number): string {
  if (ms === 0) return base;
  return ms > 0 ? `${base} + ${interval(ms)}` : `${base} - ${interval(-ms)}`;
}

/** A duration for a Flink configuration option: `10s`, `250ms`, `5min`. */
export function configDuration(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}min`;
  if (ms % 1_000 === 0) return `${ms / 1_000}s`;
  return `${ms}ms`;
}

/** Indents every line of `text` by `spaces`. */
export function indent(text: string, spaces = 2): string {
  const pad = ' '.repeat(spaces);
  return text.split('\n').map((line) => (line === '' ? line : pad + line)).join('\n');
}

/** `'key' = 'value'` lines of a WITH clause. */
export function withClause(options: readonly (readonly [string, string])[]): string {
  return `WITH (\n${options.map(([k, v]) => `  ${str(k)} = ${str(v)}`).join(',\n')}\n)`;
}
