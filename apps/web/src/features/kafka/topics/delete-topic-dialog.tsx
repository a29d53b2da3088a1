import { useState } from 'react';
import { errorText } from '../../../api/client';
import { navigate } from '../../../router/router-store';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { toast } from '../../../ui/toast-store';
import { deleteTopic } from '../api/kafka-endpoints';
import { kafkaPaths } from '../paths';

/** Deleting a topic asks for its name, typed: the server checks the same (`confirm`). */
export function DeleteTopicDialog({ cluster, topic, onClose }: { cluster: string; topic: string; onClose(): void }) {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  async function remove() {
    setBusy(true);
    setError(undefined);
    try {
      await deleteTopic(cluster, topic, typed);
      toast({ tone: 'success', title: `Topic ${topic} deleted` });
      onClose();
      navigate(kafkaPaths.overview);
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  }
  return (
    <Dialog
      title={`Delete ${topic}?`}
      description="Every message in it is lost, and consumers of it start failing. This cannot be undone."
      size="sm"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>Cancel</Button>
          <Button variant="danger" disabled={busy || typed !== topic} onClick={() => void remove()}>Delete topic</Button>
        </>
      }
    >
      <label className="block text-sm">
        Type <span className="font-mono font-semibold">{topic}</span> to confirm
        <input className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 font-mono text-sm dark:border-slate-700 dark:bg-slate-950" value={typed} onChange={(e) => setTyped(e.target.value)} autoFocus aria-label="Topic name to confirm" />
      </label>
      {error && <p role="alert" className="mt-3 text-sm text-rose-700 dark:text-rose-300">{error}</p>}
    </Dialog>
  );
}
