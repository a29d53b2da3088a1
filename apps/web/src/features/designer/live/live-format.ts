import type { BackpressureLevel } from '@weir/model';

/** 950 → "950", 12_300 → "12.3k", 4_560_000 → "4.56M". */
export function compactNumber(n: number): string {
  const a = Math.abs(n);
  if (a < 1000) return String(Math.round(n));
  if (a < 1e6) return `${(n / 1e3).toFixed(a < 1e4 ? 2 : a < 1e5 ? 1 : 0)}k`;
  if (a < 1e9) return `${(n / 1e6).toFixed(a < 1e7 ? 2 : a < 1e8 ? 1 : 0)}M`;
  return `${(n / 1e9).toFixed(2)}G`;
}

export const rate = (perSecond: number) => `${compactNumber(perSecond)}/s`;

/** 950 → "950 ms", 61_000 → "1m 1s", 7_380_000 → "2h 3m". */
export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${(ms / 1000).toFixed(s < 10 ? 1 : 0)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h ${m % 60}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

/** A watermark as UTC time of day (with the date when it is not today's). */
export function watermark(ms: number, now = Date.now()): string {
  const iso = new Date(ms).toISOString();
  const sameDay = iso.slice(0, 10) === new Date(now).toISOString().slice(0, 10);
  return sameDay ? iso.slice(11, 19) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** Edge and bar colours per Flink level (its UI: green OK, amber LOW, red HIGH). */
export const LEVEL_STROKE: Record<BackpressureLevel, string> = { OK: '#10b981', LOW: '#f59e0b', HIGH: '#e11d48' };
export const LEVEL_TEXT: Record<BackpressureLevel, string> = {
  OK: 'text-emerald-700 dark:text-emerald-400',
  LOW: 'text-amber-700 dark:text-amber-400',
  HIGH: 'text-rose-700 dark:text-rose-400',
};
