import { useState } from 'react';
import { SASL_MECHANISMS, type Connection, type ConnectionInput, type ConnectionTestResult, type SaslMechanism } from '@weir/protocol';
import { errorText } from '../../../api/client';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { toast } from '../../../ui/toast-store';
import { createConnection, testConnection, updateConnection } from '../api/kafka-endpoints';
import { CONTROL } from '../controls';

/**
 * Add or change a connection (admin). Secrets are write-only: a stored password or CA is
 * never shown; leaving the field empty keeps it.
 */
export function ConnectionDialog({ existing, onClose, onSaved }: { existing: Connection | null; onClose(): void; onSaved(): void }) {
  const [name, setName] = useState(existing?.name ?? '');
  const [servers, setServers] = useState(existing?.bootstrapServers ?? '');
  const [mechanism, setMechanism] = useState<SaslMechanism | ''>(existing?.sasl?.mechanism ?? '');
  const [username, setUsername] = useState(existing?.sasl?.username ?? '');
  const [password, setPassword] = useState('');
  const [tls, setTls] = useState(existing?.tls.enabled ?? false);
  const [ca, setCa] = useState('');
  const [removeCa, setRemoveCa] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [tested, setTested] = useState<ConnectionTestResult | null>(null);

  const input = (): ConnectionInput => ({
    name: name.trim(),
    bootstrapServers: servers.trim(),
    sasl: mechanism ? { mechanism, username, ...(password ? { password } : {}) } : null,
    tls: { enabled: tls, ...(ca.trim() ? { caPem: ca } : removeCa ? { caPem: null } : {}) },
  });
  const fail = (err: unknown) => setError(errorText(err));

  async function save() {
    setBusy(true);
    setError(undefined);
    try {
      if (existing) await updateConnection(existing.name, input());
      else await createConnection(input());
      toast({ tone: 'success', title: `Connection ${name.trim()} saved` });
      onSaved();
      onClose();
    } catch (err) {
      fail(err);
      setBusy(false);
    }
  }
  async function test() {
    setBusy(true);
    setError(undefined);
    setTested(null);
    try {
      setTested(await testConnection(input()));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={existing ? `Edit ${existing.name}` : 'Add a Kafka connection'}
      onClose={onClose}
      size="lg"
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>Cancel</Button>
          <Button onClick={() => void test()} disabled={busy || !servers.trim()}>Test</Button>
          <Button variant="primary" onClick={() => void save()} disabled={busy || !name.trim() || !servers.trim()}>Save</Button>
        </>
      }
    >
      <div className="space-y-4">
        <div className="grid grid-cols-3 gap-4">
          <label className="block text-sm font-medium">
            Name
            <input className={`${CONTROL} mt-1 block w-full font-mono`} value={name} onChange={(e) => setName(e.target.value)} disabled={existing !== null} placeholder="prod" />
          </label>
          <label className="col-span-2 block text-sm font-medium">
            Bootstrap servers
            <input className={`${CONTROL} mt-1 block w-full font-mono`} value={servers} onChange={(e) => setServers(e.target.value)} placeholder="kafka-1:9092,kafka-2:9092" />
          </label>
        </div>
        <fieldset className="grid grid-cols-3 gap-4">
          <legend className="mb-2 text-sm font-medium">Authentication (SASL)</legend>
          <label className="block text-sm">
            Mechanism
            <select className={`${CONTROL} mt-1 block w-full`} value={mechanism} onChange={(e) => setMechanism(e.target.value as SaslMechanism | '')}>
              <option value="">None</option>
              {SASL_MECHANISMS.map((m) => <option key={m} value={m}>{m.toUpperCase()}</option>)}
            </select>
          </label>
          <label className="block text-sm">
            User name
            <input className={`${CONTROL} mt-1 block w-full`} value={username} onChange={(e) => setUsername(e.target.value)} disabled={!mechanism} autoComplete="off" />
          </label>
          <label className="block text-sm">
            Password
            <input className={`${CONTROL} mt-1 block w-full`} type="password" value={password} onChange={(e) => setPassword(e.target.value)} disabled={!mechanism} autoComplete="new-password" placeholder={existing?.sasl?.hasPassword ? 'stored — leave empty to keep' : ''} />
          </label>
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium">TLS</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" className="accent-cyan-700" checked={tls} onChange={(e) => setTls(e.target.checked)} /> Connect with TLS
          </label>
          {tls && (
            <label className="block text-sm">
              Extra CA certificates (PEM) <span className="text-slate-500">{existing?.tls.hasCa ? '— one is stored; paste to replace' : '— empty: the system CAs'}</span>
              <textarea className={`${CONTROL} mt-1 block h-24 w-full font-mono text-xs`} value={ca} onChange={(e) => setCa(e.target.value)} placeholder="-----BEGIN CERTIFICATE-----" />
            </label>
          )}
          {tls && existing?.tls.hasCa && (
            <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={removeCa} onChange={(e) => setRemoveCa(e.target.checked)} /> Remove the stored CA</label>
          )}
        </fieldset>
        {tested && (
          <p role="status" className={`text-sm ${tested.ok ? 'text-emerald-700 dark:text-emerald-300' : 'text-rose-700 dark:text-rose-300'}`}>
            {tested.ok ? `Connected: ${tested.brokers} brokers, cluster ${tested.clusterId ?? '?'}` : `Could not connect: ${tested.error}`}
          </p>
        )}
        {error && <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">{error}</p>}
      </div>
    </Dialog>
  );
}
