import type { Edge, Node } from '@xyflow/react';
import { nodePosition, type DesignDocument, type DesignEdge } from '../document/design-document';
import { edgeId, OUT_HANDLE, targetHandleOf } from '../document/edge-identity';

/**
 * The document as React Flow nodes and edges. Nodes carry only their kind: the node
 * component reads its own slice of the editor store (label, problems) by id, and nothing
 * that changes often (or any callback) goes into `data`.
 */
export interface PipelineNodeData extends Record<string, unknown> {
  kind: string;
}
export type PipelineFlowNode = Node<PipelineNodeData, 'pipeline'>;
export type PipelineFlowEdge = Edge<Record<string, never>, 'schema'>;

export interface Measured {
  width: number;
  height: number;
}

/**
 * Nodes for React Flow. An unchanged node keeps its object from `previous`, so React Flow
 * and the memoized node components skip it; `measured` keeps the sizes React Flow reported,
 * without which it would hide and re-measure every node on each edit.
 */
export function toFlowNodes(
  doc: DesignDocument,
  selected: ReadonlySet<string>,
  measured: Readonly<Record<string, Measured>>,
  previous: readonly PipelineFlowNode[] = [],
): PipelineFlowNode[] {
  const before = new Map(previous.map((n) => [n.id, n]));
  return doc.nodes.map((node) => {
    const position = nodePosition(node);
    const isSelected = selected.has(node.id);
    const size = measured[node.id];
    const old = before.get(node.id);
    if (
      old &&
      old.position.x === position.x &&
      old.position.y === position.y &&
      old.selected === isSelected &&
      old.data.kind === node.kind &&
      old.measured === size
    ) {
      return old;
    }
    const flowNode: PipelineFlowNode = {
      id: node.id,
      type: 'pipeline',
      position,
      data: old?.data.kind === node.kind ? old.data : { kind: node.kind },
      selected: isSelected,
    };
    if (size) flowNode.measured = size;
    return flowNode;
  });
}

/** Edges for React Flow, reusing unchanged edge objects from `previous`. */
export function toFlowEdges(edges: readonly DesignEdge[], selected: ReadonlySet<string>, previous: readonly PipelineFlowEdge[] = []): PipelineFlowEdge[] {
  const before = new Map(previous.map((e) => [e.id, e]));
  return edges.map((edge) => {
    const id = edgeId(edge);
    const isSelected = selected.has(id);
    const old = before.get(id);
    if (old && old.selected === isSelected) return old;
    return {
      id,
      type: 'schema',
      source: edge.from,
      target: edge.to,
      sourceHandle: OUT_HANDLE,
      targetHandle: targetHandleOf(edge),
      selected: isSelected,
    };
  });
}
