import { describe, expect, it } from 'vitest';
import { JobStateSchema } from '@weir/model';
import { isFlinkTerminal, isTerminalState, mapFlinkJobState } from './job-state';

const FLINK_STATES = ['INITIALIZING', 'CREATED', 'RUNNING', 'FAILING', 'FAILED', 'CANCELLING', 'CANCELED', 'FINISHED', 'RESTARTING', 'SUSPENDED', 'RECONCILING'];

describe('mapFlinkJobState', () => {
  it('maps every Flink job status onto a Weir job state', () => {
    for (const s of FLINK_STATES) expect(JobStateSchema.safeParse(mapFlinkJobState(s)).success).toBe(true);
  });

  it('keeps the states both share and folds the others', () => {
    expect(mapFlinkJobState('FINISHED')).toBe('FINISHED');
    expect(mapFlinkJobState('RESTARTING')).toBe('RESTARTING');
    expect(mapFlinkJobState('INITIALIZING')).toBe('CREATED');
    expect(mapFlinkJobState('RECONCILING')).toBe('RUNNING');
    expect(mapFlinkJobState('SUSPENDED')).toBe('FAILED');
  });

  it('knows which states end a job', () => {
    expect(FLINK_STATES.filter(isFlinkTerminal)).toEqual(['FAILED', 'CANCELED', 'FINISHED', 'SUSPENDED']);
    expect(FLINK_STATES.map(mapFlinkJobState).filter(isTerminalState)).toEqual(['FAILED', 'CANCELED', 'FINISHED', 'FAILED']);
  });
});
