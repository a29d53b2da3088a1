import { useState } from 'react';
import { errorText } from '../../../api/client';
import { navigate } from '../../../router/router-store';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { toast } from '../../../ui/toast-store';
import { createTopic } from '../api/kafka-endpoints';
import { kafkaPaths } from '../paths';
import { parseConfigLines } from './config-lines';

const INPUT = 'mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950';

export function CreateTopicDialog({ cluster, onClose }: { cluster: string; onClose(): void }) {
  const [name, setName] = useState('');
  const [partitions, setPartitions] = useState('3');
  const [replication, setReplication] = useState('');
  const [configs, setConfigs] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function submit() {
    const parsed = parseConfigLines(configs);
    if (!parsed.ok) return setError(parsed.message);
    setBusy(true);
    setError(undefined);
    try {
      await createTopic(cluster, {
        name: name.trim(),
        partitions: Number(partitions),
        ...(replication.trim() ? { replicationFactor: Number(replication) } : {}),
        configs: parsed.configs,
      });
      toast({ tone: 'success', title: `Topic ${name.trim()} created` });
      onClose();
      navigate(kafkaPaths.topic(cluster, name.trim()));
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  }

  return (
    <Dialog
      title="Create a topic"
      description={`On cluster ${cluster}.`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>Cancel</Button>
          <Button variant="primary" onClick={() => void submit()} disabled={busy || name.trim() === ''}>Create topic</Button>
        </>
      }
    >
      <form className="space-y-4" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <label className="block text-sm font-medium">
          Name
          <input className={`${INPUT} font-mono`} value={name} onChange={(e) => setName(e.target.value)} autoFocus placeholder="orders" pattern="[a-zA-Z0-9._\-]{1,249}" />
        </label>
        <div className="grid grid-cols-2 gap-4">
          <label className="block text-sm font-medium">
            Partitions
            <input className={INPUT} type="number" min={1} max={10000} value={partitions} onChange={(e) => setPartitions(e.target.value)} />
          </label>
          <label className="block text-sm font-medium">
            Replication factor
            <input className={INPUT} type="number" min={1} max={32} value={replication} onChange={(e) => setReplication(e.target.value)} placeholder="broker default" />
          </label>
        </div>
        <label className="block text-sm font-medium">
          Configs <span className="font-normal text-slate-500">(one name=value a line)</span>
          <textarea className={`${INPUT} h-24 font-mono`} value={configs} onChange={(e) => setConfigs(e.target.value)} placeholder={'retention.ms=604800000\ncleanup.policy=delete'} />
        </label>
        {error && <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">{error}</p>}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
