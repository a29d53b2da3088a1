import type { JobHistoryPoint } from '@weir/protocol/live-jobs';
import type { Series } from './charts/line-chart';

const PALETTE = ['#0891b2', '#f59e0b', '#8b5cf6', '#10b981', '#e11d48', '#64748b', '#d946ef', '#84cc16'];

/** Charts of the job page from its history points (pure, so they are tested without a browser). */
export function throughputSeries(points: readonly JobHistoryPoint[]): Series[] {
  return [
    { name: 'in', color: PALETTE[0]!, values: points.map((p) => p.recordsIn) },
    { name: 'out', color: PALETTE[3]!, values: points.map((p) => p.recordsOut) },
  ];
}

/** One series per partition seen in the window (a partition absent from a point is a gap). */
export function lagSeries(points: readonly JobHistoryPoint[], limit = 8): Series[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const p of points) {
    for (const k of Object.keys(p.partitions)) {
      if (seen.has(k)) continue;
      seen.add(k);
      keys.push(k);
    }
  }
  return keys.slice(0, limit).map((k, i) => ({ name: k, color: PALETTE[i % PALETTE.length]!, values: points.map((p) => p.partitions[k] ?? null) }));
}

/** Back-pressured share of each second (%): the worst node, and each of the `limit` worst nodes of the window. */
export function backpressureSeries(points: readonly JobHistoryPoint[], limit = 4): Series[] {
  const worst = new Map<string, number>();
  for (const p of points) for (const [id, t] of Object.entries(p.nodes)) worst.set(id, Math.max(worst.get(id) ?? 0, t[2]));
  const nodes = [...worst.entries()].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]).slice(0, limit).map(([id]) => id);
  return [
    { name: 'worst', color: PALETTE[4]!, values: points.map((p) => p.maxBackPressuredMs / 10) },
    ...nodes.map((id, i) => ({ name: id, color: PALETTE[(i + 1) % PALETTE.length]!, values: points.map((p) => (p.nodes[id] ? p.nodes[id][2] / 10 : null)) })),
  ];
}

export interface CheckpointRow {
  id: number;
  durationMs: number;
  sizeBytes: number;
  /** When the point that first showed it was taken. */
  seenAt: number;
}

/** The completed checkpoints seen in the history, oldest first. */
export function checkpointHistory(points: readonly JobHistoryPoint[]): CheckpointRow[] {
  const out: CheckpointRow[] = [];
  for (const p of points) {
    const c = p.checkpoint;
    if (c && out.at(-1)?.id !== c.id) out.push({ id: c.id, durationMs: c.durationMs, sizeBytes: c.sizeBytes, seenAt: p.time });
  }
  return out;
}
