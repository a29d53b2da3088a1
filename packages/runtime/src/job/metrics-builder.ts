import { backpressureLevel, type CheckpointMetrics, type JobError, type JobState, type MetricsSnapshot, type NodeMetrics } from '@weir/model';
import type { KafkaSource } from '../source/kafka-source';
import type { GraphNode } from './graph-node';
import type { TimeAccounting } from './time-accounting';

/** Builds the job's MetricsSnapshot (design.md, Contracts) from its counters, once per interval. */
export class MetricsBuilder {
  private lastTime: number;
  private readonly lastIn: number[];
  private readonly lastOut: number[];

  constructor(
    private readonly jobId: string,
    private readonly nodes: readonly GraphNode[],
    private readonly sources: readonly KafkaSource[],
    private readonly accounting: TimeAccounting,
    private readonly clock: () => number,
    private readonly checkpoints: () => CheckpointMetrics = () => ({ lastCompleted: null, inProgress: null, completed: 0, failed: 0 }),
  ) {
    this.lastTime = clock();
    // From the totals as restored from a checkpoint, so the first rate of a resumed job is no spike.
    this.lastIn = nodes.map((n) => n.recordsIn);
    this.lastOut = nodes.map((n) => n.recordsOut);
  }

  build(state: JobState, error: JobError | null): MetricsSnapshot {
    const now = this.clock();
    const elapsed = now - this.lastTime;
    this.lastTime = now;
    const perSecond = (n: number) => (elapsed > 0 ? Math.round((n * 1000) / elapsed) : 0);
    const split = this.accounting.sample();
    const nodes: Record<string, NodeMetrics> = {};
    for (const node of this.nodes) {
      const i = node.index;
      const t = split[i]!;
      nodes[node.id] = {
        recordsInPerSecond: perSecond(node.recordsIn - this.lastIn[i]!),
        recordsOutPerSecond: perSecond(node.recordsOut - this.lastOut[i]!),
        recordsInTotal: node.recordsIn,
        recordsOutTotal: node.recordsOut,
        ...t,
        backpressure: backpressureLevel(t.backPressuredTimeMsPerSecond),
        currentWatermark: node.eventTime && Number.isFinite(node.watermark) ? node.watermark : null,
        lateRecords: node.lateRecords,
        errors: node.errors,
        stateSize: node.stateSize(),
      };
      this.lastIn[i] = node.recordsIn;
      this.lastOut[i] = node.recordsOut;
    }
    return {
      jobId: this.jobId,
      time: now,
      state,
      nodes,
      partitions: this.sources.flatMap((s) => s.partitionMetrics(now)),
      checkpoints: this.checkpoints(),
      progress: this.progress(state),
      error,
    };
  }

  /** Bounded jobs: the share of their input read; null for unbounded ones. */
  private progress(state: JobState): number | null {
    const bounded = this.sources.filter((s) => s.bounded);
    if (bounded.length === 0 || bounded.length < this.sources.length) return null;
    if (state === 'FINISHED') return 1;
    let done = 0;
    let total = 0;
    for (const s of bounded) {
      const [d, t] = s.progress();
      done += d;
      total += t;
    }
    return total === 0 ? (bounded.every((s) => s.isEnded) ? 1 : 0) : Math.min(1, done / total);
  }
}
