import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testBrokers } from '@weir/kafka/testing';
import { runScenario } from './scenario';

// The short run of `npm run test:chaos` inside `npm test`: one crash of a real `weir run`.
describe('fault injection (smoke)', () => {
  it('a keyed tumbling-window job killed with SIGKILL and restarted gives exactly the offline result, exactly-once', async () => {
    const result = await runScenario({
      name: 'smoke-window-kill', pipeline: 'window', delivery: 'exactly-once', records: 4_000, kills: 1,
      ratePerSecond: 800, brokers: testBrokers(), workDir: await mkdtemp(join(tmpdir(), 'weir-chaos-')), timeoutMs: 120_000,
    });
    expect(result.problems).toEqual([]);
    expect(result.recoverMs).toHaveLength(1);
    expect({ missing: result.missing, duplicates: result.duplicates, unexpected: result.unexpected }).toEqual({ missing: 0, duplicates: 0, unexpected: 0 });
    expect(result.recordsOut).toBeGreaterThan(0);
  }, 240_000);
});
