import { useState } from 'react';
import { MESSAGE_META_FIELDS, type ExportQuery, type SearchRange } from '@weir/protocol';
import { useHasRole } from '../../auth/session-store';
import { Button } from '../../../ui/button';
import { DownloadIcon } from '../../../ui/icons';
import { exportUrl } from '../api/kafka-endpoints';
import { compact, count, needsRole } from '../format';
import { localInputToIso } from './bounded-window';
import { CONTROL } from '../controls';
import { PositionFields } from './position-fields';
import { MessageTable } from './message-table';
import { parseSchemaLines, schemaToLines } from './schema-lines';
import { SHOWN_MATCHES, useSearch } from './use-search';
import { useSearchCheck } from './use-search-check';

type From = 'earliest' | 'latest' | 'offset' | 'timestamp';

const REASONS: Record<string, string> = {
  end: 'Searched the whole range.',
  cancelled: 'Cancelled.',
  'max-matches': 'Stopped at the match limit.',
  'max-messages': 'Stopped at the message budget.',
  'max-seconds': 'Stopped at the time budget.',
  error: 'Failed.',
};

/**
 * Search with Weir's expression language, evaluated on the server over a bounded range (up to
 * the end offsets when it starts), streamed here with progress; cancellable; exportable.
 */
export function SearchPanel({ cluster, topic, partitions }: { cluster: string; topic: string; partitions: number }) {
  const [expression, setExpression] = useState('');
  const [from, setFrom] = useState<From>('earliest');
  const [partition, setPartition] = useState('');
  const [last, setLast] = useState('10000');
  const [offset, setOffset] = useState('0');
  const [time, setTime] = useState('');
  const [maxMatches, setMaxMatches] = useState('1000');
  const [maxSeconds, setMaxSeconds] = useState('');
  const [schemaText, setSchemaText] = useState('');
  const canExport = useHasRole('operator');
  const search = useSearch();
  const { state } = search;

  const range: SearchRange = {
    from,
    partition: partition === '' ? null : Number(partition),
    last: Number(last) || 10_000,
    ...(from === 'offset' ? { offset: Number(offset) || 0 } : {}),
    ...(from === 'timestamp' && localInputToIso(time) ? { timestamp: localInputToIso(time)! } : {}),
    ...(maxSeconds ? { maxSeconds: Number(maxSeconds) } : {}),
  };
  const given = parseSchemaLines(schemaText);
  const schema = given.ok ? given.schema : null;
  const check = useSearchCheck(cluster, topic, { expression, range, schema });
  const problems = check.result?.problems ?? [];
  const blocked = problems.length > 0 || !given.ok;
  const running = state.phase === 'starting' || state.phase === 'running';
  const p = state.progress;
  const percent = p && p.total > 0 ? Math.min(100, Math.round((p.scanned / p.total) * 100)) : 0;
  const exportQuery: ExportQuery = {
    expression, from, last: range.last, ...(range.partition !== null ? { partition: range.partition } : {}), ...(schema ? { schema: JSON.stringify(schema) } : {}),
    ...(range.offset !== undefined ? { offset: range.offset } : {}), ...(range.timestamp ? { timestamp: range.timestamp } : {}),
    ...(range.maxSeconds ? { maxSeconds: range.maxSeconds } : {}),
  };

  return (
    <div className="space-y-4">
      <form
        className="space-y-3"
        aria-label="Search messages"
        onSubmit={(e) => {
          e.preventDefault();
          search.start({ cluster, topic, expression, schema, range, maxMatches: Number(maxMatches) || 1000 });
        }}
      >
        <label className="block text-xs font-medium text-slate-600 dark:text-slate-300">
          Filter expression <span className="font-normal text-slate-500">(empty matches every message; e.g. amount &gt; 100 AND category = 'toys')</span>
          <textarea
            className={`${CONTROL} mt-1 block h-16 w-full font-mono`}
            value={expression}
            onChange={(e) => setExpression(e.target.value)}
            spellCheck={false}
            aria-invalid={problems.length > 0}
            aria-label="Filter expression"
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) e.currentTarget.form?.requestSubmit();
            }}
          />
        </label>
        {problems.length > 0 && (
          <ul role="alert" className="space-y-1 text-sm text-rose-700 dark:text-rose-300">
            {problems.map((pr, i) => <li key={i}><span className="font-mono text-xs">{pr.code}</span> {pr.message}</li>)}
          </ul>
        )}
        {check.error && <p className="text-xs text-rose-700 dark:text-rose-300">{check.error}</p>}
        {check.result && (
          <p className="text-xs text-slate-500" data-testid="search-fields">
            Fields{check.result.inferred ? ` (inferred from ${check.result.sampled} messages${check.result.notJson ? `, ${check.result.notJson} not JSON` : ''})` : ''}:{' '}
            {check.result.schema.map((f) => (
              <button key={f.name} type="button" className="mr-1 mb-1 rounded bg-slate-100 px-1.5 py-0.5 font-mono hover:bg-cyan-100 dark:bg-slate-800 dark:hover:bg-cyan-900" onClick={() => setExpression((x) => `${x}${x && !x.endsWith(' ') ? ' ' : ''}${f.name}`)} title={`Insert ${f.name}`}>
                {f.name}<span className="text-slate-400">:{f.type}</span>
              </button>
            ))}
          </p>
        )}
        <details className="text-xs text-slate-600 dark:text-slate-300">
          <summary className="cursor-pointer">Value fields: {schema ? `${schema.length} given` : 'inferred'} — give them yourself</summary>
          <div className="mt-2 flex items-start gap-3">
            <textarea
              className={`${CONTROL} h-24 w-72 font-mono`}
              value={schemaText}
              onChange={(e) => setSchemaText(e.target.value)}
              placeholder={'amount double\ncategory string\nts timestamp'}
              aria-label="Value fields"
              spellCheck={false}
            />
            <div className="space-y-2">
              <p>One field a line: its name and type (string, int, bigint, double, boolean, timestamp). Empty: inferred from the first messages of the range.</p>
              {/* The check's schema is the value's fields followed by the message's four. */}
              {check.result?.inferred && (
                <Button size="sm" onClick={() => setSchemaText(schemaToLines(check.result!.schema.slice(0, -MESSAGE_META_FIELDS.length)))}>
                  Start from the inferred fields
                </Button>
              )}
              {!given.ok && <p role="alert" className="text-rose-700 dark:text-rose-300">{given.message}</p>}
            </div>
          </div>
        </details>
        <div className="flex flex-wrap items-end gap-3">
          <label className="text-xs font-medium text-slate-600 dark:text-slate-300">
            Range
            <select className={`${CONTROL} mt-1 block`} value={from} onChange={(e) => setFrom(e.target.value as From)}>
              <option value="earliest">Whole topic</option>
              <option value="latest">Newest messages</option>
              <option value="offset">From an offset</option>
              <option value="timestamp">From a time</option>
            </select>
          </label>
          {from === 'latest' && (
            <label className="text-xs font-medium text-slate-600 dark:text-slate-300">
              Per partition
              <input className={`${CONTROL} mt-1 block w-28`} type="number" min={1} value={last} onChange={(e) => setLast(e.target.value)} />
            </label>
          )}
          <PositionFields {...{ from, offset, setOffset, time, setTime, partition, setPartition, partitions }} />
          <label className="text-xs font-medium text-slate-600 dark:text-slate-300">
            Stop after matches
            <input className={`${CONTROL} mt-1 block w-24`} type="number" min={1} max={100000} value={maxMatches} onChange={(e) => setMaxMatches(e.target.value)} />
          </label>
          <label className="text-xs font-medium text-slate-600 dark:text-slate-300">
            Time budget (s)
            <input className={`${CONTROL} mt-1 block w-24`} type="number" min={1} max={3600} placeholder="none" value={maxSeconds} onChange={(e) => setMaxSeconds(e.target.value)} />
          </label>
          {!running && <Button type="submit" variant="primary" size="sm" disabled={blocked}>Search</Button>}
          {running && <Button size="sm" variant="danger" onClick={search.cancel}>Cancel</Button>}
          {canExport ? (
            <a
              href={blocked ? undefined : exportUrl(cluster, topic, exportQuery)}
              download
              aria-disabled={blocked}
              className="inline-flex h-8 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium shadow-sm hover:bg-slate-100 aria-disabled:pointer-events-none aria-disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
              title="Every match as JSON lines (no match limit)"
            >
              <DownloadIcon className="h-4 w-4" /> Export JSON lines
            </a>
          ) : (
            <span className="inline-flex items-center gap-2">
              <Button size="sm" disabled title={needsRole('operator')}><DownloadIcon className="h-4 w-4" /> Export JSON lines</Button>
              <span className="text-xs text-slate-500">{needsRole('operator')}</span>
            </span>
          )}
        </div>
      </form>

      {state.phase !== 'idle' && (
        <div className="rounded-md border border-slate-200 p-3 dark:border-slate-800" aria-label="Search progress">
          <div className="h-2 overflow-hidden rounded bg-slate-100 dark:bg-slate-800" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
            <div className="h-full bg-cyan-600 transition-[width]" style={{ width: `${percent}%` }} />
          </div>
          <p className="mt-2 text-sm tabular-nums" data-testid="search-progress">
            {state.phase === 'starting' && 'Starting…'}
            {p && (
              <>
                Scanned <strong>{count(p.scanned)}</strong> of {count(p.total)} · matched <strong>{count(p.matched)}</strong> · {compact(p.rate)} msgs/s · {(p.elapsedMs / 1000).toFixed(1)} s
                {p.notJson > 0 && ` · ${count(p.notJson)} not JSON`}
                {p.evalErrors > 0 && ` · ${count(p.evalErrors)} could not be evaluated`}
              </>
            )}
            {state.done && <span className="ml-2 text-slate-500">{REASONS[state.done.reason]}</span>}
          </p>
          {state.error && (
            <div role="alert" className="mt-2 text-sm text-rose-700 dark:text-rose-300">
              <span className="font-mono text-xs">{state.error.code}</span> {state.error.message}
            </div>
          )}
        </div>
      )}
      {state.phase !== 'idle' && (
        <>
          <MessageTable messages={state.matches} label="Search results" empty={running ? 'No matches yet…' : 'No message matched.'} />
          {p && p.matched > SHOWN_MATCHES && <p className="text-xs text-slate-500">Showing the first {SHOWN_MATCHES} of {count(p.matched)} matches; export gets them all.</p>}
        </>
      )}
    </div>
  );
}
