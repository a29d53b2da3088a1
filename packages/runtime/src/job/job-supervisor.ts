import type { JobStatus, StopResult } from '@weir/compiler';
import type { JobError, MetricsSnapshot } from '@weir/model';
import { toJobError, type JobEvents, type JobRunnerOptions } from './job-options';
import { JobRunner } from './job-runner';
import { TuningSchema, type Tuning } from './tuning';

/**
 * Failures of the job's environment, which a restart from the last checkpoint can get past:
 * a broker gone (or back with another leader), a sink or the dead-letter topic that could
 * not write, an exactly-once commit whose outcome is unknown (SINK_FAILED from the
 * transaction). Not restarted, because another attempt meets the same cause: a record that
 * fails under `onError: fail`, a missing topic or connection, a plan or checkpoint that does
 * not fit, and PRODUCER_FENCED — another instance owns the job now, and restarting would
 * fence it in turn.
 */
export const RESTARTABLE_CODES: ReadonlySet<string> = new Set(['BROKER_UNREACHABLE', 'SOURCE_FAILED', 'SINK_FAILED', 'DEAD_LETTER_FAILED']);

/** What the supervisor needs of one attempt (a JobRunner; a stand-in in unit tests). */
export interface Attempt {
  start(): Promise<void>;
  stop(options?: { savepoint?: boolean }): Promise<StopResult>;
  readonly done: Promise<JobStatus>;
  /** Whether the attempt completed a checkpoint of its own: progress, which resets the attempt count. */
  readonly completedCheckpoint: boolean;
}

/**
 * Runs a job as successive attempts under a restart strategy, as Flink's JobManager does: an
 * attempt that fails on a restartable cause is followed, after a delay, by a new one that
 * resumes from the last checkpoint (JobRunner.restore); meanwhile the job is RESTARTING with
 * the cause as its error. The job ends (`done`) only when an attempt finishes, is stopped,
 * fails on a cause no restart gets past, or the attempts run out.
 */
export class JobSupervisor {
  readonly done: Promise<JobStatus>;
  private resolveDone!: (s: JobStatus) => void;
  private readonly tuning: Tuning;
  private readonly startedAt: number;
  private attempt: Attempt | null = null;
  /** The attempt whose failure leads to a restart (its FAILING and FAILED show as RESTARTING). */
  private restartingAfter: Attempt | null = null;
  /** Restarts in a row whose attempts completed no checkpoint. */
  private failures = 0;
  private stopped = false;
  private ended = false;
  private wake: (() => void) | null = null;
  private lastSnapshot: MetricsSnapshot | null = null;
  /** Restarts so far (for metrics and tests). */
  restarts = 0;

  constructor(
    private readonly options: JobRunnerOptions,
    private readonly create: (options: JobRunnerOptions) => Attempt = (o) => new JobRunner(o),
  ) {
    this.tuning = TuningSchema.parse(options.tuning ?? {});
    this.startedAt = (options.clock ?? Date.now)();
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
    // The first attempt is created here, so a plan that cannot run throws to the deployer as before.
    this.attempt = this.launch();
  }

  start(): Promise<void> {
    return this.attempt?.start() ?? Promise.resolve();
  }

  async stop(options: { savepoint?: boolean } = {}): Promise<StopResult> {
    this.stopped = true;
    const attempt = this.attempt;
    if (attempt === null || this.restartingAfter === attempt) {
      // Between attempts (or while the failed one tears down): nothing runs to stop.
      this.wake?.();
      return this.done.then((s) => ({ state: s.state }));
    }
    return attempt.stop(options);
  }

  private launch(): Attempt {
    const attempt = this.create({ ...this.options, events: this.eventsOf(() => attempt) });
    void attempt.done.then((status) => this.attemptEnded(attempt, status));
    return attempt;
  }

  /** The attempt's events as the job's: its own start time, and RESTARTING where a restart follows. */
  private eventsOf(self: () => Attempt): JobEvents {
    const events = this.options.events;
    return {
      status: (s) => {
        if (this.ended) return;
        if ((s.state === 'FAILING' || s.state === 'FAILED') && this.willRestart(self(), s.error)) {
          this.restartingAfter = self();
          events.status({ state: 'RESTARTING', startedAt: this.startedAt, ...(s.error !== undefined ? { error: s.error } : {}) });
          return;
        }
        events.status({ ...s, startedAt: this.startedAt });
      },
      snapshot: (m) => {
        if (this.ended) return;
        const restarting = this.restartingAfter === self();
        this.lastSnapshot = restarting ? { ...m, state: 'RESTARTING' } : m;
        events.snapshot(this.lastSnapshot);
      },
      preview: (node, rows) => events.preview(node, rows),
    };
  }

  private willRestart(attempt: Attempt, error: JobError | undefined): boolean {
    if (this.restartingAfter === attempt) return true;
    if (this.stopped || error === undefined || !RESTARTABLE_CODES.has(error.code)) return false;
    const inARow = attempt.completedCheckpoint ? 0 : this.failures;
    return inARow < this.tuning.restartAttempts;
  }

  private async attemptEnded(attempt: Attempt, status: JobStatus): Promise<void> {
    if (attempt !== this.attempt) return;
    if (this.restartingAfter !== attempt) {
      this.end(status);
      return;
    }
    if (this.stopped) {
      // Stopped while the failed attempt tore down: the restart it was headed for is called off.
      this.end({ state: 'CANCELED', startedAt: this.startedAt, endedAt: status.endedAt ?? Date.now() });
      return;
    }
    this.failures = attempt.completedCheckpoint ? 1 : this.failures + 1;
    // Said once per restart, also for an attempt that failed before its first snapshot (a broker still down).
    if (this.lastSnapshot !== null) {
      this.options.events.snapshot({ ...this.lastSnapshot, state: 'RESTARTING', time: Date.now(), ...(status.error !== undefined ? { error: status.error } : {}) });
    }
    const delay = Math.min(this.tuning.restartMaxDelayMs, this.tuning.restartDelayMs * 2 ** (this.failures - 1));
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, delay);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wake = null;
    if (this.stopped) {
      this.end({ state: 'CANCELED', startedAt: this.startedAt, endedAt: Date.now() });
      return;
    }
    this.restarts++;
    let next: Attempt;
    try {
      next = this.launch();
    } catch (err) {
      this.end({ state: 'FAILED', startedAt: this.startedAt, endedAt: Date.now(), error: toJobError(err, undefined, Date.now()) });
      return;
    }
    this.attempt = next;
    this.restartingAfter = null;
    void next.start();
  }

  private end(status: JobStatus): void {
    if (this.ended) return;
    const final = { ...status, startedAt: this.startedAt };
    this.options.events.status(final);
    this.ended = true;
    this.resolveDone(final);
  }
}
