import type { CheckpointRecord } from '@weir/compiler';
import type { CheckpointMetrics } from '@weir/model';
import { messageOf } from '../errors/runtime-error';
import type { Barrier, Checkpointer } from '../job/checkpointer';
import { positionsToJson, type CheckpointFile } from './checkpoint-file';
import type { CheckpointStore } from './checkpoint-store';

/** Makes a completed checkpoint count: commits source offsets (and, exactly-once, the transaction). */
export interface CheckpointCommit {
  commit(barrier: Barrier): Promise<void>;
}

export interface CoordinatorOptions {
  jobId: string;
  delivery: CheckpointFile['delivery'];
  store: CheckpointStore;
  commit: CheckpointCommit;
  clock: () => number;
  /**
   * Exactly-once: a failed commit leaves output and state apart, so the job must restart
   * from its last checkpoint; at-least-once just counts the failure and tries again next time.
   */
  failOnCommitError: boolean;
}

/**
 * Completes barriers as checkpoints: the snapshot is written and synced first, then the
 * offsets are committed, so committed offsets never point past a durable snapshot. Keeps
 * the figures for metrics and the history for Job.checkpoints().
 */
export class CheckpointCoordinator implements Checkpointer {
  private history: CheckpointRecord[] = [];
  private lastCompleted: CheckpointMetrics['lastCompleted'] = null;
  private inProgress: CheckpointMetrics['inProgress'] = null;
  private completed = 0;
  private failed = 0;
  private lastCompletedId: number | null = null;

  constructor(private readonly options: CoordinatorOptions) {}

  /** Loads the history of earlier runs; returns the id the next checkpoint follows. */
  async init(): Promise<number> {
    await this.options.store.init();
    this.history = await this.options.store.history();
    for (const h of this.history) {
      if (h.outcome === 'FAILED') this.failed++;
      if (h.outcome === 'COMPLETED') this.completed++;
      if (h.outcome === 'COMPLETED') this.lastCompleted = { id: h.id, time: h.time, durationMs: h.durationMs, sizeBytes: h.sizeBytes };
    }
    return this.options.store.lastId();
  }

  /** Marks the barrier as in progress (from the moment it is taken, while sinks are still flushing). */
  started(barrier: Barrier): void {
    this.inProgress = { id: barrier.id, startedAt: barrier.time };
  }

  async complete(barrier: Barrier): Promise<void> {
    const { store, jobId, delivery } = this.options;
    this.inProgress = { id: barrier.id, startedAt: barrier.time };
    const file: CheckpointFile = {
      format: 'weir-checkpoint', version: 1, jobId, id: barrier.id, time: barrier.time, delivery,
      positions: positionsToJson(barrier.positions), operators: barrier.operators, counters: barrier.counters,
      ...(barrier.finished ? { finished: true } : {}),
    };
    let size = 0;
    try {
      size = await store.write(file);
    } catch (err) {
      await this.record(barrier, 0, 'FAILED', `writing the snapshot failed: ${messageOf(err)}`);
      return;
    }
    try {
      await this.options.commit.commit(barrier);
    } catch (err) {
      await this.record(barrier, size, 'FAILED', `committing failed: ${messageOf(err)}`);
      if (this.options.failOnCommitError) throw err;
      return;
    }
    this.lastCompletedId = barrier.id;
    await this.record(barrier, size, 'COMPLETED');
    await store.prune(new Set([barrier.id])).catch(() => {});
  }

  private async record(barrier: Barrier, sizeBytes: number, outcome: 'COMPLETED' | 'FAILED', failure?: string): Promise<void> {
    const durationMs = Math.max(0, this.options.clock() - barrier.time);
    const rec: CheckpointRecord = {
      id: barrier.id, time: barrier.time, durationMs, sizeBytes, outcome, kind: 'checkpoint',
      location: this.options.store.pathOf(barrier.id), ...(failure !== undefined ? { failure } : {}),
    };
    this.inProgress = null;
    if (outcome === 'COMPLETED') {
      this.completed++;
      this.lastCompleted = { id: barrier.id, time: barrier.time, durationMs, sizeBytes };
    } else {
      this.failed++;
    }
    this.history.push(rec);
    if (this.history.length > 200) this.history = this.history.slice(-100);
    await this.options.store.saveHistory(this.history).catch(() => {});
  }

  get lastCompletedCheckpoint(): number | null {
    return this.lastCompletedId;
  }

  metrics(): CheckpointMetrics {
    return { lastCompleted: this.lastCompleted, inProgress: this.inProgress, completed: this.completed, failed: this.failed };
  }
}
