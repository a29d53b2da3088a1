import { describe, expect, it } from 'vitest';
import { engineLink } from './engine-link';

const id = '8c0b1f7e2d3a4b5c6d7e8f9a0b1c2d3e';

describe('engineLink', () => {
  it('opens a Flink job\'s own page in Flink\'s web UI', () => {
    expect(engineLink({ engine: 'flink', externalId: id, externalUrl: `http://127.0.0.1:8081/#/job/running/${id}`, engineUrl: 'http://127.0.0.1:8081/#/overview' }))
      .toEqual({ href: `http://127.0.0.1:8081/#/job/running/${id}`, label: 'Flink web UI', title: `Job ${id} in the Flink web UI` });
  });

  it('opens Flink\'s overview while the job has no Flink job id', () => {
    expect(engineLink({ engine: 'flink', externalId: null, externalUrl: null, engineUrl: 'http://127.0.0.1:8081/#/overview' }))
      .toMatchObject({ href: 'http://127.0.0.1:8081/#/overview', label: 'Flink web UI', title: expect.stringContaining('no Flink job id yet') });
  });

  it('has nothing to open for the embedded engine, or a server that sends no engine URL', () => {
    expect(engineLink({ engine: 'embedded', externalId: null, externalUrl: null, engineUrl: null })).toBeNull();
    expect(engineLink({ engine: 'flink', externalId: null, externalUrl: null })).toBeNull();
  });
});
