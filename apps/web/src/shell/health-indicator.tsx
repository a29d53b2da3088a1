import { fetchHealth } from '../api/endpoints';
import { useResource } from '../api/use-resource';

type Tone = 'ok' | 'warn' | 'down' | 'pending';

const DOT: Record<Tone, string> = {
  ok: 'bg-emerald-500',
  warn: 'bg-amber-500',
  down: 'bg-rose-500',
  pending: 'bg-slate-400 animate-pulse',
};

// Often enough to notice a broker going away, rarely enough to stay out of the logs.
const POLL_MS = 5000;

/** Whether the server answers and whether it reaches Kafka, from /api/health. */
export function HealthIndicator() {
  const { data, error, loading } = useResource(fetchHealth, { intervalMs: POLL_MS });
  let tone: Tone;
  let label: string;
  let detail: string;
  if (error) {
    tone = 'down';
    label = 'Server unreachable';
    detail = error.message;
  } else if (!data) {
    tone = 'pending';
    label = loading ? 'Checking…' : 'Unknown';
    detail = 'Asking the server for its status';
  } else if (data.kafka.reachable) {
    tone = 'ok';
    label = 'Kafka connected';
    detail = `Weir ${data.version}, up ${data.uptimeSeconds} s`;
  } else {
    tone = 'warn';
    label = 'Kafka unreachable';
    detail = `Weir ${data.version} is running but cannot reach Kafka`;
  }
  return (
    <div
      role="status"
      aria-label={label}
      title={detail}
      data-tone={tone}
      className="flex items-center gap-2 rounded-full border border-slate-200 px-3 py-1 text-xs font-medium text-slate-700 dark:border-slate-700 dark:text-slate-200"
    >
      <span className={`h-2 w-2 rounded-full ${DOT[tone]}`} aria-hidden="true" />
      {label}
    </div>
  );
}
