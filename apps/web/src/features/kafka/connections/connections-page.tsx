import { useState } from 'react';
import type { Connection } from '@weir/protocol';
import { useResource } from '../../../api/use-resource';
import { Link } from '../../../router/link';
import { PageHeader } from '../../../shell/page-header';
import { Badge } from '../../../ui/badge';
import { ConfirmDialog } from '../../../ui/confirm-dialog';
import { ErrorNotice } from '../../../ui/error-notice';
import { Button } from '../../../ui/button';
import { ArrowLeftIcon, PlusIcon, RefreshIcon } from '../../../ui/icons';
import { Spinner } from '../../../ui/spinner';
import { toast } from '../../../ui/toast-store';
import { deleteConnection, listConnections } from '../api/kafka-endpoints';
import { useCluster } from '../cluster-store';
import { kafkaPaths } from '../paths';
import { RoleButton } from '../role-gate';
import { ConnectionDialog } from './connection-dialog';

/** The clusters Weir knows; admins add, change and remove them. Secrets are never shown. */
export function ConnectionsPage() {
  const list = useResource((signal) => listConnections(signal));
  const choose = useCluster((s) => s.choose);
  const [editing, setEditing] = useState<Connection | 'new' | null>(null);
  const [removing, setRemoving] = useState<Connection | null>(null);
  return (
    <>
      <Link to={kafkaPaths.overview} className="mb-2 inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-800 dark:hover:text-white">
        <ArrowLeftIcon className="h-4 w-4" /> Kafka
      </Link>
      <PageHeader
        title="Connections"
        description="Kafka clusters the console and pipelines (kafka-source cluster) can use."
        actions={
          <>
            <Button size="sm" onClick={list.refresh} disabled={list.loading} aria-label="Refresh connections">
              <RefreshIcon className={`h-4 w-4 ${list.loading ? 'animate-spin' : ''}`} /> Refresh
            </Button>
            <RoleButton role="admin" size="sm" variant="primary" onClick={() => setEditing('new')}><PlusIcon className="h-4 w-4" /> Add connection</RoleButton>
          </>
        }
      />
      {list.error && <ErrorNotice title="Cannot list the connections" message={list.error.message} code={list.error.code} />}
      {!list.data && !list.error && <Spinner label="Loading connections" />}
      {list.data && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-left text-sm" aria-label="Connections">
            <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase dark:border-slate-800 dark:text-slate-400">
              <tr>
                <th className="px-4 py-2 font-medium">Name</th>
                <th className="px-4 py-2 font-medium">Bootstrap servers</th>
                <th className="px-4 py-2 font-medium">SASL</th>
                <th className="px-4 py-2 font-medium">TLS</th>
                <th className="px-4 py-2" />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {list.data.connections.map((c) => (
                <tr key={c.name}>
                  <td className="px-4 py-2 font-mono">
                    <Link to={kafkaPaths.overview} onClick={() => choose(c.name)} className="text-cyan-800 hover:underline dark:text-cyan-300">{c.name}</Link>
                    {c.builtIn && <span className="ml-2"><Badge tone="info" title="From KAFKA_BROKERS">built in</Badge></span>}
                  </td>
                  <td className="px-4 py-2 font-mono text-xs">{c.bootstrapServers}</td>
                  <td className="px-4 py-2 text-xs">{c.sasl ? `${c.sasl.mechanism.toUpperCase()} as ${c.sasl.username}${c.sasl.hasPassword ? ' (password stored)' : ''}` : '—'}</td>
                  <td className="px-4 py-2 text-xs">{c.tls.enabled ? `on${c.tls.hasCa ? ', own CA' : ''}` : 'off'}</td>
                  <td className="px-4 py-2 text-right">
                    {!c.builtIn && (
                      <span className="inline-flex gap-2">
                        <RoleButton role="admin" size="sm" variant="ghost" onClick={() => setEditing(c)}>Edit</RoleButton>
                        <RoleButton role="admin" size="sm" variant="ghost" onClick={() => setRemoving(c)}>Remove</RoleButton>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.data.connections.length === 0 && <p className="py-6 text-center text-sm text-slate-500">No connections. Set KAFKA_BROKERS, or add one.</p>}
        </div>
      )}
      {editing && <ConnectionDialog existing={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={list.refresh} />}
      {removing && (
        <ConfirmDialog
          title={`Remove ${removing.name}?`}
          message="Pipelines naming this cluster will fail to start until it is added again."
          confirmLabel="Remove"
          destructive
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await deleteConnection(removing.name);
            toast({ tone: 'success', title: `Connection ${removing.name} removed` });
            list.refresh();
          }}
        />
      )}
    </>
  );
}
