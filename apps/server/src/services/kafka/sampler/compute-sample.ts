import type { GroupMember, GroupOffset } from '@weir/protocol';

export interface PartitionMarks {
  partition: number;
  low: number;
  high: number;
}

export interface TopicSample {
  name: string;
  partitions: PartitionMarks[];
  /** Sum of high − low. */
  messages: number;
  /** Sum of high watermarks: what produce rates are the deltas of. */
  produced: number;
  produceRate: number | null;
  consumeRate: number | null;
}

export interface DescribedGroup {
  groupId: string;
  state: string;
  protocolType: string;
  protocol: string;
  members: GroupMember[];
}

export interface GroupSample extends DescribedGroup {
  offsets: GroupOffset[];
  /** Sum of known lags. */
  lag: number;
  /** Lag per topic. */
  topics: Record<string, number>;
  /** Sum of committed offsets per topic: what consume rates are the deltas of. */
  committedSums: Record<string, number>;
}

export interface ClusterSample {
  at: number;
  topics: Map<string, TopicSample>;
  groups: Map<string, GroupSample>;
}

export interface SampleInput {
  at: number;
  watermarks: Map<string, PartitionMarks[]>;
  groups: DescribedGroup[];
  /** Committed offsets per group (offset −1: none). */
  committed: Map<string, Array<{ topic: string; partition: number; offset: number }>>;
}

function perSecond(now: number, before: number, ms: number): number | null {
  if (ms <= 0) return null;
  const delta = now - before;
  // A topic deleted and made again, or offsets reset: no honest rate for this interval.
  if (delta < 0) return null;
  return Math.round((delta * 1000 * 10) / ms) / 10;
}

/** The lag table of one group: committed partitions, plus assigned ones with nothing committed. */
export function groupOffsets(
  group: DescribedGroup,
  committed: ReadonlyArray<{ topic: string; partition: number; offset: number }>,
  watermarks: ReadonlyMap<string, readonly PartitionMarks[]>,
): GroupOffset[] {
  const owners = new Map<string, string>();
  for (const m of group.members) for (const a of m.assignment) for (const p of a.partitions) owners.set(`${a.topic}\u0000${p}`, m.clientId || m.memberId);
  const rows = new Map<string, GroupOffset>();
  const add = (topic: string, partition: number, offset: number | null) => {
    const marks = watermarks.get(topic)?.find((m) => m.partition === partition);
    if (!marks) return;
    const key = `${topic}\u0000${partition}`;
    rows.set(key, {
      topic,
      partition,
      committed: offset,
      end: marks.high,
      lag: offset === null ? null : Math.max(0, marks.high - offset),
      owner: owners.get(key) ?? null,
    });
  };
  for (const c of committed) if (c.offset >= 0) add(c.topic, c.partition, c.offset);
  for (const [key] of owners) {
    if (rows.has(key)) continue;
    const [topic, partition] = key.split('\u0000') as [string, string];
    add(topic, Number(partition), null);
  }
  return [...rows.values()].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

/** Folds one round of Kafka answers into a sample, with rates against the previous one. */
export function computeSample(input: SampleInput, previous: ClusterSample | null): ClusterSample {
  const dt = previous ? input.at - previous.at : 0;
  const groups = new Map<string, GroupSample>();
  for (const g of input.groups) {
    const offsets = groupOffsets(g, input.committed.get(g.groupId) ?? [], input.watermarks);
    const topics: Record<string, number> = {};
    const committedSums: Record<string, number> = {};
    let lag = 0;
    for (const o of offsets) {
      if (o.lag !== null) {
        topics[o.topic] = (topics[o.topic] ?? 0) + o.lag;
        lag += o.lag;
      }
      if (o.committed !== null) committedSums[o.topic] = (committedSums[o.topic] ?? 0) + o.committed;
    }
    groups.set(g.groupId, { ...g, offsets, lag, topics, committedSums });
  }
  const topics = new Map<string, TopicSample>();
  for (const [name, partitions] of input.watermarks) {
    let messages = 0;
    let produced = 0;
    for (const p of partitions) {
      messages += Math.max(0, p.high - p.low);
      produced += p.high;
    }
    const before = previous?.topics.get(name);
    const produceRate = before && before.partitions.length === partitions.length ? perSecond(produced, before.produced, dt) : null;
    let consumeRate: number | null = null;
    for (const [groupId, g] of groups) {
      const now = g.committedSums[name];
      const then = previous?.groups.get(groupId)?.committedSums[name];
      if (now === undefined || then === undefined) continue;
      const r = perSecond(now, then, dt);
      if (r !== null) consumeRate = (consumeRate ?? 0) + r;
    }
    topics.set(name, { name, partitions, messages, produced, produceRate, consumeRate });
  }
  return { at: input.at, topics, groups };
}
