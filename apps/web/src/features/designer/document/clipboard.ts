import type { DesignDocument, DesignEdge, DesignNode } from './design-document';
import { uniqueNodeId } from './node-ids';

/** What Ctrl-C keeps: the chosen nodes and the edges running between them. */
export interface Fragment {
  nodes: DesignNode[];
  edges: DesignEdge[];
}

/** Pasted copies land this far right and down of the originals, so they are visibly new. */
export const PASTE_OFFSET = 40;

export function copyFragment(doc: DesignDocument, nodeIds: Iterable<string>): Fragment | null {
  const chosen = new Set(nodeIds);
  const nodes = doc.nodes.filter((n) => chosen.has(n.id));
  if (nodes.length === 0) return null;
  const edges = doc.edges.filter((e) => chosen.has(e.from) && chosen.has(e.to));
  return structuredClone({ nodes, edges });
}

/**
 * Adds a fragment's nodes under fresh ids (`filter` → `filter-2`), shifted by `offset`,
 * with its inner edges renamed to match. Returns the new ids for selecting them.
 */
export function pasteFragment(doc: DesignDocument, fragment: Fragment, offset = PASTE_OFFSET): { doc: DesignDocument; ids: string[] } {
  const taken = new Set(doc.nodes.map((n) => n.id));
  const renamed = new Map<string, string>();
  const nodes = fragment.nodes.map((n) => {
    const id = uniqueNodeId(n.id, taken);
    taken.add(id);
    renamed.set(n.id, id);
    const copy = structuredClone(n);
    return { ...copy, id, ui: { ...copy.ui, x: (copy.ui?.x ?? 0) + offset, y: (copy.ui?.y ?? 0) + offset } };
  });
  const edges = fragment.edges.map((e) => ({ ...e, from: renamed.get(e.from) ?? e.from, to: renamed.get(e.to) ?? e.to }));
  return { doc: { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] }, ids: nodes.map((n) => n.id) };
}
