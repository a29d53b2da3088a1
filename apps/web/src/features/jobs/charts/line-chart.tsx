import { memo } from 'react';

export interface Series {
  name: string;
  color: string;
  /** One value per x (null: a gap). */
  values: readonly (number | null)[];
}

const W = 600;

/** The SVG path of one series scaled into a w×h box, y from 0 to `max`. */
export function seriesPath(values: readonly (number | null)[], max: number, w: number, h: number): string {
  if (values.length === 0) return '';
  const dx = values.length > 1 ? w / (values.length - 1) : 0;
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    const y = max > 0 ? h - (Math.min(v, max) / max) * h : h;
    d += `${pen ? 'L' : 'M'}${(i * dx).toFixed(1)},${y.toFixed(1)}`;
    pen = true;
  });
  return d;
}

export function niceMax(values: readonly Series[]): number {
  let max = 0;
  for (const s of values) for (const v of s.values) if (v !== null && v > max) max = v;
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

/** A small multi-series line chart with its legend; the newest value of each series is in the legend. */
function LineChartView({ title, series, height = 120, format = String, max }: { title: string; series: readonly Series[]; height?: number; format?: (n: number) => string; max?: number }) {
  const top = max ?? niceMax(series);
  return (
    <figure className="min-w-0" data-testid={`chart-${title}`}>
      <figcaption className="mb-1 flex flex-wrap items-baseline justify-between gap-x-3 text-xs text-slate-500 dark:text-slate-400">
        <span className="font-semibold text-slate-700 dark:text-slate-200">{title}</span>
        <span className="flex flex-wrap gap-x-3">
          {series.map((s) => {
            const last = [...s.values].reverse().find((v) => v !== null);
            return (
              <span key={s.name} className="inline-flex items-center gap-1">
                <span className="h-2 w-2 rounded-full" style={{ background: s.color }} aria-hidden="true" />
                {s.name} {last !== undefined && last !== null ? format(last) : '—'}
              </span>
            );
          })}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${height}`} preserveAspectRatio="none" className="h-28 w-full overflow-visible rounded border border-slate-100 dark:border-slate-800" role="img" aria-label={title}>
        <line x1="0" x2={W} y1={height / 2} y2={height / 2} className="stroke-slate-100 dark:stroke-slate-800" strokeDasharray="4 4" />
        <text x="4" y="10" className="fill-slate-400 text-[10px]">{format(top)}</text>
        {series.map((s) => (
          <path key={s.name} d={seriesPath(s.values, top, W, height)} fill="none" stroke={s.color} strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
        ))}
      </svg>
    </figure>
  );
}
export const LineChart = memo(LineChartView);

/** A bare trend line for tables. */
export function Sparkline({ values, color = '#0891b2', label }: { values: readonly number[]; color?: string; label: string }) {
  const max = Math.max(1, ...values);
  return (
    <svg viewBox="0 0 100 24" preserveAspectRatio="none" className="h-6 w-28" role="img" aria-label={label}>
      <path d={seriesPath(values, max, 100, 22)} transform="translate(0,1)" fill="none" stroke={color} strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
