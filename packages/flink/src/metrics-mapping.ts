import { backpressureLevel, type CheckpointMetrics, type JobError, type JobState, type MetricsSnapshot, type NodeMetrics, type PartitionMetrics } from '@weir/model';
import type { MetricRef, NodeBinding, PlanNode } from './node-bindings';
import type { AggregatedMetric, CheckpointingStats, JobDetails } from './rest-types';

/** Aggregated subtask metrics by vertex id, then metric id. */
export type MetricValues = Map<string, Map<string, AggregatedMetric>>;

export interface SourcePartitions {
  node: string;
  topic: string;
  /** From Kafka: each partition's end offset and the job's committed offset (null: none). */
  partitions: Array<{ partition: number; endOffset: number; committedOffset: number | null }>;
}

export interface PollInput {
  jobId: string;
  time: number;
  state: JobState;
  nodes: readonly PlanNode[];
  bindings: Map<string, NodeBinding>;
  job: JobDetails | null;
  values: MetricValues;
  checkpoints: CheckpointingStats | null;
  sources: readonly SourcePartitions[];
  bounded: boolean;
  error: JobError | null;
}

/** What one poll leaves for the next: totals to take differences from. */
export interface PollMemory {
  time: number;
  totals: Map<string, { in: number; out: number; late: number }>;
  accumulated: Map<string, { busy: number; backPressured: number; idle: number; time: number }>;
  offsets: Map<string, number>;
}

export function emptyMemory(): PollMemory {
  return { time: 0, totals: new Map(), accumulated: new Map(), offsets: new Map() };
}

// Flink reports "no watermark yet" as Long.MIN_VALUE and "end of input" as Long.MAX_VALUE.
const WATERMARK_LIMIT = 1e18;

function sumOf(values: MetricValues, refs: readonly MetricRef[]): number | null {
  let total = 0;
  let found = false;
  for (const r of refs) {
    const v = values.get(r.vertexId)?.get(r.metric)?.sum;
    if (v !== undefined && Number.isFinite(v)) {
      total += v;
      found = true;
    }
  }
  return found ? total : null;
}

function watermarkOf(values: MetricValues, r: MetricRef | null): number | null {
  if (!r) return null;
  const v = values.get(r.vertexId)?.get(r.metric)?.min;
  return v !== undefined && Math.abs(v) < WATERMARK_LIMIT ? v : null;
}

function vertexCounter(job: JobDetails | null, total: NodeBinding['vertexTotal']): number | null {
  if (!total) return null;
  const vertex = job?.vertices.find((x) => x.id === total.vertexId);
  // Only for ended tasks: while they run, the operator metrics are exact and the vertex totals may lead them.
  if (!vertex || !['FINISHED', 'CANCELED', 'FAILED'].includes(vertex.status)) return null;
  const v = vertex.metrics?.[total.counter];
  return v !== undefined && v > 0 ? v : null;
}

const clampMs = (v: number) => Math.max(0, Math.min(1000, Math.round(v)));

/** Busy, backpressured and idle ms per second of a vertex: differences of Flink's accumulated times per subtask. */
function vertexTimes(job: JobDetails | null, vertexId: string | null, time: number, previous: PollMemory, next: PollMemory) {
  const v = vertexId ? job?.vertices.find((x) => x.id === vertexId) : undefined;
  if (!v?.metrics || v.status !== 'RUNNING') return { busy: 0, backPressured: 0, idle: v && v.status === 'RUNNING' ? 1000 : 0 };
  const acc = { busy: v.metrics['accumulated-busy-time'], backPressured: v.metrics['accumulated-backpressured-time'], idle: v.metrics['accumulated-idle-time'], time };
  next.accumulated.set(v.id, acc);
  const before = previous.accumulated.get(v.id);
  const parallelism = Math.max(1, v.parallelism);
  const span = before ? time - before.time : 0;
  if (!before || span <= 0) return { busy: 0, backPressured: 0, idle: 1000 };
  const per = (now: number, then: number) => clampMs(((now - then) / parallelism / span) * 1000);
  return { busy: per(acc.busy, before.busy), backPressured: per(acc.backPressured, before.backPressured), idle: per(acc.idle, before.idle) };
}

function checkpointMetrics(stats: CheckpointingStats | null): CheckpointMetrics {
  if (!stats) return { lastCompleted: null, inProgress: null, completed: 0, failed: 0 };
  const last = stats.latest?.completed ?? null;
  const running = stats.history.find((h) => h.status === 'IN_PROGRESS');
  return {
    lastCompleted: last ? { id: last.id, time: last.trigger_timestamp, durationMs: last.end_to_end_duration ?? 0, sizeBytes: last.state_size ?? last.checkpointed_size ?? 0 } : null,
    inProgress: running ? { id: running.id, startedAt: running.trigger_timestamp } : null,
    completed: stats.counts.completed,
    failed: stats.counts.failed,
  };
}

/** Kafka's topic name as it appears inside Flink metric ids. */
export function metricTopicName(topic: string): string {
  return topic.replace(/[ :.]/g, '_');
}

