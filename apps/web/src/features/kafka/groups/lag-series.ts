import type { LagPoint } from '@weir/protocol';

/** History and live samples merged by time (a live sample may repeat the last of the history), within `keepMs` of the newest. */
export function mergeLag(history: readonly LagPoint[], live: readonly LagPoint[], keepMs = 3_600_000): LagPoint[] {
  const byTime = new Map<string, LagPoint>();
  for (const p of [...history, ...live]) byTime.set(p.at, p);
  const all = [...byTime.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const newest = all.length > 0 ? Date.parse(all[all.length - 1]!.at) : 0;
  return all.filter((p) => Date.parse(p.at) >= newest - keepMs);
}

/** The chart's lines: the total, and each topic's when the group reads several (at most `maxTopics`). */
export function lagLines(points: readonly LagPoint[], maxTopics = 4): Array<{ label: string; points: Array<{ x: number; y: number }> }> {
  const total = { label: 'total', points: points.map((p) => ({ x: Date.parse(p.at), y: p.lag })) };
  const topics = [...new Set(points.flatMap((p) => Object.keys(p.topics)))].sort();
  if (topics.length < 2) return [total];
  return [total, ...topics.slice(0, maxTopics).map((t) => ({ label: t, points: points.filter((p) => t in p.topics).map((p) => ({ x: Date.parse(p.at), y: p.topics[t]! })) }))];
}
