import type { KafkaBroker } from '@weir/protocol';

export function BrokerTable({ brokers, controller }: { brokers: readonly KafkaBroker[]; controller: number | null }) {
  return (
    <table className="w-full text-left text-sm" aria-label="Brokers">
      <thead className="text-xs tracking-wide text-slate-500 uppercase dark:text-slate-400">
        <tr>
          <th className="pb-2 font-medium">Node</th>
          <th className="pb-2 font-medium">Address</th>
          <th className="pb-2 text-right font-medium">Leads</th>
          <th className="pb-2 pl-3 font-medium">Role</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {brokers.map((b) => (
          <tr key={b.nodeId}>
            <td className="py-2 tabular-nums">{b.nodeId}</td>
            <td className="py-2 font-mono text-xs">
              {b.host}:{b.port}
            </td>
            <td className="py-2 text-right tabular-nums" title="Partitions this broker leads">{b.leaderPartitions}</td>
            <td className="py-2 pl-3">
              {b.nodeId === controller ? (
                <span className="rounded bg-cyan-100 px-1.5 py-0.5 text-xs font-medium text-cyan-800 dark:bg-cyan-950 dark:text-cyan-200">controller</span>
              ) : (
                <span className="text-slate-400">broker</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
