import type { TopicRatesEvent, TopicRow } from '@weir/protocol';

export type TopicSortKey = 'name' | 'partitions' | 'messages' | 'sizeBytes' | 'produceRate' | 'consumeRate';
export interface TopicSort {
  key: TopicSortKey;
  descending: boolean;
}

/** Rows with the newest sampled counts and rates laid over them. */
export function withRates(rows: readonly TopicRow[], rates: TopicRatesEvent | null): TopicRow[] {
  if (!rates) return [...rows];
  const byName = new Map(rates.topics.map((t) => [t.name, t]));
  return rows.map((r) => {
    const live = byName.get(r.name);
    return live ? { ...r, messages: live.messages, produceRate: live.produceRate, consumeRate: live.consumeRate } : r;
  });
}

/** Rows whose name contains `filter` (any case), sorted; unknown values (null) sort last. */
export function visibleTopics(rows: readonly TopicRow[], filter: string, sort: TopicSort): TopicRow[] {
  const needle = filter.trim().toLowerCase();
  const kept = needle ? rows.filter((r) => r.name.toLowerCase().includes(needle)) : [...rows];
  const dir = sort.descending ? -1 : 1;
  return kept.sort((a, b) => {
    if (sort.key === 'name') return dir * a.name.localeCompare(b.name);
    const x = a[sort.key];
    const y = b[sort.key];
    if (x === y) return a.name.localeCompare(b.name);
    if (x === null) return 1;
    if (y === null) return -1;
    return dir * (x - y);
  });
}
