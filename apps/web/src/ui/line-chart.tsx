import { useId, useMemo, useState, type MouseEvent } from 'react';
import { linePath, niceRange, ticks, type Point } from './line-chart-geometry';

export interface ChartSeries {
  label: string;
  /** x: epoch ms, y: the value. */
  points: readonly Point[];
  /** A Tailwind stroke class, e.g. `stroke-cyan-600`. */
  stroke?: string;
}

interface LineChartProps {
  series: readonly ChartSeries[];
  /** What the chart shows, for screen readers and the title tooltip. */
  label: string;
  formatY?: (v: number) => string;
  /** Show at least this much time, ending at the newest point (the x axis does not jump while history is short). */
  minSpanMs?: number;
  height?: number;
}

// Wide enough that the labels keep about their size in a full-width card.
const W = 1000;
const PAD = { left: 52, right: 12, top: 10, bottom: 24 };
const STROKES = ['stroke-cyan-600 dark:stroke-cyan-400', 'stroke-amber-500', 'stroke-violet-500', 'stroke-emerald-500', 'stroke-rose-500'];
const FILLS = ['fill-cyan-600 dark:fill-cyan-400', 'fill-amber-500', 'fill-violet-500', 'fill-emerald-500', 'fill-rose-500'];

function clock(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** A small SVG time-series chart: lines over a time axis, y from 0, the value under the pointer. */
export function LineChart({ series, label, formatY = (v) => String(v), minSpanMs = 0, height = 200 }: LineChartProps) {
  const id = useId();
  const [hover, setHover] = useState<number | null>(null);
  const innerW = W - PAD.left - PAD.right;
  const innerH = height - PAD.top - PAD.bottom;
  const all = series.flatMap((s) => s.points);
  const { x, y } = useMemo(() => {
    const xs = all.map((p) => p.x);
    const max = xs.length > 0 ? Math.max(...xs) : Date.now();
    const min = xs.length > 0 ? Math.min(Math.min(...xs), max - minSpanMs) : max - Math.max(minSpanMs, 60_000);
    return { x: { min, max: max === min ? min + 1 : max }, y: niceRange(all.map((p) => p.y)) };
  }, [all, minSpanMs]);

  const onMove = (e: MouseEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const px = ((e.clientX - box.left) / box.width) * W - PAD.left;
    if (px < 0 || px > innerW) return setHover(null);
    setHover(x.min + (px / innerW) * (x.max - x.min));
  };
  const nearest = hover === null ? [] : series.map((s) => s.points.reduce<Point | null>((best, p) => (best === null || Math.abs(p.x - hover) < Math.abs(best.x - hover) ? p : best), null));
  const hx = nearest.find((p) => p !== null)?.x ?? null;
  const sx = (v: number) => PAD.left + ((v - x.min) / (x.max - x.min)) * innerW;
  const sy = (v: number) => PAD.top + innerH - ((v - y.min) / (y.max - y.min)) * innerH;

  return (
    <figure className="relative">
      <svg
        viewBox={`0 0 ${W} ${height}`}
        className="h-auto w-full select-none"
        role="img"
        aria-labelledby={id}
        onMouseMove={onMove}
        onMouseLeave={() => setHover(null)}
      >
        <title id={id}>{label}</title>
        {ticks(y).map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={sy(t)} y2={sy(t)} className="stroke-slate-200 dark:stroke-slate-800" strokeWidth={1} />
            <text x={PAD.left - 6} y={sy(t) + 4} textAnchor="end" className="fill-slate-500 text-[11px] dark:fill-slate-400">{formatY(t)}</text>
          </g>
        ))}
        {ticks(x, 4).map((t, i) => (
          <text key={t} x={sx(t)} y={height - 6} textAnchor={i === 0 ? 'start' : i === 4 ? 'end' : 'middle'} className="fill-slate-500 text-[11px] dark:fill-slate-400">{clock(t)}</text>
        ))}
        <g transform={`translate(${PAD.left},${PAD.top})`}>
          {series.map((s, i) => (
            <path key={s.label} d={linePath(s.points, x, y, innerW, innerH)} fill="none" strokeWidth={2} strokeLinejoin="round" className={s.stroke ?? STROKES[i % STROKES.length]} />
          ))}
        </g>
        {hx !== null && <line x1={sx(hx)} x2={sx(hx)} y1={PAD.top} y2={PAD.top + innerH} className="stroke-slate-400" strokeDasharray="3 3" />}
        {nearest.map((p, i) => p && <circle key={series[i]!.label} cx={sx(p.x)} cy={sy(p.y)} r={3.5} className={FILLS[i % FILLS.length]} />)}
      </svg>
      {hx !== null && (
        <figcaption className="pointer-events-none absolute top-1 right-2 rounded bg-white/90 px-2 py-1 text-xs shadow dark:bg-slate-900/90">
          <span className="text-slate-500">{new Date(hx).toLocaleTimeString()}</span>
          {nearest.map((p, i) => p && (
            <span key={series[i]!.label} className="ml-2 font-mono tabular-nums">{series.length > 1 ? `${series[i]!.label} ` : ''}{formatY(p.y)}</span>
          ))}
        </figcaption>
      )}
      {all.length === 0 && <p className="absolute inset-0 flex items-center justify-center text-sm text-slate-500">No samples yet</p>}
    </figure>
  );
}
