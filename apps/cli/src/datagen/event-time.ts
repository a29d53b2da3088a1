// Event times of the demo generators (orders, clicks, logs): evenly spaced from a fixed base
// at the generation rate, so that a seed and a count always give the same records.

/** 2026-01-01T00:00:00.000Z, the first event time of orders, clicks and logs. */
export const DEMO_BASE_TIME = Date.UTC(2026, 0, 1);

/** Event-time spacing when no --rate is given: 100 records per event-time second. */
export const DEFAULT_DEMO_RATE = 100;

export function demoEventTime(index: number, rate: number | undefined, baseTime = DEMO_BASE_TIME): number {
  const r = rate && rate > 0 ? rate : DEFAULT_DEMO_RATE;
  return baseTime + Math.floor((index * 1000) / r);
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
