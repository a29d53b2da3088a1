import type { TopicSummary } from '@weir/protocol';

export function TopicTable({ topics }: { topics: readonly TopicSummary[] }) {
  if (topics.length === 0) {
    return <p className="py-6 text-center text-sm text-slate-500 dark:text-slate-400">No topics yet</p>;
  }
  return (
    <table className="w-full text-left text-sm" aria-label="Topics">
      <thead className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
        <tr>
          <th className="pb-2 font-medium">Topic</th>
          <th className="pb-2 text-right font-medium">Partitions</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {topics.map((t) => (
          <tr key={t.name}>
            <td className="py-2 font-mono text-[13px]">
              {t.name}
              {t.internal && <span className="ml-2 font-sans text-xs text-slate-400">internal</span>}
            </td>
            <td className="py-2 text-right tabular-nums">{t.partitions}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
