import type { TopicPartition } from '@weir/protocol';
import { count } from '../format';

export function PartitionsTab({ partitions }: { partitions: readonly TopicPartition[] }) {
  return (
    <table className="w-full text-left text-sm" aria-label="Partitions">
      <thead className="text-xs tracking-wide text-slate-500 uppercase dark:text-slate-400">
        <tr>
          <th className="pb-2 font-medium">Partition</th>
          <th className="pb-2 font-medium">Leader</th>
          <th className="pb-2 font-medium">Replicas</th>
          <th className="pb-2 font-medium">In sync</th>
          <th className="pb-2 text-right font-medium">Low</th>
          <th className="pb-2 text-right font-medium">High</th>
          <th className="pb-2 text-right font-medium">Messages</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {partitions.map((p) => {
          const under = p.isr.length < p.replicas.length;
          return (
            <tr key={p.partition}>
              <td className="py-2 tabular-nums">{p.partition}</td>
              <td className="py-2 tabular-nums">{p.leader < 0 ? <span className="text-rose-600">none</span> : p.leader}</td>
              <td className="py-2 font-mono text-xs">{p.replicas.join(', ')}</td>
              <td className={`py-2 font-mono text-xs ${under ? 'text-amber-600' : ''}`} title={under ? 'Fewer in-sync replicas than replicas' : undefined}>{p.isr.join(', ')}</td>
              <td className="py-2 text-right tabular-nums">{count(p.low)}</td>
              <td className="py-2 text-right tabular-nums">{count(p.high)}</td>
              <td className="py-2 text-right tabular-nums">{count(p.messages)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
