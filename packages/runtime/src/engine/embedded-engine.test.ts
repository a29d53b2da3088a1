import { describe, expect, it } from 'vitest';
import { kafkaSource, pipeline } from '../testing/documents';
import { createEmbeddedEngine } from './embedded-engine';

const deploy = { jobId: 'j', kafkaClusters: { default: { brokers: '127.0.0.1:1' } }, dataDir: '/tmp/unused' };

function doc(settings: Record<string, unknown>): unknown {
  return pipeline('eo', [
    kafkaSource('src', 'in', [{ name: 'x', type: 'int' }]),
    { id: 'out', kind: 'kafka-sink', config: { topic: 'out' } },
  ], [['src', 'out']], settings);
}

describe('embedded engine compile', () => {
  it('refuses exactly-once with a checkpoint interval a Kafka transaction cannot cover', () => {
    const result = createEmbeddedEngine().compile(doc({ delivery: 'exactly-once', checkpointInterval: '8m' }), deploy);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([expect.objectContaining({ code: 'TRANSACTION_TIMEOUT_TOO_SHORT', field: 'settings.checkpointInterval' })]);
    expect(result.problems[0]?.message).toContain('7.5 min');
  });

  it('accepts exactly-once with a shorter interval, and a long interval at-least-once', () => {
    const eo = createEmbeddedEngine().compile(doc({ delivery: 'exactly-once', checkpointInterval: '7m' }), deploy);
    expect(eo.ok && eo.plan.settings.delivery).toBe('exactly-once');
    expect(eo.ok && eo.warnings).toEqual([]);
    expect(createEmbeddedEngine().compile(doc({ checkpointInterval: '20m' }), deploy).ok).toBe(true);
  });
});
