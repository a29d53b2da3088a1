import { useEffect, useState } from 'react';
import type { BrowseQuery, BrowseResponse } from '@weir/protocol';
import { ApiRequestError, asApiError } from '../../../api/client';
import { Button } from '../../../ui/button';
import { ErrorNotice } from '../../../ui/error-notice';
import { Spinner } from '../../../ui/spinner';
import { browseMessages } from '../api/kafka-endpoints';
import { localInputToIso } from './bounded-window';
import { CONTROL } from '../controls';
import { PositionFields } from './position-fields';
import { MessageTable } from './message-table';


type From = 'latest' | 'earliest' | 'offset' | 'timestamp';

/** Reads a page of messages from where the person says, then pages older or newer. */
export function BrowsePanel({ cluster, topic, partitions }: { cluster: string; topic: string; partitions: number }) {
  const [from, setFrom] = useState<From>('latest');
  const [partition, setPartition] = useState('');
  const [offset, setOffset] = useState('0');
  const [time, setTime] = useState('');
  const [limit, setLimit] = useState('50');
  const [page, setPage] = useState<BrowseResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiRequestError | null>(null);

  async function read(q: BrowseQuery) {
    setBusy(true);
    setError(null);
    try {
      setPage(await browseMessages(cluster, topic, { ...q, limit: Number(limit), ...(partition !== '' ? { partition: Number(partition) } : {}) }));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }
  // The newest messages as soon as the panel opens: what a person usually wants first.
  useEffect(() => {
    void read({ from: 'latest' });
    // Only on opening; later reads are the person's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cluster, topic]);

  const start = () => {
    if (from === 'offset') return void read({ from, offset: Number(offset) });
    if (from === 'timestamp') {
      const iso = localInputToIso(time);
      if (!iso) return setError(new ApiRequestError(0, 'BAD_REQUEST', 'Choose the time to read from.'));
      return void read({ from, timestamp: iso });
    }
    void read({ from });
  };

  return (
    <div className="space-y-4">
      <form className="flex flex-wrap items-end gap-3" onSubmit={(e) => { e.preventDefault(); start(); }} aria-label="Browse messages">
        <label className="text-xs font-medium text-slate-600 dark:text-slate-300">
          From
          <select className={`${CONTROL} mt-1 block`} value={from} onChange={(e) => setFrom(e.target.value as From)}>
            <option value="latest">Newest</option>
            <option value="earliest">Oldest</option>
            <option value="offset">Offset</option>
            <option value="timestamp">Time</option>
          </select>
        </label>
        <PositionFields {...{ from, offset, setOffset, time, setTime, partition, setPartition, partitions }} />
        <label className="text-xs font-medium text-slate-600 dark:text-slate-300">
          Messages
          <select className={`${CONTROL} mt-1 block`} value={limit} onChange={(e) => setLimit(e.target.value)}>
            {[20, 50, 100, 500, 1000].map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <Button type="submit" variant="primary" size="sm" disabled={busy}>Read</Button>
        {busy && <Spinner label="Reading" />}
      </form>
      {error && <ErrorNotice title="Could not read the messages" message={error.message} code={error.code} />}
      {page && (
        <>
          <div className="flex items-center justify-between text-xs text-slate-500">
            <span>{page.messages.length} messages, {page.direction === 'backward' ? 'newest first' : 'oldest first'}</span>
            <span className="flex gap-2">
              <Button size="sm" disabled={busy || !page.next.backward} onClick={() => void read({ from: 'cursor', direction: 'backward', cursor: page.next.backward! })}>Older</Button>
              <Button size="sm" disabled={busy || !page.next.forward} onClick={() => void read({ from: 'cursor', direction: 'forward', cursor: page.next.forward! })}>Newer</Button>
            </span>
          </div>
          <MessageTable messages={page.messages} label="Messages" empty="No messages in this range." />
        </>
      )}
    </div>
  );
}
