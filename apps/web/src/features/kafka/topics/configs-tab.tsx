import { useState } from 'react';
import type { TopicConfigEntry } from '@weir/protocol';
import { errorText } from '../../../api/client';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { toast } from '../../../ui/toast-store';
import { alterConfigs } from '../api/kafka-endpoints';
import { RoleButton } from '../role-gate';

const SOURCE: Record<string, string> = {
  DYNAMIC_TOPIC_CONFIG: 'topic',
  DEFAULT_CONFIG: 'default',
  STATIC_BROKER_CONFIG: 'broker file',
  DYNAMIC_BROKER_CONFIG: 'broker',
  DYNAMIC_DEFAULT_BROKER_CONFIG: 'cluster default',
};

function EditConfigDialog({ cluster, topic, entry, onClose, onSaved }: { cluster: string; topic: string; entry: TopicConfigEntry; onClose(): void; onSaved(): void }) {
  const [value, setValue] = useState(entry.value ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (req: { set?: Record<string, string>; reset?: string[] }) => {
    setBusy(true);
    setError(undefined);
    try {
      await alterConfigs(cluster, topic, req);
      toast({ tone: 'success', title: `${entry.name} ${req.reset ? 'reset to the default' : 'saved'}` });
      onSaved();
      onClose();
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={`Edit ${entry.name}`}
      description={`Topic ${topic}; now ${entry.value ?? '(hidden)'} from ${SOURCE[entry.source] ?? entry.source}.`}
      onClose={onClose}
      size="sm"
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>Cancel</Button>
          {entry.source === 'DYNAMIC_TOPIC_CONFIG' && <Button onClick={() => void run({ reset: [entry.name] })} disabled={busy}>Reset to default</Button>}
          <Button variant="primary" onClick={() => void run({ set: { [entry.name]: value } })} disabled={busy}>Save</Button>
        </>
      }
    >
      <label className="block text-sm font-medium">
        Value
        <input className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 font-mono text-sm dark:border-slate-700 dark:bg-slate-950" value={value} onChange={(e) => setValue(e.target.value)} autoFocus />
      </label>
      {error && <p role="alert" className="mt-3 text-sm text-rose-700 dark:text-rose-300">{error}</p>}
    </Dialog>
  );
}

/** The topic's configs; values set on the topic first. Admins edit them. */
export function ConfigsTab({ cluster, topic, configs, onChanged }: { cluster: string; topic: string; configs: readonly TopicConfigEntry[]; onChanged(): void }) {
  const [editing, setEditing] = useState<TopicConfigEntry | null>(null);
  const [all, setAll] = useState(false);
  const sorted = [...configs].sort((a, b) => Number(b.source === 'DYNAMIC_TOPIC_CONFIG') - Number(a.source === 'DYNAMIC_TOPIC_CONFIG') || a.name.localeCompare(b.name));
  const shown = all ? sorted : sorted.filter((c) => !c.isDefault);
  return (
    <>
      <label className="mb-3 flex items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
        <input type="checkbox" className="accent-cyan-700" checked={all} onChange={(e) => setAll(e.target.checked)} />
        Show defaults too ({configs.length} configs)
      </label>
      <table className="w-full text-left text-sm" aria-label="Configs">
        <thead className="text-xs tracking-wide text-slate-500 uppercase dark:text-slate-400">
          <tr>
            <th className="pb-2 font-medium">Name</th>
            <th className="pb-2 font-medium">Value</th>
            <th className="pb-2 font-medium">From</th>
            <th className="pb-2" />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {shown.map((c) => (
            <tr key={c.name}>
              <td className="py-1.5 font-mono text-xs">{c.name}</td>
              <td className="py-1.5 font-mono text-xs break-all">{c.isSensitive ? '(hidden)' : c.value}</td>
              <td className="py-1.5 text-xs text-slate-500">{SOURCE[c.source] ?? c.source}</td>
              <td className="py-1.5 text-right">
                {!c.readOnly && <RoleButton role="admin" size="sm" variant="ghost" onClick={() => setEditing(c)} aria-label={`Edit ${c.name}`}>Edit</RoleButton>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length === 0 && <p className="py-4 text-sm text-slate-500">Every config has the broker's default value.</p>}
      {editing && <EditConfigDialog cluster={cluster} topic={topic} entry={editing} onClose={() => setEditing(null)} onSaved={onChanged} />}
    </>
  );
}
