import type { LiveStatus } from '../../realtime/live-socket';

/** Whether a view is receiving live updates, with the reason when it is not. */
export function LiveBadge({ status }: { status: LiveStatus }) {
  const [dot, text, title] =
    status.state === 'live' ? ['bg-emerald-500', 'Live', 'Updating as the server samples the cluster']
      : status.state === 'connecting' ? ['bg-amber-400 animate-pulse', 'Connecting', 'Joining the live updates']
        : ['bg-rose-500', 'Not live', `${status.code}: ${status.message}`];
  return (
    <span title={title} className="inline-flex items-center gap-1.5 text-xs text-slate-500 dark:text-slate-400">
      <span className={`h-2 w-2 rounded-full ${dot}`} aria-hidden="true" />
      {text}
    </span>
  );
}
