import { describe, expect, it } from 'vitest';
import { findCycles, inputsByPort, orderedInputs, reachableFrom, topologicalOrder } from './graph';

describe('graph helpers', () => {
  const edges = [
    { from: 'a', to: 'j', port: 'right' },
    { from: 'b', to: 'j', port: 'left' },
    { from: 'j', to: 'u' },
    { from: 'c', to: 'u' },
    { from: 'u', to: 'out' },
  ];

  it('orders nodes topologically, stable in document order', () => {
    expect(topologicalOrder(['out', 'u', 'j', 'c', 'b', 'a'], edges)).toEqual({ order: ['c', 'b', 'a', 'j', 'u', 'out'], blocked: [] });
  });

  it('lists the nodes on or behind a cycle as blocked', () => {
    const cyclic = [{ from: 's', to: 'x' }, { from: 'x', to: 'y' }, { from: 'y', to: 'x' }, { from: 'y', to: 'z' }];
    expect(topologicalOrder(['s', 'x', 'y', 'z'], cyclic)).toEqual({ order: ['s'], blocked: ['x', 'y', 'z'] });
  });

  it('gives inputs by port and in the order a kind consumes them', () => {
    expect(inputsByPort(edges, 'j')).toEqual(new Map([['right', ['a']], ['left', ['b']]]));
    expect(orderedInputs(edges, 'j', ['left', 'right'])).toEqual(['b', 'a']);
    expect(orderedInputs(edges, 'u')).toEqual(['j', 'c']);
    expect(orderedInputs(edges, 'a')).toEqual([]);
  });

  it('finds what a node reaches', () => {
    expect([...reachableFrom(['c'], edges)].sort()).toEqual(['c', 'out', 'u']);
  });

  it('names every cycle along its edges', () => {
    const graph = [
      { from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'c', to: 'a' },
      { from: 'd', to: 'd' },
      { from: 'e', to: 'f' },
    ];
    expect(findCycles(['a', 'b', 'c', 'd', 'e', 'f'], graph)).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('handles long chains without recursion limits', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `n${i}`);
    const chain = ids.slice(1).map((to, i) => ({ from: ids[i] as string, to }));
    expect(findCycles(ids, chain)).toEqual([]);
    expect(topologicalOrder(ids, chain).order).toHaveLength(20_000);
  });
});
