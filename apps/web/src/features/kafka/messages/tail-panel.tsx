import { useState } from 'react';
import { Button } from '../../../ui/button';
import { count } from '../format';
import { LiveBadge } from '../live-badge';
import { CONTROL } from '../controls';
import { MessageTable } from './message-table';
import { TAIL_WINDOW, useTail } from './use-tail';

/** New messages as they arrive, until paused; newest on top. */
export function TailPanel({ cluster, topic, partitions }: { cluster: string; topic: string; partitions: number }) {
  const [partition, setPartition] = useState('');
  const tail = useTail(cluster, topic, partition === '' ? null : Number(partition));
  const { state } = tail;
  const newestFirst = [...state.messages].reverse();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <label className="text-xs font-medium text-slate-600 dark:text-slate-300">
          Partition{' '}
          <select className={CONTROL} value={partition} onChange={(e) => setPartition(e.target.value)} disabled={state.running}>
            <option value="">All</option>
            {Array.from({ length: partitions }, (_, p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </label>
        {!state.running && state.cursor === null && (
          <>
            <Button variant="primary" size="sm" onClick={() => tail.start('latest')}>Start tail</Button>
            <Button size="sm" onClick={() => tail.start('earliest')} title="Read the whole topic, then keep going">From the start</Button>
          </>
        )}
        {state.running && <Button size="sm" onClick={tail.pause}>Pause</Button>}
        {!state.running && state.cursor !== null && <Button variant="primary" size="sm" onClick={tail.resume}>Resume</Button>}
        {state.messages.length > 0 && <Button size="sm" variant="ghost" onClick={tail.clear}>Clear</Button>}
        {state.status && <LiveBadge status={state.status} />}
        <span className="text-xs text-slate-500 tabular-nums" aria-live="polite" data-testid="tail-stats">
          {count(state.received)} received{state.behind > 0 ? `, ${count(state.behind)} behind` : ''}{!state.running && state.cursor !== null ? ' · paused' : ''}
        </span>
      </div>
      {state.status?.state === 'error' && <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">{state.status.code}: {state.status.message}</p>}
      {state.status?.state === 'closed' && <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">The tail stopped: {state.status.message}</p>}
      <MessageTable
        messages={newestFirst}
        label="Live tail"
        empty={state.running ? 'Waiting for new messages…' : 'Start the tail to see messages as they arrive.'}
      />
      {state.received > TAIL_WINDOW && <p className="text-xs text-slate-500">Showing the newest {TAIL_WINDOW} of {count(state.received)}; the tail keeps reading.</p>}
    </div>
  );
}
