import { describe, expect, it } from 'vitest';
import type { JobStatus, StopResult } from '@weir/compiler';
import type { JobError } from '@weir/model';
import type { JobRunnerOptions } from './job-options';
import { JobSupervisor, type Attempt } from './job-supervisor';

/** An attempt the test ends by hand, reporting through the events it was given, as JobRunner does. */
class FakeAttempt implements Attempt {
  readonly done: Promise<JobStatus>;
  completedCheckpoint = false;
  started = false;
  private resolve!: (s: JobStatus) => void;

  constructor(private readonly options: JobRunnerOptions) {
    this.done = new Promise((r) => (this.resolve = r));
  }

  async start(): Promise<void> {
    this.started = true;
    this.options.events.status({ state: 'RUNNING', startedAt: 0 });
  }

  async stop(): Promise<StopResult> {
    this.end({ state: 'CANCELED', startedAt: 0, endedAt: 1 });
    return { state: 'CANCELED' };
  }

  fail(code: string): void {
    const error: JobError = { code, message: `${code} happened`, time: 1 };
    this.options.events.status({ state: 'FAILING', startedAt: 0, error });
    this.end({ state: 'FAILED', startedAt: 0, endedAt: 1, error });
  }

  end(status: JobStatus): void {
    this.options.events.status(status);
    this.resolve(status);
  }
}

function supervise(tuning: JobRunnerOptions['tuning'] = {}) {
  const attempts: FakeAttempt[] = [];
  const states: string[] = [];
  const options = {
    jobId: 'j', tuning: { restartDelayMs: 1, restartMaxDelayMs: 4, ...tuning },
    events: { status: (s: JobStatus) => states.push(s.state), snapshot: () => {}, preview: () => {} },
  } as unknown as JobRunnerOptions;
  const supervisor = new JobSupervisor(options, (o) => {
    const a = new FakeAttempt(o);
    attempts.push(a);
    return a;
  });
  return { supervisor, attempts, states };
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 1));
}

describe('JobSupervisor (restart strategy)', () => {
  it('restarts an attempt that failed on its environment, showing RESTARTING, and ends with the attempt that finishes', async () => {
    const { supervisor, attempts, states } = supervise();
    await supervisor.start();
    attempts[0]!.fail('SINK_FAILED');
    await until(() => attempts[1]?.started === true);
    expect(states).toEqual(['RUNNING', 'RESTARTING', 'RESTARTING', 'RUNNING']);
    attempts[1]!.end({ state: 'FINISHED', startedAt: 5, endedAt: 9 });
    expect(await supervisor.done).toMatchObject({ state: 'FINISHED', endedAt: 9 });
    expect(supervisor.restarts).toBe(1);
  });

  it('does not restart a failure that another attempt would meet again (fenced, a bad record, a missing topic)', async () => {
    for (const code of ['PRODUCER_FENCED', 'DECODE_FAILED', 'TOPIC_NOT_FOUND', 'CHECKPOINT_INCOMPATIBLE']) {
      const { supervisor, attempts, states } = supervise();
      await supervisor.start();
      attempts[0]!.fail(code);
      expect(await supervisor.done).toMatchObject({ state: 'FAILED', error: { code } });
      expect(attempts).toHaveLength(1);
      expect(states).not.toContain('RESTARTING');
    }
  });

  it('fails for good after restartAttempts restarts in a row without a checkpoint; one that checkpointed resets the count', async () => {
    const { supervisor, attempts } = supervise({ restartAttempts: 2 });
    await supervisor.start();
    attempts[0]!.fail('BROKER_UNREACHABLE');
    await until(() => attempts.length === 2);
    attempts[1]!.completedCheckpoint = true;
    attempts[1]!.fail('SINK_FAILED');
    await until(() => attempts.length === 3);
    attempts[2]!.fail('SINK_FAILED');
    await until(() => attempts.length === 4);
    attempts[3]!.fail('SINK_FAILED');
    expect(await supervisor.done).toMatchObject({ state: 'FAILED', error: { code: 'SINK_FAILED' } });
    expect(attempts).toHaveLength(4);
    expect(supervisor.restarts).toBe(3);
  });

  it('a stop while restarting calls the restart off and ends CANCELED', async () => {
    const { supervisor, attempts } = supervise({ restartDelayMs: 60_000, restartMaxDelayMs: 60_000 });
    await supervisor.start();
    attempts[0]!.fail('SOURCE_FAILED');
    await new Promise((r) => setTimeout(r, 5));
    expect(await supervisor.stop()).toEqual({ state: 'CANCELED' });
    expect((await supervisor.done).state).toBe('CANCELED');
    expect(attempts).toHaveLength(1);
  });
});
