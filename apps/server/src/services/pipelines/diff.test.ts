import { describe, expect, it } from 'vitest';
import { PipelineDiffSchema } from '@weir/protocol';
import { deepEqual, diffDocuments, fieldChanges } from './diff';

interface Doc {
  version: number;
  name: string;
  description?: string;
  settings: Record<string, unknown>;
  nodes: Array<{ id: string; kind: string; ui?: Record<string, unknown>; config?: unknown }>;
  edges: Array<{ from: string; to: string; port?: string }>;
}

const base: Doc = {
  version: 1,
  name: 'revenue',
  settings: { delivery: 'at-least-once' },
  nodes: [
    { id: 'orders', kind: 'kafka-source', ui: { x: 0, y: 0, label: 'Orders' }, config: { topic: 'orders', schema: [{ name: 'amount', type: 'double' }] } },
    { id: 'big', kind: 'filter', ui: { x: 200, y: 0 }, config: { where: 'amount >= 10' } },
    { id: 'win', kind: 'tumbling-window', config: { size: '1m', keyBy: ['category'], aggregates: [{ fn: 'sum', field: 'amount', as: 'revenue' }] } },
    { id: 'out', kind: 'kafka-sink', config: { topic: 'revenue' } },
  ],
  edges: [
    { from: 'orders', to: 'big' },
    { from: 'big', to: 'win' },
    { from: 'win', to: 'out' },
  ],
};

function clone<T>(v: T): T {
  return structuredClone(v);
}

const v = { from: 1, to: 2 };

describe('diffDocuments', () => {
  it('finds nothing between a document and itself', () => {
    const d = diffDocuments(base, clone(base), v);
    expect(PipelineDiffSchema.parse(d)).toEqual({
      from: 1, to: 2,
      nodes: { added: [], removed: [], changed: [], moved: [] },
      edges: { added: [], removed: [], changed: [] },
      document: [],
    });
  });

  it('reports added and removed nodes and edges with their kinds', () => {
    const after = clone(base);
    after.nodes = after.nodes.filter((n) => n.id !== 'big');
    after.nodes.push({ id: 'map', kind: 'map', config: { select: [] } });
    after.edges = [{ from: 'orders', to: 'map' }, { from: 'map', to: 'win' }, { from: 'win', to: 'out' }];
    const d = diffDocuments(base, after, v);
    expect(d.nodes.added).toEqual([{ id: 'map', kind: 'map' }]);
    expect(d.nodes.removed).toEqual([{ id: 'big', kind: 'filter' }]);
    expect(d.nodes.changed).toEqual([]);
    expect(d.edges.added).toEqual([{ from: 'orders', to: 'map' }, { from: 'map', to: 'win' }]);
    expect(d.edges.removed).toEqual([{ from: 'orders', to: 'big' }, { from: 'big', to: 'win' }]);
  });

  it('names each changed config field by its dotted path with before and after', () => {
    const after = clone(base);
    (after.nodes[1]!.config as { where: string }).where = 'amount >= 20';
    const win = after.nodes[2]!.config as { size: string; keyBy: string[]; aggregates: Array<Record<string, string>> };
    win.size = '5m';
    win.aggregates[0]!.field = 'price';
    win.aggregates.push({ fn: 'count', as: 'orders' });
    win.keyBy = [];
    const d = diffDocuments(base, after, v);
    expect(d.nodes.changed).toEqual([
      { id: 'big', kind: 'filter', changes: [{ path: 'config.where', before: 'amount >= 10', after: 'amount >= 20' }] },
      {
        id: 'win',
        kind: 'tumbling-window',
        changes: [
          { path: 'config.size', before: '1m', after: '5m' },
          { path: 'config.keyBy.0', before: 'category' },
          { path: 'config.aggregates.0.field', before: 'amount', after: 'price' },
          { path: 'config.aggregates.1', after: { fn: 'count', as: 'orders' } },
        ],
      },
    ]);
    expect(d.nodes.moved).toEqual([]);
  });

  it('reports a position-only change as moved, and a label change as a change', () => {
    const after = clone(base);
    after.nodes[0]!.ui = { x: 50, y: 10, label: 'Orders' };
    after.nodes[1]!.ui = { x: 300, y: 0, label: 'Big orders' };
    after.nodes[2]!.ui = { x: 1, y: 2 };
    const d = diffDocuments(base, after, v);
    expect(d.nodes.moved).toEqual([
      { id: 'orders', from: { x: 0, y: 0 }, to: { x: 50, y: 10 } },
      { id: 'big', from: { x: 200, y: 0 }, to: { x: 300, y: 0 } },
      { id: 'win', from: { x: null, y: null }, to: { x: 1, y: 2 } },
    ]);
    expect(d.nodes.changed).toEqual([{ id: 'big', kind: 'filter', changes: [{ path: 'ui.label', after: 'Big orders' }] }]);
  });

  it('reports a node whose kind changed, and an edge whose port changed', () => {
    const before = clone(base);
    before.edges[1]!.port = 'left';
    const after = clone(base);
    after.nodes[1]!.kind = 'map';
    after.edges[1]!.port = 'right';
    const d = diffDocuments(before, after, v);
    expect(d.nodes.changed[0]).toEqual({ id: 'big', kind: 'map', changes: [{ path: 'kind', before: 'filter', after: 'map' }] });
    expect(d.edges.changed).toEqual([{ from: 'big', to: 'win', changes: [{ path: 'port', before: 'left', after: 'right' }] }]);
    expect(d.edges.added).toEqual([]);
  });

  it('reports document-level changes: name, description, settings', () => {
    const after: Doc = { ...clone(base), name: 'revenue-2', description: 'per minute', settings: { delivery: 'exactly-once', parallelism: 2 } };
    expect(diffDocuments(base, after, v).document).toEqual([
      { path: 'name', before: 'revenue', after: 'revenue-2' },
      { path: 'settings.delivery', before: 'at-least-once', after: 'exactly-once' },
      { path: 'settings.parallelism', after: 2 },
      { path: 'description', after: 'per minute' },
    ]);
  });

  it('survives malformed drafts: nodes without ids, duplicate edges, missing arrays', () => {
    const before = { nodes: [{ kind: 'filter' }, 'x'], edges: [{ from: 'a', to: 'b' }, { from: 'a', to: 'b' }, { to: 'c' }] };
    const after = { edges: [{ from: 'a', to: 'b' }] };
    const d = diffDocuments(before, after, v);
    expect(d.edges.removed).toEqual([{ from: 'a', to: 'b' }]);
    expect(d.nodes).toEqual({ added: [], removed: [], changed: [], moved: [] });
  });
});

describe('fieldChanges and deepEqual', () => {
  it('treats an undefined property as absent', () => {
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(fieldChanges({ a: 1, b: undefined }, { a: 1 }, 'x')).toEqual([]);
  });

  it('reports a value replaced by one of another type at its own path', () => {
    expect(fieldChanges({ startFrom: 'earliest' }, { startFrom: { timestamp: '2026-01-01T00:00:00Z' } }, 'config')).toEqual([
      { path: 'config.startFrom', before: 'earliest', after: { timestamp: '2026-01-01T00:00:00Z' } },
    ]);
    expect(fieldChanges(null, 0, 'v')).toEqual([{ path: 'v', before: null, after: 0 }]);
  });
});
