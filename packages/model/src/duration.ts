import { z } from 'zod';

/**
 * Durations of pipeline-format.md: a whole number and exactly one unit, `250ms`, `10s`,
 * `5m`, `1h`, `1d`. Combinations (`1h30m`), fractions (`1.5s`) and spaces are not
 * part of the format: the spec lists single-unit values only, and one spelling per value
 * keeps documents diffable. Invalid input gets a message with the spelling we would accept
 * (`1h30m` → "did you mean '90m'?").
 */
export const DURATION_UNITS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
export type DurationUnit = keyof typeof DURATION_UNITS;

export interface DurationOptions {
  /** `within.lower`/`upper` of an interval join may be negative; nothing else may. */
  allowNegative?: boolean;
  /** Window sizes, gaps and intervals must be positive; `maxOutOfOrderness` may be `0s`. */
  allowZero?: boolean;
}

export type DurationResult = { ok: true; ms: number } | { ok: false; message: string };

const STRICT = /^(-?)(\d+)(ms|s|m|h|d)$/;
const UNIT_ALIASES: Record<string, DurationUnit> = {
  ms: 'ms', msec: 'ms', msecs: 'ms', milli: 'ms', millis: 'ms', millisecond: 'ms', milliseconds: 'ms',
  s: 's', sec: 's', secs: 's', second: 's', seconds: 's',
  m: 'm', min: 'm', mins: 'm', minute: 'm', minutes: 'm',
  h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h',
  d: 'd', day: 'd', days: 'd',
};
const UNITS_HELP = "a whole number and one unit, ms, s, m, h or d (e.g. '250ms', '10s', '5m')";

/** Parses a duration to milliseconds; never throws. */
export function parseDuration(text: unknown, opts: DurationOptions = {}): DurationResult {
  if (typeof text !== 'string') {
    const hint = typeof text === 'number' && Number.isFinite(text) ? `; did you mean '${text}s' or '${text}ms'?` : '';
    return { ok: false, message: `a duration is a string: ${UNITS_HELP}${hint}` };
  }
  const match = STRICT.exec(text);
  if (!match) {
    if (text.trim() === '') return { ok: false, message: `the duration is empty; write ${UNITS_HELP}` };
    if (/^\s*-?\d+\s*$/.test(text)) {
      const n = text.trim();
      return { ok: false, message: `'${clip(text)}' has no unit: write ${UNITS_HELP}; did you mean '${n}s' or '${n}ms'?` };
    }
    const guess = lenientMilliseconds(text);
    const hint = guess !== null && Number.isSafeInteger(guess) ? `; did you mean '${formatDuration(guess)}'?` : '';
    return { ok: false, message: `'${clip(text)}' is not a duration: write ${UNITS_HELP}${hint}` };
  }
  const [, sign, digits, unit] = match as unknown as [string, string, string, DurationUnit];
  const magnitude = Number(digits) * DURATION_UNITS[unit];
  if (!Number.isSafeInteger(magnitude)) return { ok: false, message: `'${clip(text)}' is too large a duration` };
  const ms = sign === '-' ? -magnitude : magnitude;
  if (ms < 0 && !opts.allowNegative) return { ok: false, message: `'${text}' is negative; a duration here must be ${opts.allowZero ? 'zero or more' : 'greater than zero'}` };
  if (ms === 0 && !opts.allowZero) return { ok: false, message: `'${text}' is zero; this duration must be greater than zero` };
  return { ok: true, ms: ms === 0 ? 0 : ms };
}

/** Milliseconds of a duration that validation already accepted; throws on anything else. */
export function durationMs(text: string): number {
  const result = parseDuration(text, { allowNegative: true, allowZero: true });
  if (!result.ok) throw new RangeError(`invalid duration: ${result.message}`);
  return result.ms;
}

/** The shortest spelling: the largest unit that divides the value exactly (90000 → '90s'). */
export function formatDuration(ms: number): string {
  if (!Number.isSafeInteger(ms)) throw new RangeError(`formatDuration: ${ms} is not a whole number of milliseconds`);
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  const units: DurationUnit[] = ['d', 'h', 'm', 's'];
  for (const unit of units) {
    if (abs % DURATION_UNITS[unit] === 0) return `${sign}${abs / DURATION_UNITS[unit]}${unit}`;
  }
  return `${sign}${abs}ms`;
}

/** Reads forgiving spellings (`1h 30m`, `1.5 sec`, `10S`) only to suggest the strict one. */
function lenientMilliseconds(text: string): number | null {
  const compact = text.replace(/\s+/g, '').toLowerCase();
  const sign = compact.startsWith('-') ? -1 : 1;
  const body = compact.replace(/^[-+]/, '');
  const parts = /^(?:\d+(?:\.\d+)?[a-z]+)+$/.test(body) ? body.match(/\d+(?:\.\d+)?[a-z]+/g) : null;
  if (!parts) return null;
  let total = 0;
  for (const part of parts) {
    const [, num, unit] = /^(\d+(?:\.\d+)?)([a-z]+)$/.exec(part) as unknown as [string, string, string];
    const canonical = UNIT_ALIASES[unit];
    if (!canonical) return null;
    total += Number(num) * DURATION_UNITS[canonical];
  }
  const rounded = Math.round(total * sign);
  return Math.abs(rounded - total * sign) < 1e-6 ? rounded : null;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Schemas built here are recognised when zod issues are mapped to problems (INVALID_DURATION). */
export const durationSchemas = new WeakSet<z.ZodType>();

/** A duration-valued config field; invalid values become INVALID_DURATION problems. */
export function durationSchema(opts: DurationOptions = {}, description?: string) {
  const schema = z
    .string()
    .superRefine((text, ctx) => {
      const result = parseDuration(text, opts);
      if (!result.ok) ctx.addIssue({ code: 'custom', message: result.message, params: { code: 'INVALID_DURATION' } });
    })
    .meta({ format: 'duration', description: description ?? `Duration: ${UNITS_HELP}.`, examples: ['10s'] });
  durationSchemas.add(schema);
  return schema;
}
