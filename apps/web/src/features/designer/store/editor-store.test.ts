import { describe, expect, it } from 'vitest';
import { EMPTY_DOCUMENT } from '../document/design-document';
import { revenueDocument } from '../document/test-documents';
import { createEditorStore } from './editor-store';
import { validateDesign } from './live-validation';

function editor(doc = revenueDocument()) {
  return createEditorStore({ doc });
}

describe('editor store', () => {
  it('adds nodes, connects them and selects the new node', () => {
    const store = editor(EMPTY_DOCUMENT);
    const source = store.getState().addNode('kafka-source', { x: 0, y: 0 });
    const filter = store.getState().addNode('filter', { x: 200, y: 0 });
    expect(store.getState().selection.nodes).toEqual([filter]);
    expect(store.getState().nodeById.get(source)?.kind).toBe('kafka-source');
    expect(store.getState().connect({ source, target: filter, targetHandle: 'in' })).toEqual({ ok: true });
    expect(store.getState().doc.edges).toEqual([{ from: source, to: filter }]);
  });

  it('refuses a connection with the reason and leaves the document as it was', () => {
    const store = editor();
    const before = store.getState().doc;
    const outcome = store.getState().connect({ source: 'out', target: 'orders' });
    expect(outcome).toEqual({ ok: false, reason: "'out' is a kafka sink: sinks end a pipeline and have no output." });
    expect(store.getState().doc).toBe(before);
    expect(store.getState().history.past).toHaveLength(0);
  });

  it('undoes and redoes edits in order, and a new edit clears redo', () => {
    const store = editor();
    const original = store.getState().doc;
    store.getState().addNode('map', { x: 0, y: 300 });
    const withMap = store.getState().doc;
    store.getState().setLabel('big', 'Big orders');
    store.getState().undo();
    expect(store.getState().doc).toBe(withMap);
    store.getState().undo();
    expect(store.getState().doc).toBe(original);
    store.getState().undo();
    expect(store.getState().doc).toBe(original);
    store.getState().redo();
    expect(store.getState().doc).toBe(withMap);
    store.getState().setConfig('big', { where: 'amount > 1' }, 'where');
    expect(store.getState().history.future).toHaveLength(0);
  });

  it('makes one undo step of a drag and of typing in one field', () => {
    const store = editor();
    const original = store.getState().doc;
    for (const x of [260, 270, 280]) store.getState().onNodesChange([{ type: 'position', id: 'big', position: { x, y: 0 }, dragging: true }]);
    store.getState().onNodesChange([{ type: 'position', id: 'big', position: { x: 290, y: 0 }, dragging: false }]);
    expect(store.getState().history.past).toHaveLength(1);
    for (const where of ['a', 'am', 'amount > 5']) store.getState().setConfig('big', { where }, 'where');
    expect(store.getState().history.past).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().doc.nodes[1]!.config).toEqual({ where: 'amount >= 10' });
    expect(store.getState().doc.nodes[1]!.ui).toEqual({ x: 290, y: 0 });
    store.getState().undo();
    expect(store.getState().doc).toBe(original);
  });

  it('deletes the selection, and select all takes every node and edge', () => {
    const store = editor();
    store.getState().selectAll();
    expect(store.getState().selection.nodes).toHaveLength(4);
    expect(store.getState().selection.edges).toEqual(['orders->big', 'big->per-minute', 'per-minute->out']);
    store.getState().select({ nodes: ['big'], edges: ['per-minute->out'] });
    store.getState().deleteSelection();
    expect(store.getState().doc.nodes.map((n) => n.id)).toEqual(['orders', 'per-minute', 'out']);
    expect(store.getState().doc.edges).toEqual([]);
    expect(store.getState().selection).toEqual({ nodes: [], edges: [] });
  });

  it('pastes copies under new ids, and again further along', () => {
    const store = editor();
    store.getState().select({ nodes: ['big', 'per-minute'], edges: [] });
    expect(store.getState().copySelection()).toBe(2);
    expect(store.getState().paste()).toEqual(['big-2', 'per-minute-2']);
    expect(store.getState().selection.nodes).toEqual(['big-2', 'per-minute-2']);
    expect(store.getState().paste()).toEqual(['big-3', 'per-minute-3']);
    const doc = store.getState().doc;
    expect(doc.edges.slice(-2)).toEqual([{ from: 'big-2', to: 'per-minute-2' }, { from: 'big-3', to: 'per-minute-3' }]);
    expect(doc.nodes.find((n) => n.id === 'big-3')!.ui).toEqual({ x: 330, y: 80 });
  });

  it('renames a selected node and keeps it selected; refuses a taken id', () => {
    const store = editor();
    store.getState().select({ nodes: ['big'], edges: [] });
    expect(store.getState().renameNode('big', 'large')).toEqual({ ok: true });
    expect(store.getState().selection.nodes).toEqual(['large']);
    expect(store.getState().renameNode('large', 'out').ok).toBe(false);
  });

  it('tells unsaved edits from the saved document', () => {
    const store = editor();
    expect(store.getState().doc).toBe(store.getState().saved.doc);
    store.getState().setLabel('big', 'x');
    expect(store.getState().doc).not.toBe(store.getState().saved.doc);
    store.getState().undo();
    expect(store.getState().doc).toBe(store.getState().saved.doc);
  });
});

describe('live validation', () => {
  it('groups problems by node and derives schemas', () => {
    const doc = revenueDocument();
    doc.nodes[1] = { ...doc.nodes[1]!, config: { where: 'amont > 1' } };
    const v = validateDesign(doc);
    expect(v.byNode.big?.map((p) => p.code)).toEqual(['UNKNOWN_FIELD']);
    expect(v.schemas.orders?.map((f) => f.name)).toEqual(['category', 'amount', 'ts']);
    expect(validateDesign(revenueDocument()).problems).toEqual([]);
  });
});
