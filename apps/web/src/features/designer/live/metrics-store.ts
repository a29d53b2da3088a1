import type { CheckpointMetrics, JobState, MetricsSnapshot, NodeMetrics, PartitionMetrics } from '@weir/model';
import { create } from 'zustand';

/**
 * Live metrics of the job running the open pipeline, by node id — never in React Flow's
 * node.data (field-notes: one node update would re-render every wrapper). `apply` keeps
 * the previous object of every node whose numbers did not change, so a component that
 * selects `nodes[id]` re-renders only for its own node.
 */
export interface LiveMetricsState {
  jobId: string | null;
  state: JobState | null;
  time: number;
  nodes: Record<string, NodeMetrics>;
  partitions: Record<string, PartitionMetrics[]>;
  checkpoints: CheckpointMetrics | null;
  apply(snapshot: MetricsSnapshot): void;
  clear(): void;
}

function sameFlat(a: object | undefined, b: object): boolean {
  if (!a) return false;
  const ak = Object.keys(a);
  if (ak.length !== Object.keys(b).length) return false;
  for (const k of ak) if ((a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
  return true;
}

function sameList<T extends object>(a: T[] | undefined, b: T[]): boolean {
  return !!a && a.length === b.length && a.every((x, i) => sameFlat(x, b[i]!));
}

export function mergeSnapshot(prev: Pick<LiveMetricsState, 'nodes' | 'partitions' | 'checkpoints'>, s: MetricsSnapshot) {
  const nodes: Record<string, NodeMetrics> = {};
  for (const [id, m] of Object.entries(s.nodes)) {
    const old = prev.nodes[id];
    nodes[id] = old && sameFlat(old, m) ? old : m;
  }
  const grouped: Record<string, PartitionMetrics[]> = {};
  for (const p of s.partitions) (grouped[p.node] ??= []).push(p);
  const partitions: Record<string, PartitionMetrics[]> = {};
  for (const [id, list] of Object.entries(grouped)) {
    const old = prev.partitions[id];
    partitions[id] = old && sameList(old, list) ? old : list;
  }
  const c = s.checkpoints;
  const pc = prev.checkpoints;
  const same = pc && pc.completed === c.completed && pc.failed === c.failed && pc.inProgress?.id === c.inProgress?.id && pc.lastCompleted?.id === c.lastCompleted?.id;
  return { nodes, partitions, checkpoints: same ? pc : c };
}

export const useLiveMetrics = create<LiveMetricsState>((set, get) => ({
  jobId: null,
  state: null,
  time: 0,
  nodes: {},
  partitions: {},
  checkpoints: null,
  apply(snapshot) {
    const prev = get();
    const base = prev.jobId === snapshot.jobId ? prev : { nodes: {}, partitions: {}, checkpoints: null };
    set({ jobId: snapshot.jobId, state: snapshot.state, time: snapshot.time, ...mergeSnapshot(base, snapshot) });
  },
  clear: () => set({ jobId: null, state: null, time: 0, nodes: {}, partitions: {}, checkpoints: null }),
}));

const EMPTY: PartitionMetrics[] = [];

/** One node's metrics; undefined when no job runs or the node has none. */
export const useNodeLive = (id: string) => useLiveMetrics((s) => s.nodes[id]);
export const useNodePartitions = (id: string) => useLiveMetrics((s) => s.partitions[id] ?? EMPTY);
/** What an edge shows of its upstream node: primitives, so equal values never re-render it. */
export const useEdgeLevel = (source: string) => useLiveMetrics((s) => s.nodes[source]?.backpressure);
export const useEdgeRate = (source: string) => useLiveMetrics((s) => s.nodes[source]?.recordsOutPerSecond);
