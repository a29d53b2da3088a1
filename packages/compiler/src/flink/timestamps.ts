import { ident, str } from './sql-text';

/**
 * Reading and writing timestamps.
 *
 * Input: pipeline-format.md allows epoch milliseconds (a JSON number) or an ISO-8601 string.
 * Flink's JSON format reads a TIMESTAMP column only from a string in one fixed layout, so the
 * raw field is declared STRING (Flink's JSON reader turns a number into its digits) and a
 * computed column converts it: digits are epoch milliseconds; `yyyy-MM-ddTHH:mm[:ss][.fraction]`
 * is read with a trailing `Z`, a `±hh:mm` offset or no zone (UTC); a bare date and
 * `yyyy-MM-dd HH:mm:ss[.fff]` go through TO_TIMESTAMP's own fallback. Limits: a fraction of 4,
 * 5, 7 or 8 digits, an offset without its colon, or a number with a decimal point or exponent
 * becomes NULL on Flink.
 *
 * Output: sinks write ISO-8601 UTC with milliseconds as JavaScript's toISOString does; Flink's
 * JSON writer would drop trailing zeros of the fraction, so the sink column is a STRING made
 * with DATE_FORMAT.
 */

// Optional sections backtrack, so the longest fraction is tried first.
const ISO_PARSE_PATTERN = "yyyy-MM-dd'T'HH:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS][.SS][.S]";
const OFFSET_REGEX = '[+-][0-9]{2}:[0-9]{2}$';
const ISO_FORMAT_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";
/** Up to 15 digits: any millisecond count a TIMESTAMP(3) can hold, and never a BIGINT overflow. */
const EPOCH_MILLIS_REGEX = '^-?[0-9]{1,15}$';

/** A TIMESTAMP(3) from a STRING column holding epoch milliseconds or ISO-8601. */
export function parseTimestampSql(column: string): string {
  const c = ident(column);
  const length = `CHAR_LENGTH(${c})`;
  const offsetChar = (from: number, count: number): string => `SUBSTRING(${c} FROM ${length} - ${from} FOR ${count})`;
  return [
    'CASE',
    `  WHEN REGEXP(${c}, ${str(EPOCH_MILLIS_REGEX)}) THEN CAST(TO_TIMESTAMP_LTZ(CAST(${c} AS BIGINT), 3) AS TIMESTAMP(3))`,
    `  WHEN REGEXP(${c}, ${str(OFFSET_REGEX)}) THEN TIMESTAMPADD(MINUTE,`,
    `    (CASE WHEN ${offsetChar(5, 1)} = '-' THEN 1 ELSE -1 END)`,
    `      * (CAST(${offsetChar(4, 2)} AS INT) * 60 + CAST(${offsetChar(1, 2)} AS INT)),`,
    `    TO_TIMESTAMP(SUBSTRING(${c} FROM 1 FOR ${length} - 6), ${str(ISO_PARSE_PATTERN)}))`,
    `  ELSE TO_TIMESTAMP(REGEXP_REPLACE(${c}, 'Z$', ''), ${str(ISO_PARSE_PATTERN)})`,
    'END',
  ].join('\n');
}

/** A STRING such as `2026-01-01T00:00:10.000Z` from a TIMESTAMP(3) expression. */
export function formatTimestampSql(expr: string): string {
  return `DATE_FORMAT(${expr}, ${str(ISO_FORMAT_PATTERN)})`;
}
