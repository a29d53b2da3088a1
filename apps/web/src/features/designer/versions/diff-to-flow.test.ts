import type { PipelineDiff } from '@weir/protocol';
import { describe, expect, it } from 'vitest';
import { revenueDocument } from '../document/test-documents';
import { clearSpot, diffToFlow, showValue } from './diff-to-flow';

describe('diffToFlow', () => {
  it('marks added, changed, moved and unchanged nodes, and ghosts removed ones where they were', () => {
    const before = revenueDocument();
    const after = revenueDocument();
    after.nodes = after.nodes.filter((n) => n.id !== 'big');
    after.nodes[1] = { ...after.nodes[1]!, config: { size: '5m', keyBy: ['category'], aggregates: [] } };
    after.nodes[2] = { ...after.nodes[2]!, ui: { x: 800, y: 40 } };
    after.nodes.push({ id: 'audit', kind: 'preview-sink', ui: { x: 300, y: 200 } });
    after.edges = [{ from: 'orders', to: 'per-minute' }, { from: 'per-minute', to: 'out' }, { from: 'orders', to: 'audit' }];
    const diff: PipelineDiff = {
      from: 1,
      to: 2,
      nodes: {
        added: [{ id: 'audit', kind: 'preview-sink' }],
        removed: [{ id: 'big', kind: 'filter' }],
        changed: [{ id: 'per-minute', kind: 'tumbling-window', changes: [{ path: 'config.size', before: '1m', after: '5m' }] }],
        moved: [{ id: 'out', from: { x: 750, y: 0 }, to: { x: 800, y: 40 } }],
      },
      edges: {
        added: [{ from: 'orders', to: 'per-minute' }, { from: 'orders', to: 'audit' }],
        removed: [{ from: 'orders', to: 'big' }, { from: 'big', to: 'per-minute' }],
        changed: [],
      },
      document: [],
    };
    const { nodes, edges } = diffToFlow(before, after, diff);
    expect(nodes.map((n) => [n.id, n.data.status])).toEqual([
      ['orders', 'unchanged'],
      ['per-minute', 'changed'],
      ['out', 'moved'],
      ['audit', 'added'],
      ['big', 'removed'],
    ]);
    expect(nodes.find((n) => n.id === 'big')!.position).toEqual({ x: 250, y: 0 });
    expect(nodes.find((n) => n.id === 'per-minute')!.data.changes).toEqual([{ path: 'config.size', before: '1m', after: '5m' }]);
    expect(edges.map((e) => [e.source, e.target, e.data!.status])).toEqual([
      ['orders', 'per-minute', 'added'],
      ['per-minute', 'out', 'unchanged'],
      ['orders', 'audit', 'added'],
      ['orders', 'big', 'removed'],
      ['big', 'per-minute', 'removed'],
    ]);
    expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length);
  });

  it('moves a removed node’s ghost off a node that took its place', () => {
    expect(clearSpot({ x: 750, y: 0 }, [{ x: 760, y: 10 }])).toEqual({ x: 750, y: 112 });
    expect(clearSpot({ x: 750, y: 0 }, [{ x: 0, y: 0 }])).toEqual({ x: 750, y: 0 });
  });

  it('shows values briefly', () => {
    expect(showValue(undefined)).toBe('—');
    expect(showValue('1m')).toBe('1m');
    expect(showValue({ a: 1 })).toBe('{"a":1}');
    expect(showValue('x'.repeat(100))).toHaveLength(78);
  });
});
