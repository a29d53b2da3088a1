import { z } from 'zod';

/**
 * ISO-8601 instants in configs (`startFrom`, `bounded`). A date-time must carry its zone
 * (`Z` or `+02:00`): JavaScript reads a zone-less date-time in the machine's local zone,
 * which would make the same document mean different instants on the browser and the server.
 * A bare date is midnight UTC.
 */
const ISO = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;
const ZONELESS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?$/;

export type TimestampResult = { ok: true; ms: number } | { ok: false; message: string };

export function parseTimestamp(text: string): TimestampResult {
  if (ZONELESS.test(text)) return { ok: false, message: `'${text}' has no time zone; add 'Z' for UTC, e.g. '${text}Z'` };
  const ms = ISO.test(text) ? Date.parse(text) : NaN;
  if (!Number.isFinite(ms)) return { ok: false, message: `'${text.slice(0, 40)}' is not an ISO-8601 timestamp such as '2026-01-01T00:00:00Z'` };
  return { ok: true, ms };
}

/** Epoch milliseconds of a timestamp that validation already accepted; throws otherwise. */
export function timestampMs(text: string): number {
  const result = parseTimestamp(text);
  if (!result.ok) throw new RangeError(result.message);
  return result.ms;
}

export const IsoTimestampSchema = z
  .string()
  .superRefine((text, ctx) => {
    const result = parseTimestamp(text);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.message });
  })
  .meta({ format: 'date-time', description: 'ISO-8601 instant with a zone, e.g. 2026-01-01T00:00:00Z', examples: ['2026-01-01T00:00:00Z'] });
