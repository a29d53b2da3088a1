import { describe, expect, it } from 'vitest';
import { FromWorkerSchema } from './messages';
import { workerExecArgv } from './worker-job';

describe('workerExecArgv', () => {
  it('drops module loaders (the worker registers tsx itself) and keeps other flags', () => {
    expect(workerExecArgv(['--import', 'tsx', '--cpu-prof', '--import=tsx/esm', '--max-old-space-size=512', '-r', 'x', '--loader', 'y']))
      .toEqual(['--cpu-prof', '--max-old-space-size=512']);
  });
});

describe('worker messages', () => {
  it('refuse what the protocol does not know', () => {
    expect(FromWorkerSchema.safeParse({ type: 'status', status: { state: 'RUNNING', startedAt: 1 } }).success).toBe(true);
    expect(FromWorkerSchema.safeParse({ type: 'status', status: { state: 'DANCING', startedAt: 1 } }).success).toBe(false);
    expect(FromWorkerSchema.safeParse({ type: 'eval', code: '1' }).success).toBe(false);
  });
});
