import { describe, expect, it } from 'vitest';
import { checkConnection } from './connection-rules';
import type { DesignDocument } from './design-document';
import { addNode } from './document-ops';
import { revenueDocument } from './test-documents';

function withJoin(): DesignDocument {
  let doc = revenueDocument();
  doc = addNode(doc, 'kafka-source', { x: 0, y: 200 }).doc;
  doc = addNode(doc, 'interval-join', { x: 300, y: 200 }).doc;
  return doc;
}

function reason(doc: DesignDocument, source: string, target: string, targetHandle?: string): string {
  const check = checkConnection(doc, { source, target, targetHandle });
  if (check.ok) throw new Error(`expected ${source} → ${target} to be refused`);
  return check.reason;
}

describe('checkConnection', () => {
  it('accepts an output into a free input and names the join port', () => {
    const doc = withJoin();
    expect(checkConnection(doc, { source: 'big', target: 'interval-join', targetHandle: 'left' })).toEqual({
      ok: true,
      edge: { from: 'big', to: 'interval-join', port: 'left' },
    });
    const noEdges = { ...revenueDocument(), edges: [] };
    expect(checkConnection(noEdges, { source: 'orders', target: 'big', targetHandle: 'in' })).toEqual({ ok: true, edge: { from: 'orders', to: 'big' } });
  });

  it('refuses an edge into a source', () => {
    expect(reason(withJoin(), 'big', 'kafka-source')).toMatch(/sources read from Kafka and take no input/);
  });

  it('refuses an edge out of a sink', () => {
    expect(reason(withJoin(), 'out', 'interval-join', 'left')).toMatch(/'out' is a kafka sink: sinks end a pipeline/);
  });

  it('refuses a second input into a one-input node, naming the one it has', () => {
    expect(reason(withJoin(), 'kafka-source', 'big')).toBe(
      "'big' (Filter) takes one input and already has 'Orders'; delete that edge first, or merge the streams with a Union.",
    );
  });

  it('refuses a join port that is already taken', () => {
    let doc = withJoin();
    doc = { ...doc, edges: [...doc.edges, { from: 'big', to: 'interval-join', port: 'left' }] };
    expect(reason(doc, 'kafka-source', 'interval-join', 'left')).toMatch(/The left input of 'interval-join' is already connected to 'big'/);
    expect(checkConnection(doc, { source: 'kafka-source', target: 'interval-join', targetHandle: 'right' }).ok).toBe(true);
  });

  it('refuses a cycle and a self-loop', () => {
    let doc = withJoin();
    doc = addNode(doc, 'union', { x: 0, y: 0 }).doc;
    doc = { ...doc, edges: [...doc.edges, { from: 'union', to: 'big' }].filter((e) => !(e.from === 'orders' && e.to === 'big')) };
    expect(reason(doc, 'per-minute', 'union')).toBe("Connecting 'per-minute' to 'union' would make a cycle: 'union' already feeds 'per-minute'.");
    expect(reason(doc, 'union', 'union')).toMatch(/cannot feed itself/);
  });

  it('refuses the same edge twice and an unknown port', () => {
    expect(reason(revenueDocument(), 'orders', 'big')).toMatch(/already connected/);
    expect(reason(withJoin(), 'big', 'interval-join', 'in')).toMatch(/takes its inputs on the ports left and right/);
  });
});
