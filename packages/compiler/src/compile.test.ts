import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, COMPILE_TARGETS } from './compile';
import { doc, kafkaSink, line, node, source } from './testing/documents';

describe('compile', () => {
  it('never throws, whatever the input', () => {
    fc.assert(fc.property(fc.anything(), fc.constantFrom(...COMPILE_TARGETS), (input, target) => {
      const result = compile(input, target, { brokers: 'b:9092' });
      expect(result.ok).toBe(false);
    }), { numRuns: 300 });
  });

  it('never throws on documents with a valid envelope and random configs', () => {
    const kinds = ['kafka-source', 'filter', 'map', 'union', 'tumbling-window', 'sliding-window', 'session-window', 'count-window', 'interval-join', 'kafka-sink', 'postgres-sink', 'preview-sink'];
    fc.assert(fc.property(
      fc.array(fc.record({ kind: fc.constantFrom(...kinds), config: fc.anything() }), { minLength: 1, maxLength: 5 }),
      fc.constantFrom(...COMPILE_TARGETS),
      (nodes, target) => {
        const document = doc(nodes.map((n, i) => ({ id: `n${i}`, ...n })), nodes.slice(1).map((_, i) => ({ from: `n${i}`, to: `n${i + 1}` })));
        expect(() => compile(document, target, { brokers: 'b:9092' })).not.toThrow();
      },
    ), { numRuns: 300 });
  });

  it('reports every validation problem for an invalid document', () => {
    const result = compile(doc([source('orders'), node('f', 'filter', { where: 'amount >' }), node('w', 'tumbling-window', { size: 'soon' })],
      line('orders', 'f', 'w')), 'plan');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.code).sort()).toEqual(['EXPR_SYNTAX', 'INVALID_DURATION', 'NO_SINK']);
  });

  it('validates for the engine of the target', () => {
    const document = doc([source('orders'), node('peek', 'preview-sink', {})], line('orders', 'peek'));
    expect(compile(document, 'plan').ok).toBe(true);
    const flink = compile(document, 'flink-sql', { brokers: 'b:9092' });
    expect(flink.ok).toBe(false);
    if (!flink.ok) expect(flink.problems).toMatchObject([{ code: 'UNSUPPORTED_ON_ENGINE', node: 'peek' }]);
  });

  it('reports bad options as problems', () => {
    const result = compile(doc([source('orders'), kafkaSink('out')], line('orders', 'out')), 'plan', { resourcePrefix: 'no spaces' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toContain('resourcePrefix');
  });

  it('returns the logical plan beside the compiled form', () => {
    const result = compile(doc([source('orders'), node('w', 'session-window', { gap: '30s', keyBy: ['category'] }), kafkaSink('out')],
      line('orders', 'w', 'out')), 'plan');
    if (!result.ok) throw new Error('expected success');
    const w = result.logical.operators.find((o) => o.id === 'w');
    expect(w).toMatchObject({ kind: 'session-window', durations: { gapMs: 30_000 }, keyFields: ['category'], outputs: ['out'],
      inputs: [{ from: 'orders', port: null, eventTime: { field: 'ts', offsetMs: 0 } }] });
  });
});
