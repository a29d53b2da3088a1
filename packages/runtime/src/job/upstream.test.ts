import { describe, expect, it } from 'vitest';
import { upstreamOf, type NodeLinks } from './upstream';

/** 0 src → 1 map → 2 sinkA; 1 → 3 window → 4 sinkB; 5 src2 → 4. */
function graph(): NodeLinks[] {
  const nodes: NodeLinks[] = [0, 1, 2, 3, 4, 5].map((index) => ({ index, children: [] }));
  const link = (a: number, b: number) => (nodes[a]!.children as { node: { index: number } }[]).push({ node: { index: b } });
  link(0, 1); link(1, 2); link(1, 3); link(3, 4); link(5, 4);
  return [nodes[0]!, nodes[5]!, nodes[1]!, nodes[3]!, nodes[2]!, nodes[4]!];
}

describe('upstreamOf', () => {
  it('finds every node a sink holds back, and only those', () => {
    expect(upstreamOf(graph(), [2])).toEqual([0, 1]);
    expect(upstreamOf(graph(), [4])).toEqual([0, 1, 3, 5]);
    expect(upstreamOf(graph(), [2, 4])).toEqual([0, 1, 3, 5]);
    expect(upstreamOf(graph(), [])).toEqual([]);
  });
});
