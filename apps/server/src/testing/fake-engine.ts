import type { CheckpointRecord, DeployOptions, Engine, EngineCompileResult, Job, JobStatus, StopResult } from '@weir/compiler';
import { ENGINES, validateDocument, type JobError, type MetricsSnapshot } from '@weir/model';

/**
 * An Engine for unit tests of the job manager's lifecycle logic: validation is the real
 * one, and each deployed job is driven by the test (emit a snapshot, finish, fail).
 * Integration tests use the real embedded engine.
 */
export class FakeJob implements Job {
  readonly done: Promise<JobStatus>;
  private current: JobStatus;
  private resolveDone!: (s: JobStatus) => void;
  private readonly listeners = new Set<(s: MetricsSnapshot | null) => void>();

  constructor(
    readonly id: string,
    readonly options: DeployOptions,
    private readonly savepointOnStop: string | undefined,
  ) {
    this.current = { state: 'RUNNING', startedAt: Date.now() };
    this.done = new Promise((r) => (this.resolveDone = r));
  }

  status(): JobStatus {
    return { ...this.current };
  }

  emit(snapshot: Omit<MetricsSnapshot, 'jobId' | 'state'>): void {
    for (const l of this.listeners) l({ ...snapshot, jobId: this.id, state: this.current.state });
  }

  /** The engine's restart strategy at work: RESTARTING with the cause (error), or RUNNING again (no error). */
  restarting(error: JobError | null): void {
    this.current = error ? { state: 'RESTARTING', startedAt: this.current.startedAt, error } : { state: 'RUNNING', startedAt: this.current.startedAt };
  }

  finish(): void {
    this.end({ state: 'FINISHED', startedAt: this.current.startedAt, endedAt: Date.now() });
  }

  fail(error: JobError): void {
    this.end({ state: 'FAILED', startedAt: this.current.startedAt, endedAt: Date.now(), error });
  }

  async stop(options: { savepoint?: boolean } = {}): Promise<StopResult> {
    this.end({ state: 'CANCELED', startedAt: this.current.startedAt, endedAt: Date.now() });
    return options.savepoint && this.savepointOnStop ? { state: 'CANCELED', savepoint: this.savepointOnStop } : { state: 'CANCELED' };
  }

  metrics(): AsyncIterable<MetricsSnapshot> {
    const queue: (MetricsSnapshot | null)[] = [];
    let wake: (() => void) | undefined;
    const push = (s: MetricsSnapshot | null) => {
      queue.push(s);
      wake?.();
    };
    this.listeners.add(push);
    if (this.ended) push(null);
    const listeners = this.listeners;
    return {
      async *[Symbol.asyncIterator]() {
        try {
          for (;;) {
            if (queue.length === 0) await new Promise<void>((r) => (wake = r));
            const next = queue.shift();
            if (next === null || next === undefined) return;
            yield next;
          }
        } finally {
          listeners.delete(push);
        }
      },
    };
  }

  async checkpoints(): Promise<CheckpointRecord[]> {
    return [];
  }

  private ended = false;

  private end(status: JobStatus): void {
    if (this.ended) return;
    this.ended = true;
    this.current = status;
    for (const l of this.listeners) l(null);
    this.resolveDone(status);
  }
}

export class FakeEngine implements Engine<unknown> {
  readonly name = 'embedded' as const;
  readonly capabilities = ENGINES.embedded;
  readonly deployed: FakeJob[] = [];
  /** What the next deploy throws, once. */
  failNextDeploy: Error | undefined;
  savepointOnStop: string | undefined = 'file:///savepoints/sp-1';
  closed = false;

  compile(document: unknown): EngineCompileResult<unknown> {
    const result = validateDocument(document, { engine: 'embedded' });
    return result.ok ? { ok: true, plan: result.document, warnings: [] } : { ok: false, problems: result.problems };
  }

  async deploy(_plan: unknown, options: DeployOptions): Promise<Job> {
    if (this.failNextDeploy) {
      const err = this.failNextDeploy;
      this.failNextDeploy = undefined;
      throw err;
    }
    const job = new FakeJob(options.jobId, options, this.savepointOnStop);
    this.deployed.push(job);
    return job;
  }

  /** The latest deployment of a job id. */
  job(id: string): FakeJob {
    const found = [...this.deployed].reverse().find((j) => j.id === id);
    if (!found) throw new Error(`job ${id} was never deployed`);
    return found;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.deployed.map((j) => j.stop()));
  }
}
