import { describe, expect, it } from 'vitest';
import { copyFragment, pasteFragment } from './clipboard';
import { addNode, moveNodes, removeElements, renameNode, setDocumentInfo, setNodeLabel } from './document-ops';
import { uniqueNodeId } from './node-ids';
import { revenueDocument } from './test-documents';

describe('document operations', () => {
  it('adds a node with the default config of its kind and an id after the kind', () => {
    const { doc, id } = addNode(revenueDocument(), 'filter', { x: 10.4, y: 20.6 });
    expect(id).toBe('filter');
    expect(doc.nodes.at(-1)).toEqual({ id: 'filter', kind: 'filter', ui: { x: 10, y: 21 }, config: { where: '' } });
    expect(addNode(doc, 'filter', { x: 0, y: 0 }).id).toBe('filter-2');
  });

  it('keeps untouched nodes and returns the same document when nothing moved', () => {
    const doc = revenueDocument();
    const moved = moveNodes(doc, new Map([['big', { x: 300, y: 40 }]]));
    expect(moved.nodes[1]!.ui).toEqual({ x: 300, y: 40 });
    expect(moved.nodes[0]).toBe(doc.nodes[0]);
    expect(moveNodes(moved, new Map([['big', { x: 300, y: 40 }]]))).toBe(moved);
  });

  it('removes a node with its edges, and single edges by id', () => {
    const doc = removeElements(revenueDocument(), ['big']);
    expect(doc.nodes.map((n) => n.id)).toEqual(['orders', 'per-minute', 'out']);
    expect(doc.edges).toEqual([{ from: 'per-minute', to: 'out' }]);
    expect(removeElements(revenueDocument(), [], ['big->per-minute']).edges).toHaveLength(2);
  });

  it('renames a node and the edges naming it, refusing invalid or taken ids', () => {
    const result = renameNode(revenueDocument(), 'big', 'large_orders');
    expect(result.ok && result.doc.edges).toEqual([
      { from: 'orders', to: 'large_orders' },
      { from: 'large_orders', to: 'per-minute' },
      { from: 'per-minute', to: 'out' },
    ]);
    expect(renameNode(revenueDocument(), 'big', 'out')).toEqual({ ok: false, reason: "Another node is already called 'out'." });
    expect(renameNode(revenueDocument(), 'big', 'a b')).toEqual({ ok: false, reason: 'A node id is letters, digits, - and _ only.' });
  });

  it('sets and clears a label, name and description', () => {
    const labelled = setNodeLabel(revenueDocument(), 'big', 'Big orders');
    expect(labelled.nodes[1]!.ui?.label).toBe('Big orders');
    expect(setNodeLabel(labelled, 'big', '').nodes[1]!.ui).toEqual({ x: 250, y: 0 });
    const described = setDocumentInfo(revenueDocument(), { name: 'rev', description: 'Revenue' });
    expect([described.name, described.description]).toEqual(['rev', 'Revenue']);
    expect('description' in setDocumentInfo(described, { description: '' })).toBe(false);
  });

  it('picks unique ids, continuing a numbered id', () => {
    const taken = new Set(['filter', 'filter-2']);
    expect(uniqueNodeId('filter', taken)).toBe('filter-3');
    expect(uniqueNodeId('filter-2', taken)).toBe('filter-3');
    expect(uniqueNodeId('my node!', taken)).toBe('my-node');
  });
});

describe('copy and paste', () => {
  it('pastes copies under new ids with their inner edges, offset from the originals', () => {
    const doc = revenueDocument();
    const fragment = copyFragment(doc, ['big', 'per-minute'])!;
    expect(fragment.edges).toEqual([{ from: 'big', to: 'per-minute' }]);
    const pasted = pasteFragment(doc, fragment);
    expect(pasted.ids).toEqual(['big-2', 'per-minute-2']);
    expect(pasted.doc.edges.at(-1)).toEqual({ from: 'big-2', to: 'per-minute-2' });
    expect(pasted.doc.nodes.find((n) => n.id === 'big-2')!.ui).toEqual({ x: 290, y: 40 });
    expect(pasted.doc.nodes.find((n) => n.id === 'big-2')!.config).toEqual({ where: 'amount >= 10' });
    expect(pasted.doc.nodes.find((n) => n.id === 'big-2')!.config).not.toBe(doc.nodes[1]!.config);
  });

  it('copies nothing when no node is chosen', () => {
    expect(copyFragment(revenueDocument(), [])).toBeNull();
  });
});
