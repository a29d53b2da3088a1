import type { DiffEdge, DiffNode, EdgeChange, FieldChange, NodeChange, NodeMove, PipelineDiff } from '@weir/protocol';

/**
 * What changed between two versions of a pipeline document: nodes (by id) and edges (by
 * their two ends) added, removed and changed, with every changed field as a dotted path and
 * its values before and after. A node whose only change is its canvas position is `moved`,
 * not `changed`, so a tidied layout does not read as an edit. Pure; works on drafts too.
 */

type Json = unknown;
type Obj = Record<string, Json>;

function isObject(v: Json): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

function change(path: string, before: Json, after: Json): FieldChange {
  return {
    path,
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
  };
}

/** Every leaf that differs, descending into objects and arrays (arrays by index). */
export function fieldChanges(before: Json, after: Json, path: string, out: FieldChange[] = []): FieldChange[] {
  if (deepEqual(before, after)) return out;
  const join = (key: string | number) => (path === '' ? String(key) : `${path}.${key}`);
  if (isObject(before) && isObject(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((k) => !Object.hasOwn(before, k))];
    for (const k of keys) fieldChanges(before[k], after[k], join(k), out);
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) fieldChanges(before[i], after[i], join(i), out);
    return out;
  }
  out.push(change(path, before, after));
  return out;
}

interface DocLike {
  nodes?: Json;
  edges?: Json;
  [key: string]: Json;
}

function nodesById(doc: DocLike): Map<string, Obj> {
  const out = new Map<string, Obj>();
  for (const n of Array.isArray(doc.nodes) ? doc.nodes : []) {
    if (isObject(n) && typeof n.id === 'string' && !out.has(n.id)) out.set(n.id, n);
  }
  return out;
}

function kindOf(n: Obj): string {
  return typeof n.kind === 'string' ? n.kind : '';
}

function position(n: Obj): { x: number | null; y: number | null } {
  const ui = isObject(n.ui) ? n.ui : {};
  return { x: typeof ui.x === 'number' ? ui.x : null, y: typeof ui.y === 'number' ? ui.y : null };
}

/** A node without its position (ui always an object, so a missing ui equals an empty one). */
function withoutPosition(n: Obj): Obj {
  const { x: _x, y: _y, ...ui } = isObject(n.ui) ? n.ui : {};
  return { ...n, ui };
}

/** Edges keyed by their ends; a second edge between the same two nodes gets `#2`. */
function edgesByEnds(doc: DocLike): Map<string, Obj> {
  const out = new Map<string, Obj>();
  for (const e of Array.isArray(doc.edges) ? doc.edges : []) {
    if (!isObject(e) || typeof e.from !== 'string' || typeof e.to !== 'string') continue;
    const base = `${e.from}\u0000${e.to}`;
    let key = base;
    for (let i = 2; out.has(key); i++) key = `${base}#${i}`;
    out.set(key, e);
  }
  return out;
}

function toDiffEdge(e: Obj): DiffEdge {
  return { from: String(e.from), to: String(e.to), ...(typeof e.port === 'string' ? { port: e.port } : {}) };
}

export function diffDocuments(beforeDoc: object, afterDoc: object, versions: { from: number; to: number }): PipelineDiff {
  const before = beforeDoc as DocLike;
  const after = afterDoc as DocLike;
  const a = nodesById(before);
  const b = nodesById(after);
  const added: DiffNode[] = [];
  const removed: DiffNode[] = [];
  const changed: NodeChange[] = [];
  const moved: NodeMove[] = [];
  for (const [id, n] of a) if (!b.has(id)) removed.push({ id, kind: kindOf(n) });
  for (const [id, n] of b) {
    const old = a.get(id);
    if (!old) {
      added.push({ id, kind: kindOf(n) });
      continue;
    }
    const { id: _i1, ...oldRest } = withoutPosition(old);
    const { id: _i2, ...newRest } = withoutPosition(n);
    const changes = fieldChanges(oldRest, newRest, '');
    if (changes.length > 0) changed.push({ id, kind: kindOf(n), changes });
    const from = position(old);
    const to = position(n);
    if (from.x !== to.x || from.y !== to.y) moved.push({ id, from, to });
  }

  const ea = edgesByEnds(before);
  const eb = edgesByEnds(after);
  const edgesAdded: DiffEdge[] = [];
  const edgesRemoved: DiffEdge[] = [];
  const edgesChanged: EdgeChange[] = [];
  for (const [key, e] of ea) if (!eb.has(key)) edgesRemoved.push(toDiffEdge(e));
  for (const [key, e] of eb) {
    const old = ea.get(key);
    if (!old) {
      edgesAdded.push(toDiffEdge(e));
      continue;
    }
    const changes = fieldChanges(old, e, '');
    if (changes.length > 0) edgesChanged.push({ from: String(e.from), to: String(e.to), changes });
  }

  const { nodes: _n1, edges: _e1, ...docBefore } = before;
  const { nodes: _n2, edges: _e2, ...docAfter } = after;
  return {
    from: versions.from,
    to: versions.to,
    nodes: { added, removed, changed, moved },
    edges: { added: edgesAdded, removed: edgesRemoved, changed: edgesChanged },
    document: fieldChanges(docBefore, docAfter, ''),
  };
}
