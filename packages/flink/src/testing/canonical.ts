/**
 * Rows in a form two engines' outputs can be compared by: object keys sorted, timestamps as
 * epoch-millisecond ISO-8601 in UTC, doubles to 12 significant digits (Flink and JavaScript
 * may sum in another order), so equal results compare equal as text.
 */
const ISO = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function canonicalValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isInteger(v) ? v : Number(v.toPrecision(12));
  if (typeof v === 'string') {
    if (ISO.test(v)) {
      const ms = Date.parse(/Z|[+-]\d{2}:?\d{2}$/.test(v) ? v : `${v.replace(' ', 'T')}Z`);
      if (!Number.isNaN(ms)) return new Date(ms).toISOString();
    }
    return v;
  }
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(canonicalValue);
  if (typeof v === 'object') {
    return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, canonicalValue((v as Record<string, unknown>)[k])]));
  }
  return v;
}

/** A text of JSON (or plain text), canonical. */
export function canonicalText(text: string | null): string {
  if (text === null) return 'null';
  try {
    return JSON.stringify(canonicalValue(JSON.parse(text)));
  } catch {
    return JSON.stringify(text);
  }
}

/** Rows as a sorted list of canonical texts: equal lists mean equal multisets. */
export function canonicalRows(rows: readonly unknown[]): string[] {
  return rows.map((r) => JSON.stringify(canonicalValue(r))).sort();
}
