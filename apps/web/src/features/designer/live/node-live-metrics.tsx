import { memo } from 'react';
import type { NodeMetrics, PartitionMetrics } from '@weir/model';
import { LEVEL_TEXT, compactNumber, duration, rate, watermark } from './live-format';
import { useNodeLive, useNodePartitions } from './metrics-store';
import { useLiveTextVisible } from './use-detail-level';

/** The lag of a source over its partitions: records summed, time the worst. */
export function sourceLag(partitions: readonly PartitionMetrics[]): { records: number; ms: number | null } {
  let records = 0;
  let ms: number | null = null;
  for (const p of partitions) {
    records += p.lag;
    if (p.lagMs !== null && (ms === null || p.lagMs > ms)) ms = p.lagMs;
  }
  return { records, ms };
}

/**
 * The busy/backpressure bar, in whole percents: a snapshot whose shares moved by less than
 * one percent leaves it alone (no re-render, no style write) — on a 150-node canvas that is
 * most of them, every second.
 */
const TimeBar = memo(function TimeBar({ busy, bp, idle }: { busy: number; bp: number; idle: number }) {
  // Rounded ends on the spans rather than a clipping track: an overflow clip per node is one
  // more property-tree node for Chromium to re-layerize on every pan frame.
  const full = busy + bp >= 100;
  return (
    <div
      className="flex h-1.5 w-full rounded-full bg-slate-100 dark:bg-slate-800"
      role="img"
      aria-label={`busy ${busy}%, back-pressured ${bp}%`}
      title={`busy ${busy}% · back-pressured ${bp}% · idle ${idle}%`}
    >
      <span className={`rounded-l-full bg-cyan-500 ${full && bp === 0 ? 'rounded-r-full' : ''}`} style={{ width: `${busy}%` }} />
      <span className={`bg-rose-500 ${busy === 0 ? 'rounded-l-full' : ''} ${full ? 'rounded-r-full' : ''}`} style={{ width: `${bp}%` }} />
    </div>
  );
});

/** A node's busy, back-pressured and idle shares of the last second, in whole percents. */
export function timeShares(m: Pick<NodeMetrics, 'busyTimeMsPerSecond' | 'backPressuredTimeMsPerSecond' | 'idleTimeMsPerSecond'>) {
  const busy = Math.min(100, Math.round(m.busyTimeMsPerSecond / 10));
  const bp = Math.min(100 - busy, Math.round(m.backPressuredTimeMsPerSecond / 10));
  return { busy, bp, idle: Math.min(100 - busy - bp, Math.round(m.idleTimeMsPerSecond / 10)) };
}

function PartitionLag({ id }: { id: string }) {
  const partitions = useNodePartitions(id);
  if (partitions.length === 0) return null;
  const lag = sourceLag(partitions);
  const detail = partitions.map((p) => `${p.topic}[${p.partition}]: ${p.lag} behind${p.lagMs !== null ? `, ${duration(p.lagMs)}` : ''}${p.idle ? ' (idle)' : ''}`).join('\n');
  return (
    <span data-testid={`live-lag-${id}`} data-lag={lag.records} title={detail} className="cursor-help">
      lag {compactNumber(lag.records)}
      {lag.ms !== null && ` · ${duration(lag.ms)}`}
    </span>
  );
}

/**
 * A node's live strip: records in and out per second, a busy/backpressure bar, a source's
 * lag (per partition on hover), and the watermark of windows and joins; zoomed far out, the
 * bar alone. Renders nothing without a running job; reads only its own node from the metrics store.
 */
function NodeLiveMetricsView({ id, category }: { id: string; category: string | undefined }) {
  const m = useNodeLive(id);
  const textVisible = useLiveTextVisible();
  if (!m) return null;
  if (!textVisible) {
    return (
      <div
        className="border-t border-slate-100 px-3 py-1.5 dark:border-slate-800"
        data-testid={`live-${id}`}
        data-detail="bar"
        data-backpressure={m.backpressure}
      >
        <TimeBar {...timeShares(m)} />
      </div>
    );
  }
  return (
    <div
      className="space-y-1 border-t border-slate-100 px-3 py-1.5 text-[11px] text-slate-600 dark:border-slate-800 dark:text-slate-300"
      data-testid={`live-${id}`}
      data-in={m.recordsInPerSecond}
      data-out={m.recordsOutPerSecond}
      data-backpressure={m.backpressure}
    >
      <div className="flex justify-between gap-2 font-mono tabular-nums">
        <span title="records in per second">in {rate(m.recordsInPerSecond)}</span>
        <span title="records out per second">out {rate(m.recordsOutPerSecond)}</span>
      </div>
      <TimeBar {...timeShares(m)} />
      <div className="flex justify-between gap-2">
        <span className={`font-semibold ${LEVEL_TEXT[m.backpressure]}`} title="backpressure (Flink's grading)">{m.backpressure}</span>
        {category === 'source' && <PartitionLag id={id} />}
        {(category === 'window' || category === 'join') && (
          <span title="current watermark (UTC)">wm {m.currentWatermark === null ? '—' : watermark(m.currentWatermark)}</span>
        )}
        {m.errors > 0 && <span className="text-rose-600">{m.errors} errors</span>}
      </div>
    </div>
  );
}

export const NodeLiveMetrics = memo(NodeLiveMetricsView);
