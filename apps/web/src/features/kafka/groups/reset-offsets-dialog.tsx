import { useState } from 'react';
import type { ResetOffsetsPreview, ResetOffsetsRequest, ResetTarget } from '@weir/protocol';
import { errorText } from '../../../api/client';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { toast } from '../../../ui/toast-store';
import { applyReset, previewReset } from '../api/kafka-endpoints';
import { count } from '../format';
import { localInputToIso } from '../messages/bounded-window';
import { CONTROL } from '../controls';
import { parsePartitions } from './partition-list';

type Kind = ResetTarget['kind'];

/**
 * Reset a group's offsets (admin): choose where to, look at the preview of every partition's
 * new offset, then apply. The server refuses while the group has members (GROUP_NOT_EMPTY).
 */
export function ResetOffsetsDialog({ cluster, group, topics, state, onClose, onApplied }: {
  cluster: string; group: string; topics: readonly string[]; state: string; onClose(): void; onApplied(): void;
}) {
  const [topic, setTopic] = useState(topics.length === 1 ? topics[0]! : '');
  const [partitions, setPartitions] = useState('');
  const [kind, setKind] = useState<Kind>('earliest');
  const [offset, setOffset] = useState('0');
  const [time, setTime] = useState('');
  const [preview, setPreview] = useState<ResetOffsetsPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const running = state !== 'Empty' && state !== 'Dead';

  function request(): ResetOffsetsRequest | string {
    let to: ResetTarget;
    if (kind === 'offset') to = { kind, offset: Number(offset) || 0 };
    else if (kind === 'timestamp') {
      const iso = localInputToIso(time);
      if (!iso) return 'Choose the time to reset to.';
      to = { kind, timestamp: iso };
    } else to = { kind };
    const parts = partitions.trim() ? parsePartitions(partitions) : undefined;
    if (parts === null) return 'Partitions: write numbers and ranges, e.g. 0, 2-4.';
    if (parts && !topic) return 'Choose a topic to reset only some partitions.';
    return { topic: topic || null, ...(parts ? { partitions: parts } : {}), to };
  }

  async function run(apply: boolean) {
    const req = request();
    if (typeof req === 'string') return setError(req);
    setBusy(true);
    setError(undefined);
    try {
      if (apply) {
        const done = await applyReset(cluster, group, req);
        toast({ tone: 'success', title: `Offsets of ${group} reset`, message: `${done.partitions.length} partitions` });
        onApplied();
        onClose();
      } else {
        setPreview(await previewReset(cluster, group, req));
        setBusy(false);
      }
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  }
  const edit = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPreview(null);
  };

  return (
    <Dialog
      title={`Reset offsets of ${group}`}
      description="Where the group starts reading when its consumers next join."
      size="lg"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>Cancel</Button>
          <Button onClick={() => void run(false)} disabled={busy}>Preview</Button>
          <Button variant="danger" onClick={() => void run(true)} disabled={busy || preview === null || running} title={running ? 'The group has members; stop its consumers first' : preview === null ? 'Preview first' : undefined}>Apply reset</Button>
        </>
      }
    >
      <div className="space-y-4">
        {running && (
          <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
            The group is {state}: offsets can be reset only while it has no members. Stop its consumers first; the preview works meanwhile.
          </p>
        )}
        <div className="flex flex-wrap items-end gap-3">
          <label className="text-xs font-medium text-slate-600 dark:text-slate-300">
            Topic
            <select className={`${CONTROL} mt-1 block`} value={topic} onChange={(e) => edit(setTopic)(e.target.value)} aria-label="Topic">
              <option value="">Every topic it has offsets on</option>
              {topics.map((t) => <option key={t} value={t}>{t}</option>)}
            </select>
          </label>
          <label className="text-xs font-medium text-slate-600 dark:text-slate-300">
            Partitions
            <input className={`${CONTROL} mt-1 block w-28`} placeholder="all" value={partitions} onChange={(e) => edit(setPartitions)(e.target.value)} aria-label="Partitions" />
          </label>
          <label className="text-xs font-medium text-slate-600 dark:text-slate-300">
            Reset to
            <select className={`${CONTROL} mt-1 block`} value={kind} onChange={(e) => edit(setKind)(e.target.value as Kind)} aria-label="Reset to">
              <option value="earliest">The earliest offset</option>
              <option value="latest">The latest offset (skip everything)</option>
              <option value="timestamp">A time</option>
              <option value="offset">An offset</option>
            </select>
          </label>
          {kind === 'offset' && (
            <label className="text-xs font-medium text-slate-600 dark:text-slate-300">
              Offset
              <input className={`${CONTROL} mt-1 block w-28`} type="number" min={0} value={offset} onChange={(e) => edit(setOffset)(e.target.value)} aria-label="Offset" />
            </label>
          )}
          {kind === 'timestamp' && (
            <label className="text-xs font-medium text-slate-600 dark:text-slate-300">
              Time
              <input className={`${CONTROL} mt-1 block`} type="datetime-local" step={1} value={time} onChange={(e) => edit(setTime)(e.target.value)} aria-label="Time" />
            </label>
          )}
        </div>
        {error && <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">{error}</p>}
        {preview && (
          <table className="w-full text-left text-sm" aria-label="Reset preview">
            <thead className="text-xs tracking-wide text-slate-500 uppercase dark:text-slate-400">
              <tr>
                <th className="pb-2 font-medium">Topic</th>
                <th className="pb-2 font-medium">Partition</th>
                <th className="pb-2 text-right font-medium">Now</th>
                <th className="pb-2 text-right font-medium">New offset</th>
                <th className="pb-2 text-right font-medium">Lag after</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {preview.partitions.map((p) => (
                <tr key={`${p.topic}/${p.partition}`}>
                  <td className="py-1.5 font-mono text-xs">{p.topic}</td>
                  <td className="py-1.5 tabular-nums">{p.partition}</td>
                  <td className="py-1.5 text-right tabular-nums">{p.current === null ? '—' : count(p.current)}</td>
                  <td className="py-1.5 text-right font-semibold tabular-nums">{count(p.target)}</td>
                  <td className="py-1.5 text-right tabular-nums">{count(p.lagAfter)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </Dialog>
  );
}
