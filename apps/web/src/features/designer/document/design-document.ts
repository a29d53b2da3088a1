import type { PipelineDocumentInput } from '@weir/model';

/**
 * The document the canvas edits: pipeline format v1 as a person writes it, so a draft may
 * be invalid in any way validation reports (empty topic, unknown field, missing input).
 */
export type DesignDocument = PipelineDocumentInput;
export type DesignNode = DesignDocument['nodes'][number];
export type DesignEdge = DesignDocument['edges'][number];

export interface Position {
  x: number;
  y: number;
}

export const EMPTY_DOCUMENT: DesignDocument = { version: 1, name: 'untitled-pipeline', nodes: [], edges: [] };

/** Where a node sits on the canvas; a node without layout data sits at the origin. */
export function nodePosition(node: DesignNode): Position {
  return { x: node.ui?.x ?? 0, y: node.ui?.y ?? 0 };
}

/** What the canvas shows as a node's title: its label, or else its id. */
export function nodeLabel(node: DesignNode): string {
  const label = node.ui?.label;
  return typeof label === 'string' && label.trim() !== '' ? label : node.id;
}

export function hasLayout(doc: DesignDocument): boolean {
  return doc.nodes.every((n) => typeof n.ui?.x === 'number' && typeof n.ui?.y === 'number');
}

export function findNode(doc: DesignDocument, id: string): DesignNode | undefined {
  return doc.nodes.find((n) => n.id === id);
}
