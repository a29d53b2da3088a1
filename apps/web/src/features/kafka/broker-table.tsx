import type { Broker } from '@weir/protocol';

export function BrokerTable({ brokers, controller }: { brokers: readonly Broker[]; controller: number | null }) {
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
        <tr>
          <th className="pb-2 font-medium">Node</th>
          <th className="pb-2 font-medium">Address</th>
          <th className="pb-2 font-medium">Role</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {brokers.map((b) => (
          <tr key={b.nodeId}>
            <td className="py-2 tabular-nums">{b.nodeId}</td>
            <td className="py-2 font-mono text-xs">
              {b.host}:{b.port}
            </td>
            <td className="py-2">
              {b.nodeId === controller ? (
                <span className="rounded bg-cyan-100 px-1.5 py-0.5 text-xs font-medium text-cyan-800 dark:bg-cyan-950 dark:text-cyan-200">
                  controller
                </span>
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
