/** The newest `max` items after adding `incoming` (oldest first in both), for lists that grow for ever. */
export function appendBounded<T>(current: readonly T[], incoming: readonly T[], max: number): T[] {
  if (incoming.length >= max) return incoming.slice(incoming.length - max);
  const keep = Math.max(0, max - incoming.length);
  return [...current.slice(Math.max(0, current.length - keep)), ...incoming];
}

/** `datetime-local` text (the browser's zone) as ISO-8601 UTC; null when empty or not a time. */
export function localInputToIso(text: string): string | null {
  if (!text) return null;
  const ms = new Date(text).getTime();
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}
