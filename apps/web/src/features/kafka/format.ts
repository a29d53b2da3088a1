/** 1234567 → "1.2M"; small numbers as they are, grouped. */
export function compact(n: number): string {
  const abs = Math.abs(n);
  if (abs < 10_000) return n.toLocaleString('en-US', { maximumFractionDigits: 1 });
  const units: Array<[number, string]> = [[1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k']];
  for (const [size, unit] of units) if (abs >= size) return `${(n / size).toFixed(abs / size >= 100 ? 0 : 1)}${unit}`;
  return String(n);
}

export { bytes } from '../../ui/format-bytes';

/** A rate in messages per second; null (not known yet) as a dash. */
export function perSecond(n: number | null): string {
  if (n === null) return '—';
  if (n === 0) return '0/s';
  return n < 10 ? `${n.toFixed(1)}/s` : `${compact(Math.round(n))}/s`;
}

/** Whole numbers with thousands separators. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** An ISO time as local date and time with milliseconds, for message rows. */
export function messageTime(iso: string): string {
  const d = new Date(iso);
  const pad = (v: number, w = 2) => String(v).padStart(w, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** The role a control needs, said to a person who does not have it. */
export function needsRole(role: 'operator' | 'admin'): string {
  return `Needs the ${role} role`;
}
