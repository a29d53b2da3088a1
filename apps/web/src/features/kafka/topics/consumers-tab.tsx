import type { TopicGroup } from '@weir/protocol';
import { Link } from '../../../router/link';
import { Badge } from '../../../ui/badge';
import { count } from '../format';
import { kafkaPaths } from '../paths';
import { stateTone } from '../groups/group-state';

export function ConsumersTab({ cluster, groups }: { cluster: string; groups: readonly TopicGroup[] }) {
  if (groups.length === 0) return <p className="py-6 text-center text-sm text-slate-500">No consumer group has committed offsets on this topic.</p>;
  return (
    <table className="w-full text-left text-sm" aria-label="Consumer groups of the topic">
      <thead className="text-xs tracking-wide text-slate-500 uppercase dark:text-slate-400">
        <tr>
          <th className="pb-2 font-medium">Group</th>
          <th className="pb-2 font-medium">State</th>
          <th className="pb-2 text-right font-medium">Members</th>
          <th className="pb-2 text-right font-medium">Lag on this topic</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {groups.map((g) => (
          <tr key={g.groupId}>
            <td className="py-2 font-mono text-[13px]"><Link to={kafkaPaths.group(cluster, g.groupId)} className="text-cyan-800 hover:underline dark:text-cyan-300">{g.groupId}</Link></td>
            <td className="py-2"><Badge tone={stateTone(g.state)}>{g.state}</Badge></td>
            <td className="py-2 text-right tabular-nums">{g.members}</td>
            <td className="py-2 text-right tabular-nums">{count(g.lag)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
