import type { SettingsInput } from '@weir/model';
import { defaultConfigOf } from '../catalog/catalog';
import type { DesignDocument, DesignEdge, DesignNode, Position } from './design-document';
import { edgeId } from './edge-identity';
import { nodeIdProblem, uniqueNodeId } from './node-ids';

/**
 * Pure edits of a design document. Each returns a new document sharing every untouched
 * node and edge with the old one, or the same document when nothing changed, so the
 * canvas re-renders only what moved and undo history stays cheap.
 */

function ids(doc: DesignDocument): Set<string> {
  return new Set(doc.nodes.map((n) => n.id));
}

/** Adds a node of `kind` with its default config; its id is derived from the kind. */
export function addNode(doc: DesignDocument, kind: string, at: Position): { doc: DesignDocument; id: string } {
  const id = uniqueNodeId(kind, ids(doc));
  const node: DesignNode = { id, kind, ui: { x: Math.round(at.x), y: Math.round(at.y) }, config: defaultConfigOf(kind) };
  return { doc: { ...doc, nodes: [...doc.nodes, node] }, id };
}

export function addEdge(doc: DesignDocument, edge: DesignEdge): DesignDocument {
  return { ...doc, edges: [...doc.edges, edge] };
}

export function moveNodes(doc: DesignDocument, positions: ReadonlyMap<string, Position>): DesignDocument {
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    const p = positions.get(n.id);
    if (!p) return n;
    const x = Math.round(p.x);
    const y = Math.round(p.y);
    if (n.ui?.x === x && n.ui?.y === y) return n;
    changed = true;
    return { ...n, ui: { ...n.ui, x, y } };
  });
  return changed ? { ...doc, nodes } : doc;
}

/** Removes nodes (with every edge touching them) and edges (by edge id). */
export function removeElements(doc: DesignDocument, nodeIds: Iterable<string>, edgeIds: Iterable<string> = []): DesignDocument {
  const goneNodes = new Set(nodeIds);
  const goneEdges = new Set(edgeIds);
  const nodes = doc.nodes.filter((n) => !goneNodes.has(n.id));
  const edges = doc.edges.filter((e) => !goneEdges.has(edgeId(e)) && !goneNodes.has(e.from) && !goneNodes.has(e.to));
  if (nodes.length === doc.nodes.length && edges.length === doc.edges.length) return doc;
  return { ...doc, nodes, edges };
}

function updateNode(doc: DesignDocument, id: string, update: (n: DesignNode) => DesignNode): DesignDocument {
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    if (n.id !== id) return n;
    const next = update(n);
    if (next !== n) changed = true;
    return next;
  });
  return changed ? { ...doc, nodes } : doc;
}

export function setNodeConfig(doc: DesignDocument, id: string, config: unknown): DesignDocument {
  return updateNode(doc, id, (n) => (n.config === config ? n : { ...n, config }));
}

/** Sets the canvas label; an empty label removes it, so the id shows again. */
export function setNodeLabel(doc: DesignDocument, id: string, label: string): DesignDocument {
  return updateNode(doc, id, (n) => {
    if ((n.ui?.label ?? '') === label) return n;
    const ui = { ...n.ui };
    if (label === '') delete ui.label;
    else ui.label = label;
    return { ...n, ui };
  });
}

/** Renames a node and every edge that names it; refuses an invalid or taken id with the reason. */
export function renameNode(doc: DesignDocument, from: string, to: string): { ok: true; doc: DesignDocument } | { ok: false; reason: string } {
  if (from === to) return { ok: true, doc };
  const reason = nodeIdProblem(to, from, ids(doc));
  if (reason) return { ok: false, reason };
  const nodes = doc.nodes.map((n) => (n.id === from ? { ...n, id: to } : n));
  const edges = doc.edges.map((e) =>
    e.from === from || e.to === from ? { ...e, from: e.from === from ? to : e.from, to: e.to === from ? to : e.to } : e,
  );
  return { ok: true, doc: { ...doc, nodes, edges } };
}

export function setDocumentInfo(doc: DesignDocument, info: { name?: string; description?: string }): DesignDocument {
  const next: DesignDocument = { ...doc };
  if (info.name !== undefined) next.name = info.name;
  if (info.description !== undefined) {
    if (info.description === '') delete next.description;
    else next.description = info.description;
  }
  return next.name === doc.name && next.description === doc.description ? doc : next;
}

export function setSettings(doc: DesignDocument, settings: SettingsInput): DesignDocument {
  return { ...doc, settings };
}
