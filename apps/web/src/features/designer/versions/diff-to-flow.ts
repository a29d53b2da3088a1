import type { Edge, Node } from '@xyflow/react';
import type { FieldChange, PipelineDiff } from '@weir/protocol';
import { nodeLabel, nodePosition, type DesignDocument, type DesignEdge } from '../document/design-document';
import { edgeId, OUT_HANDLE, targetHandleOf } from '../document/edge-identity';
import { DEFAULT_NODE_SIZE } from '../flow/auto-layout';

export type DiffStatus = 'added' | 'removed' | 'changed' | 'moved' | 'unchanged';

export interface DiffNodeData extends Record<string, unknown> {
  kind: string;
  label: string;
  status: DiffStatus;
  /** The fields that changed (changed nodes only), as dotted paths with before and after. */
  changes: readonly FieldChange[];
}
export type DiffFlowNode = Node<DiffNodeData, 'diff'>;

export interface DiffEdgeData extends Record<string, unknown> {
  status: Exclude<DiffStatus, 'moved'>;
}
export type DiffFlowEdge = Edge<DiffEdgeData, 'diff'>;

const sameEdge = (a: { from: string; to: string; port?: string | undefined }, b: DesignEdge) => a.from === b.from && a.to === b.to && (a.port ?? undefined) === (b.port ?? undefined);

/**
 * Both versions on one canvas: the newer version's nodes where they are now, marked added,
 * changed or moved, and the removed ones as ghosts where they were.
 */
export function diffToFlow(before: DesignDocument, after: DesignDocument, diff: PipelineDiff): { nodes: DiffFlowNode[]; edges: DiffFlowEdge[] } {
  const added = new Set(diff.nodes.added.map((n) => n.id));
  const changed = new Map(diff.nodes.changed.map((n) => [n.id, n.changes]));
  const moved = new Set(diff.nodes.moved.map((n) => n.id));
  const nodes: DiffFlowNode[] = after.nodes.map((n) => {
    const status: DiffStatus = added.has(n.id) ? 'added' : changed.has(n.id) ? 'changed' : moved.has(n.id) ? 'moved' : 'unchanged';
    return { id: n.id, type: 'diff', position: nodePosition(n), data: { kind: n.kind, label: nodeLabel(n), status, changes: changed.get(n.id) ?? [] } };
  });
  for (const removed of diff.nodes.removed) {
    const old = before.nodes.find((n) => n.id === removed.id);
    if (!old) continue;
    const position = clearSpot(nodePosition(old), nodes.map((n) => n.position));
    nodes.push({ id: old.id, type: 'diff', position, data: { kind: old.kind, label: nodeLabel(old), status: 'removed', changes: [] } });
  }

  const toEdge = (e: DesignEdge, status: DiffEdgeData['status']): DiffFlowEdge => ({
    id: `${status}:${edgeId(e)}`,
    type: 'diff',
    source: e.from,
    target: e.to,
    sourceHandle: OUT_HANDLE,
    targetHandle: targetHandleOf(e),
    data: { status },
  });
  const edges: DiffFlowEdge[] = after.edges.map((e) => {
    const status = diff.edges.added.some((a) => sameEdge(a, e)) ? 'added' : diff.edges.changed.some((c) => c.from === e.from && c.to === e.to) ? 'changed' : 'unchanged';
    return toEdge(e, status);
  });
  for (const removed of diff.edges.removed) {
    const old = before.edges.find((e) => sameEdge(removed, e));
    if (old) edges.push(toEdge(old, 'removed'));
  }
  return { nodes, edges };
}

/** A removed node's ghost goes where it was, or below that when a node of the newer version sits there now. */
export function clearSpot(at: { x: number; y: number }, taken: readonly { x: number; y: number }[]): { x: number; y: number } {
  const { width, height } = DEFAULT_NODE_SIZE;
  const overlaps = (p: { x: number; y: number }) => taken.some((t) => Math.abs(t.x - p.x) < width && Math.abs(t.y - p.y) < height + 20);
  let spot = at;
  for (let i = 0; i < 50 && overlaps(spot); i++) spot = { x: spot.x, y: spot.y + height + 40 };
  return spot;
}

/** "12" → 12 → "12"; objects as compact JSON, clipped; absent as "—". */
export function showValue(value: unknown): string {
  if (value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