/** The metric id of a partition's current offset, under a Kafka source operator. */
export function partitionOffsetMetric(sourceOperatorMetric: string, topic: string, partition: number): string {
  const prefix = sourceOperatorMetric.slice(0, sourceOperatorMetric.lastIndexOf('.'));
  return `${prefix}.KafkaSourceReader.topic.${metricTopicName(topic)}.partition.${partition}.currentOffset`;
}

/**
 * One MetricsSnapshot from one poll of Flink's REST API and Kafka, shaped exactly as the
 * embedded engine's: per node counters (rates are differences from the previous poll), the
 * home vertex's busy/backpressured/idle time, watermarks, per-partition offsets and lag, checkpoints.
 */
export function buildSnapshot(input: PollInput, previous: PollMemory): { snapshot: MetricsSnapshot; memory: PollMemory } {
  const next: PollMemory = { time: input.time, totals: new Map(), accumulated: new Map(previous.accumulated), offsets: new Map(previous.offsets) };
  const dt = previous.time > 0 ? (input.time - previous.time) / 1000 : 0;
  const nodes: Record<string, NodeMetrics> = {};
  for (const n of input.nodes) {
    const b = input.bindings.get(n.id);
    const before = previous.totals.get(n.id);
    // Metrics disappear once the tasks end: keep the last totals Flink reported.
    const fallback = vertexCounter(input.job, b?.vertexTotal ?? null);
    const inTotal = (b ? sumOf(input.values, b.recordsIn) : null) ?? fallback ?? before?.in ?? 0;
    const outTotal = (b ? sumOf(input.values, b.recordsOut) : null) ?? fallback ?? before?.out ?? 0;
    const late = (b ? sumOf(input.values, b.late) : null) ?? before?.late ?? 0;
    next.totals.set(n.id, { in: inTotal, out: outTotal, late });
    const rate = (now: number, then: number | undefined) => (dt > 0 && then !== undefined ? Math.max(0, (now - then) / dt) : 0);
    const t = vertexTimes(input.job, b?.vertexId ?? null, input.time, previous, next);
    nodes[n.id] = {
      recordsInPerSecond: rate(inTotal, before?.in),
      recordsOutPerSecond: rate(outTotal, before?.out),
      recordsInTotal: inTotal,
      recordsOutTotal: outTotal,
      busyTimeMsPerSecond: t.busy,
      backPressuredTimeMsPerSecond: t.backPressured,
      idleTimeMsPerSecond: t.idle,
      backpressure: backpressureLevel(t.backPressured),
      currentWatermark: watermarkOf(input.values, b?.watermark ?? null),
      lateRecords: late,
      errors: 0,
    };
  }

  const partitions: PartitionMetrics[] = [];
  for (const s of input.sources) {
    const op = input.bindings.get(s.node)?.sourceOperator ?? null;
    const lagRef = op ? { vertexId: op.vertexId, metric: op.metric.replace(/\.numRecordsOut$/, '.currentEmitEventTimeLag') } : null;
    const lagValue = lagRef ? input.values.get(lagRef.vertexId)?.get(lagRef.metric)?.max : undefined;
    for (const p of s.partitions) {
      const key = `${s.node}/${s.topic}/${p.partition}`;
      const current = op ? input.values.get(op.vertexId)?.get(partitionOffsetMetric(op.metric, s.topic, p.partition))?.max : undefined;
      // Flink's currentOffset is the offset of the last record read; Kafka's position is the next one.
      const fromFlink = current !== undefined && current >= 0 ? current + 1 : undefined;
      // A bounded job that finished has read its input (Flink commits offsets only with checkpoints).
      const finished = input.bounded && input.state === 'FINISHED' ? p.endOffset : 0;
      const offset = Math.max(fromFlink ?? 0, p.committedOffset ?? 0, previous.offsets.get(key) ?? 0, finished);
      next.offsets.set(key, offset);
      partitions.push({
        node: s.node, topic: s.topic, partition: p.partition, offset, endOffset: p.endOffset,
        lag: Math.max(0, p.endOffset - offset),
        lagMs: lagValue !== undefined && Number.isFinite(lagValue) && lagValue >= 0 && input.state === 'RUNNING' ? lagValue : null,
      });
    }
  }

  let progress: number | null = null;
  if (input.bounded) {
    if (input.state === 'FINISHED') progress = 1;
    else {
      const read = input.nodes.filter((n) => n.kind === 'kafka-source').reduce((sum, n) => sum + (nodes[n.id]?.recordsOutTotal ?? 0), 0);
      const lag = partitions.reduce((sum, p) => sum + p.lag, 0);
      progress = read + lag > 0 ? Math.min(1, read / (read + lag)) : 0;
    }
  }

  return {
    snapshot: {
      jobId: input.jobId, time: input.time, state: input.state, nodes, partitions,
      checkpoints: checkpointMetrics(input.checkpoints), progress, error: input.error,
    },
    memory: next,
  };
}
