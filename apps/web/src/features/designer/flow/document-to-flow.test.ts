import { describe, expect, it } from 'vitest';
import { moveNodes } from '../document/document-ops';
import { revenueDocument } from '../document/test-documents';
import { toFlowEdges, toFlowNodes } from './document-to-flow';
import { applyEdgeChangesTo, applyNodeChangesTo, NO_SELECTION } from './flow-changes';

describe('document → React Flow', () => {
  it('maps nodes with their position and kind, and edges to handles', () => {
    const doc = { ...revenueDocument(), nodes: [...revenueDocument().nodes, { id: 'j', kind: 'interval-join' }] };
    doc.edges = [...doc.edges, { from: 'big', to: 'j', port: 'left' }];
    const nodes = toFlowNodes(doc, new Set(['big']), {});
    expect(nodes[1]).toEqual({ id: 'big', type: 'pipeline', position: { x: 250, y: 0 }, data: { kind: 'filter' }, selected: true });
    expect(nodes[4]!.position).toEqual({ x: 0, y: 0 });
    const edges = toFlowEdges(doc.edges, new Set());
    expect(edges[0]).toEqual({
      id: 'orders->big', type: 'schema', source: 'orders', target: 'big', sourceHandle: 'out', targetHandle: 'in', selected: false,
    });
    expect(edges[3]).toMatchObject({ id: 'big->j:left', targetHandle: 'left' });
  });

  it('reuses the objects of unchanged nodes and edges, so React Flow skips them', () => {
    const doc = revenueDocument();
    const measured = { big: { width: 200, height: 60 } };
    const first = toFlowNodes(doc, new Set(), measured);
    expect(first[1]!.measured).toEqual({ width: 200, height: 60 });
    const moved = moveNodes(doc, new Map([['out', { x: 900, y: 10 }]]));
    const second = toFlowNodes(moved, new Set(), measured, first);
    expect(second.slice(0, 3).every((n, i) => n === first[i])).toBe(true);
    expect(second[3]).not.toBe(first[3]);
    expect(second[3]!.data).toBe(first[3]!.data);
    const reselected = toFlowNodes(moved, new Set(['orders']), measured, second);
    expect(reselected[0]).not.toBe(second[0]);
    const edges = toFlowEdges(doc.edges, new Set());
    expect(toFlowEdges(doc.edges, new Set(['big->per-minute']), edges).map((e, i) => e === edges[i])).toEqual([true, false, true]);
  });
});

describe('React Flow changes → document', () => {
  const state = () => ({ doc: revenueDocument(), selection: NO_SELECTION, measured: {} });

  it('moves nodes, reports the drag and records sizes', () => {
    const result = applyNodeChangesTo(state(), [
      { type: 'position', id: 'big', position: { x: 260.2, y: 19.7 }, dragging: true },
      { type: 'dimensions', id: 'big', dimensions: { width: 180, height: 64 } },
    ]);
    expect(result.doc.nodes[1]!.ui).toEqual({ x: 260, y: 20 });
    expect(result.dragging).toBe(true);
    expect(result.measured).toEqual({ big: { width: 180, height: 64 } });
  });

  it('selects and deselects, and removes a node with its edges', () => {
    const selected = applyNodeChangesTo(state(), [{ type: 'select', id: 'big', selected: true }, { type: 'select', id: 'out', selected: true }]);
    expect(selected.selection.nodes).toEqual(['big', 'out']);
    const removed = applyNodeChangesTo(selected, [{ type: 'remove', id: 'big' }]);
    expect(removed.doc.nodes.map((n) => n.id)).toEqual(['orders', 'per-minute', 'out']);
    expect(removed.doc.edges).toEqual([{ from: 'per-minute', to: 'out' }]);
    expect(removed.selection.nodes).toEqual(['out']);
  });

  it('leaves the document alone for changes that are not edits', () => {
    const s = state();
    expect(applyNodeChangesTo(s, [{ type: 'select', id: 'big', selected: true }]).doc).toBe(s.doc);
    const edges = applyEdgeChangesTo(s, [{ type: 'select', id: 'orders->big', selected: true }]);
    expect(edges.doc).toBe(s.doc);
    expect(edges.selection.edges).toEqual(['orders->big']);
    expect(applyEdgeChangesTo(s, [{ type: 'remove', id: 'orders->big' }]).doc.edges).toHaveLength(2);
  });
});
