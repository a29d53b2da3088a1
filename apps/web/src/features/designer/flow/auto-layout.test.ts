import { describe, expect, it } from 'vitest';
import { revenueDocument } from '../document/test-documents';
import { layoutPositions } from './auto-layout';

describe('auto-layout', () => {
  it('places a chain left to right on one row, and a join after both inputs', async () => {
    const doc = revenueDocument();
    const positions = await layoutPositions(doc);
    const xs = ['orders', 'big', 'per-minute', 'out'].map((id) => positions.get(id)!.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(new Set(['orders', 'big', 'per-minute', 'out'].map((id) => positions.get(id)!.y)).size).toBe(1);

    const joined = {
      ...doc,
      nodes: [...doc.nodes, { id: 'clicks', kind: 'kafka-source' }, { id: 'j', kind: 'interval-join' }],
      edges: [...doc.edges, { from: 'big', to: 'j', port: 'left' }, { from: 'clicks', to: 'j', port: 'right' }],
    };
    const more = await layoutPositions(joined);
    expect(more.get('j')!.x).toBeGreaterThan(more.get('big')!.x);
    expect(more.get('j')!.x).toBeGreaterThan(more.get('clicks')!.x);
    // Nodes of one layer never overlap.
    expect(Math.abs(more.get('clicks')!.y - more.get('orders')!.y)).toBeGreaterThanOrEqual(72);
  });
});
