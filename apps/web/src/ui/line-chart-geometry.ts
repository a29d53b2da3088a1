export interface Point {
  x: number;
  y: number;
}

export interface Scale {
  min: number;
  max: number;
}

/** A y range that starts at 0 (lag and rates are never negative) with headroom above the top. */
export function niceRange(values: readonly number[]): Scale {
  const top = values.reduce((m, v) => Math.max(m, v), 0);
  if (top <= 0) return { min: 0, max: 1 };
  const magnitude = 10 ** Math.floor(Math.log10(top));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const max = step * magnitude;
    if (max >= top) return { min: 0, max };
  }
  return { min: 0, max: 10 * magnitude };
}

/** Evenly spaced tick values from min to max (inclusive). */
export function ticks(scale: Scale, count = 4): number[] {
  const out: number[] = [];
  for (let i = 0; i <= count; i++) out.push(scale.min + ((scale.max - scale.min) * i) / count);
  return out;
}

/** An SVG path through the points scaled into the box (x and y ranges given), no path for no points. */
export function linePath(points: readonly Point[], x: Scale, y: Scale, width: number, height: number): string {
  if (points.length === 0) return '';
  const sx = (v: number) => (x.max === x.min ? width : ((v - x.min) / (x.max - x.min)) * width);
  const sy = (v: number) => height - (y.max === y.min ? 0 : ((v - y.min) / (y.max - y.min)) * height);
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
}
