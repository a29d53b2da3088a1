import { backpressureLevel, type MetricsSnapshot } from '@weir/model';
import type { JobHistoryPoint, JobSummary } from '@weir/protocol/live-jobs';

/** Which nodes of a job read from Kafka and which write out: from the edges of its document. */
export interface NodeRoles {
  sources: ReadonlySet<string>;
  sinks: ReadonlySet<string>;
}

/** Sources have no incoming edge, sinks no outgoing one. */
export function nodeRoles(document: { nodes: readonly { id: string }[]; edges: readonly { from: string; to: string }[] }): NodeRoles {
  const hasIn = new Set(document.edges.map((e) => e.to));
  const hasOut = new Set(document.edges.map((e) => e.from));
  const ids = document.nodes.map((n) => n.id);
  return { sources: new Set(ids.filter((id) => !hasIn.has(id))), sinks: new Set(ids.filter((id) => !hasOut.has(id))) };
}

export const partitionKey = (p: { node: string; topic: string; partition: number }) => `${p.node}/${p.topic}/${p.partition}`;

/**
 * One second of history from a snapshot. Without roles (the document not read yet) the
 * sources are the nodes that own partitions and the output is unknown (0).
 */
export function historyPoint(s: MetricsSnapshot, roles: NodeRoles | null): JobHistoryPoint {
  const sources = roles?.sources ?? new Set(s.partitions.map((p) => p.node));
  let recordsIn = 0;
  let recordsOut = 0;
  let maxBp = 0;
  const nodes: JobHistoryPoint['nodes'] = {};
  for (const [id, m] of Object.entries(s.nodes)) {
    nodes[id] = [m.recordsInPerSecond, m.recordsOutPerSecond, m.backPressuredTimeMsPerSecond];
    // A source node counts what it read: its output (its input may be unset by an engine).
    if (sources.has(id)) recordsIn += Math.max(m.recordsOutPerSecond, m.recordsInPerSecond);
    if (roles?.sinks.has(id)) recordsOut += m.recordsInPerSecond;
    if (m.backPressuredTimeMsPerSecond > maxBp) maxBp = m.backPressuredTimeMsPerSecond;
  }
  let lag = 0;
  let lagMs: number | null = null;
  const partitions: Record<string, number> = {};
  for (const p of s.partitions) {
    partitions[partitionKey(p)] = p.lag;
    lag += p.lag;
    if (p.lagMs !== null && (lagMs === null || p.lagMs > lagMs)) lagMs = p.lagMs;
  }
  const c = s.checkpoints.lastCompleted;
  return {
    time: s.time, state: s.state, recordsIn, recordsOut, lag, lagMs, maxBackPressuredMs: maxBp, nodes, partitions,
    checkpoint: c ? { id: c.id, durationMs: c.durationMs, sizeBytes: c.sizeBytes } : null,
    checkpointsFailed: s.checkpoints.failed,
  };
}

export function jobSummary(jobId: string, p: JobHistoryPoint): JobSummary {
  return {
    jobId, time: p.time, state: p.state, recordsIn: p.recordsIn, recordsOut: p.recordsOut, lag: p.lag,
    backpressure: backpressureLevel(p.maxBackPressuredMs),
  };
}
