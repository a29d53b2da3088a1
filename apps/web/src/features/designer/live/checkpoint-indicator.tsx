import { useEffect, useState } from 'react';
import { bytes } from '../../../ui/format-bytes';
import { duration } from './live-format';
import { useLiveMetrics } from './metrics-store';

/** Last completed checkpoint (and its age), one in progress, and failures, for the running job. */
export function CheckpointIndicator() {
  const c = useLiveMetrics((s) => s.checkpoints);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  if (!c) return null;
  const last = c.lastCompleted;
  return (
    <div data-testid="live-checkpoints" className="flex items-center gap-2 text-xs">
      <span
        className={`h-2 w-2 rounded-full ${c.inProgress ? 'animate-pulse bg-cyan-500' : c.failed > 0 ? 'bg-amber-500' : 'bg-emerald-500'}`}
        aria-hidden="true"
      />
      <span>
        {last ? `checkpoint #${last.id} ${duration(Math.max(0, now - last.time))} ago (${duration(last.durationMs)}, ${bytes(last.sizeBytes)})` : 'no checkpoint yet'}
        {c.inProgress && ` · #${c.inProgress.id} in progress`}
        {c.failed > 0 && <span className="text-amber-700 dark:text-amber-400"> · {c.failed} failed</span>}
      </span>
    </div>
  );
}
