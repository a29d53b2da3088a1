/** The graph shape upstreamOf needs: nodes in topological order with their children's indices. */
export interface NodeLinks {
  index: number;
  children: readonly { node: { index: number } }[];
}

/**
 * The nodes from which one of `targets` can be reached, excluding the targets: the nodes a
 * full sink holds back. `nodes` must be in topological order (the plan's order).
 */
export function upstreamOf(nodes: readonly NodeLinks[], targets: readonly number[]): number[] {
  const reach = new Set<number>(targets);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i]!;
    if (n.children.some((c) => reach.has(c.node.index))) reach.add(n.index);
  }
  return [...reach].filter((i) => !targets.includes(i)).sort((a, b) => a - b);
}
