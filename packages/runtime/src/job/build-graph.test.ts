import { describe, expect, it } from 'vitest';
import { compile, type EmbeddedPlan } from '@weir/compiler';
import type { Row } from '@weir/model/field';
import { PreviewSink } from '../sinks/preview-sink';
import { buildGraph } from './build-graph';
import type { GraphNode, NodeHost } from './graph-node';

const host: NodeHost = {
  recordFailed(_node: GraphNode, err: unknown) {
    throw err;
  },
  late() {},
};

function planOf(document: unknown): EmbeddedPlan {
  const result = compile(document, 'plan');
  if (!result.ok || result.target !== 'plan') throw new Error(JSON.stringify(result));
  return result.plan;
}

function source(id: string, topic: string) {
  return {
    id, kind: 'kafka-source',
    config: { topic, schema: [{ name: 'k', type: 'string' }, { name: 'ts', type: 'timestamp' }], eventTime: { field: 'ts' } },
  };
}

/** Left: per-key counts of 1 s windows (their time is window_end − 1 ms); right: raw rows; joined when the times are equal. */
const JOIN_AFTER_WINDOW = {
  version: 1, name: 'join-after-window',
  nodes: [
    source('a', 'a'), source('b', 'b'),
    { id: 'w', kind: 'tumbling-window', config: { size: '1s', keyBy: ['k'], aggregates: [{ fn: 'count', as: 'n' }] } },
    { id: 'j', kind: 'interval-join', config: { on: [{ left: 'k', right: 'k' }], within: { lower: '0s', upper: '0s' } } },
    { id: 'out', kind: 'preview-sink', config: {} },
  ],
  edges: [{ from: 'a', to: 'w' }, { from: 'w', to: 'j', port: 'left' }, { from: 'b', to: 'j', port: 'right' }, { from: 'j', to: 'out' }],
};

describe('buildGraph', () => {
  it('makes one node per document node, chained in plan order, with preview sinks', () => {
    const graph = buildGraph(planOf(JOIN_AFTER_WINDOW), host, { sink: (op) => new PreviewSink(op as never), now: () => 0 });
    expect(graph.nodes.map((n) => `${n.id}:${n.kind}`)).toEqual(['a:source', 'b:source', 'w:operator', 'j:operator', 'out:sink']);
    expect(graph.byId.get('w')?.children.map((c) => `${c.node.id}/${c.port}`)).toEqual(['j/left']);
  });

  it("reads a window result's time as window_end − 1 ms in a join below it", () => {
    const graph = buildGraph(planOf(JOIN_AFTER_WINDOW), host, { sink: (op) => new PreviewSink(op as never), now: () => 0 });
    const [a, b] = [graph.byId.get('a')!, graph.byId.get('b')!];
    const push = (n: GraphNode, row: Row) => n.emit(row);
    push(a, { k: 'x', ts: 100 });
    push(a, { k: 'x', ts: 600 });
    push(b, { k: 'x', ts: 999 });
    push(b, { k: 'x', ts: 1000 });
    a.advance(0, 5000, false);
    b.advance(0, 5000, false);
    const rows = (graph.sinks[0]!.sink as PreviewSink).rows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ k: 'x', n: 2, window_end: new Date(1000).toISOString(), ts: new Date(999).toISOString() });
  });
});
