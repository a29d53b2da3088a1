import { MetricsHub, type CheckpointRecord, type EmbeddedPlan, type Job, type JobStatus, type StopResult } from '@weir/compiler';
import type { MetricsSnapshot } from '@weir/model';
import { PreviewRing, type PreviewRow } from '../sinks/preview-sink';
import { CheckpointStore } from '../checkpoint/checkpoint-store';

/** A job of the embedded engine: the Engine contract's Job plus the rows of its preview sinks. */
export interface EmbeddedJob extends Job {
  /** The latest rows of a preview-sink node (oldest first), timestamps as ISO-8601 strings. */
  previewRows(nodeId: string): PreviewRow[];
  /** The latest metrics snapshot, if one was published. */
  latestMetrics(): MetricsSnapshot | null;
}

/** How a handle reaches the job it stands for (the same thread, or a worker). */
export interface JobControl {
  stop(savepoint: boolean): Promise<StopResult>;
}

/**
 * The engine's side of a job: status, snapshots and preview rows as they arrive from the
 * job (directly, or as messages from its worker), and `done` once it ends.
 */
export class JobHandle implements EmbeddedJob {
  readonly done: Promise<JobStatus>;
  private current: JobStatus;
  private readonly hub = new MetricsHub();
  private readonly previews = new Map<string, PreviewRing>();
  private resolveDone!: (s: JobStatus) => void;
  private control: JobControl | null = null;
  private readonly store: CheckpointStore | null;

  constructor(
    readonly id: string,
    plan: EmbeddedPlan,
    startedAt: number,
    /** The deployment's data directory, where the job's runner keeps its checkpoint history. */
    dataDir?: string,
  ) {
    this.store = dataDir === undefined ? null : new CheckpointStore(dataDir, id);
    this.current = { state: 'CREATED', startedAt };
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
    for (const op of plan.operators) {
      if (op.kind === 'sink' && op.sink === 'preview') this.previews.set(op.id, new PreviewRing(op.limit));
    }
  }

  attach(control: JobControl): void {
    this.control = control;
  }

  status(): JobStatus {
    return { ...this.current };
  }

  stop(options: { savepoint?: boolean } = {}): Promise<StopResult> {
    if (this.control === null) return Promise.resolve({ state: this.current.state });
    return this.control.stop(options.savepoint === true);
  }

  metrics(): AsyncIterable<MetricsSnapshot> {
    return this.hub.iterable();
  }

  latestMetrics(): MetricsSnapshot | null {
    return this.hub.latest();
  }

  /** The history the job's runner keeps on disk (oldest first), plus the checkpoint in progress. */
  async checkpoints(): Promise<CheckpointRecord[]> {
    const history = (await this.store?.history()) ?? [];
    const inProgress = this.isEnded ? null : this.hub.latest()?.checkpoints.inProgress;
    if (inProgress && !history.some((h) => h.id === inProgress.id)) {
      history.push({ id: inProgress.id, time: inProgress.startedAt, durationMs: Math.max(0, Date.now() - inProgress.startedAt), sizeBytes: 0, outcome: 'IN_PROGRESS', kind: 'checkpoint' });
    }
    return history;
  }

  private isEnded = false;

  previewRows(nodeId: string): PreviewRow[] {
    const ring = this.previews.get(nodeId);
    if (ring === undefined) throw new RangeError(`job ${this.id} has no preview-sink node ${nodeId}`);
    return ring.latest();
  }

  // ---------------------------------------------------------------- fed by the job

  onStatus(status: JobStatus): void {
    this.current = status;
  }

  onSnapshot(snapshot: MetricsSnapshot): void {
    this.hub.publish(snapshot);
  }

  onPreview(node: string, rows: PreviewRow[]): void {
    this.previews.get(node)?.add(rows);
  }

  onDone(status: JobStatus): void {
    this.isEnded = true;
    this.current = status;
    this.hub.end();
    this.resolveDone(status);
  }
}
