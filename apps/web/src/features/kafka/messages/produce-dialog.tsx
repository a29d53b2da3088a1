import { useState } from 'react';
import { errorText } from '../../../api/client';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { PlusIcon, TrashIcon } from '../../../ui/icons';
import { toast } from '../../../ui/toast-store';
import { produceMessage } from '../api/kafka-endpoints';
import { CONTROL } from '../controls';

/** Writes one message (operator): key, value (checked as JSON when asked), headers, partition. */
export function ProduceDialog({ cluster, topic, partitions, onClose, onProduced }: { cluster: string; topic: string; partitions: number; onClose(): void; onProduced?(): void }) {
  const [key, setKey] = useState('');
  const [value, setValue] = useState('{\n  \n}');
  const [json, setJson] = useState(true);
  const [partition, setPartition] = useState('');
  const [headers, setHeaders] = useState<Array<{ key: string; value: string }>>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function send() {
    setBusy(true);
    setError(undefined);
    try {
      const r = await produceMessage(cluster, topic, {
        key: key === '' ? null : key,
        value,
        headers: headers.filter((h) => h.key !== ''),
        partition: partition === '' ? null : Number(partition),
        validateJson: json,
      });
      toast({ tone: 'success', title: 'Message produced', message: `Partition ${r.partition}, offset ${r.offset}` });
      onProduced?.();
      onClose();
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={`Produce to ${topic}`}
      onClose={onClose}
      size="lg"
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>Cancel</Button>
          <Button variant="primary" onClick={() => void send()} disabled={busy}>Produce</Button>
        </>
      }
    >
      <div className="space-y-4">
        <div className="grid grid-cols-3 gap-4">
          <label className="col-span-2 block text-sm font-medium">
            Key <span className="font-normal text-slate-500">(empty: none)</span>
            <input className={`${CONTROL} mt-1 block w-full font-mono`} value={key} onChange={(e) => setKey(e.target.value)} aria-label="Key" />
          </label>
          <label className="block text-sm font-medium">
            Partition
            <select className={`${CONTROL} mt-1 block w-full`} value={partition} onChange={(e) => setPartition(e.target.value)} aria-label="Partition">
              <option value="">Automatic (by key)</option>
              {Array.from({ length: partitions }, (_, p) => <option key={p} value={p}>{p}</option>)}
            </select>
          </label>
        </div>
        <label className="block text-sm font-medium">
          Value
          <textarea className={`${CONTROL} mt-1 block h-40 w-full font-mono`} value={value} onChange={(e) => setValue(e.target.value)} spellCheck={false} aria-label="Value" />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className="accent-cyan-700" checked={json} onChange={(e) => setJson(e.target.checked)} />
          The value must be JSON
        </label>
        <fieldset>
          <legend className="text-sm font-medium">Headers</legend>
          {headers.map((h, i) => (
            <div key={i} className="mt-2 flex gap-2">
              <input className={`${CONTROL} w-40 font-mono`} placeholder="name" value={h.key} aria-label={`Header ${i + 1} name`} onChange={(e) => setHeaders((hs) => hs.map((x, j) => (j === i ? { ...x, key: e.target.value } : x)))} />
              <input className={`${CONTROL} flex-1 font-mono`} placeholder="value" value={h.value} aria-label={`Header ${i + 1} value`} onChange={(e) => setHeaders((hs) => hs.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))} />
              <Button size="icon-sm" variant="ghost" aria-label={`Remove header ${i + 1}`} onClick={() => setHeaders((hs) => hs.filter((_, j) => j !== i))}><TrashIcon className="h-4 w-4" /></Button>
            </div>
          ))}
          <Button size="sm" variant="ghost" className="mt-2" onClick={() => setHeaders((hs) => [...hs, { key: '', value: '' }])}><PlusIcon className="h-4 w-4" />Add header</Button>
        </fieldset>
        {error && <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">{error}</p>}
      </div>
    </Dialog>
  );
}
