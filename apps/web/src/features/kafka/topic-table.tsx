import { useState } from 'react';
import type { TopicRow } from '@weir/protocol';
import { Link } from '../../router/link';
import { bytes, count, perSecond } from './format';
import { kafkaPaths } from './paths';
import { visibleTopics, type TopicSort, type TopicSortKey } from './topics/topic-rows';

const COLUMNS: Array<{ key: TopicSortKey; label: string; numeric: boolean }> = [
  { key: 'name', label: 'Topic', numeric: false },
  { key: 'partitions', label: 'Partitions', numeric: true },
  { key: 'messages', label: 'Messages', numeric: true },
  { key: 'sizeBytes', label: 'Size', numeric: true },
  { key: 'produceRate', label: 'In', numeric: true },
  { key: 'consumeRate', label: 'Out', numeric: true },
];

/** Topics with counts, sizes and live rates; sortable by any column, filtered by name above. */
export function TopicTable({ cluster, topics, filter }: { cluster: string; topics: readonly TopicRow[]; filter: string }) {
  const [sort, setSort] = useState<TopicSort>({ key: 'name', descending: false });
  const shown = visibleTopics(topics, filter, sort);
  if (topics.length === 0) return <p className="py-6 text-center text-sm text-slate-500 dark:text-slate-400">No topics yet</p>;
  return (
    <table className="w-full text-left text-sm" aria-label="Topics">
      <thead className="text-xs tracking-wide text-slate-500 uppercase dark:text-slate-400">
        <tr>
          {COLUMNS.map((c) => (
            <th key={c.key} className={`pb-2 font-medium ${c.numeric ? 'text-right' : ''}`} aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
              <button
                type="button"
                className="uppercase hover:text-slate-900 dark:hover:text-white"
                onClick={() => setSort((s) => ({ key: c.key, descending: s.key === c.key ? !s.descending : c.numeric }))}
              >
                {c.label}
                {sort.key === c.key ? (sort.descending ? ' ↓' : ' ↑') : ''}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {shown.map((t) => (
          <tr key={t.name}>
            <td className="py-2 font-mono text-[13px]">
              <Link to={kafkaPaths.topic(cluster, t.name)} className="text-cyan-800 hover:underline dark:text-cyan-300">{t.name}</Link>
              {t.internal && <span className="ml-2 font-sans text-xs text-slate-400">internal</span>}
              {t.underReplicatedPartitions > 0 && <span className="ml-2 font-sans text-xs text-amber-600" title="Partitions whose in-sync replicas are fewer than their replicas">under-replicated</span>}
            </td>
            <td className="py-2 text-right tabular-nums">{t.partitions}</td>
            <td className="py-2 text-right tabular-nums">{count(t.messages)}</td>
            <td className="py-2 text-right tabular-nums">{bytes(t.sizeBytes)}</td>
            <td className="py-2 text-right tabular-nums" title="Messages produced per second">{perSecond(t.produceRate)}</td>
            <td className="py-2 text-right tabular-nums" title="Messages consumed per second (committed offsets of the groups reading it)">{perSecond(t.consumeRate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
