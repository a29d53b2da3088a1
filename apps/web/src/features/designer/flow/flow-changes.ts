import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { DesignDocument, Position } from '../document/design-document';
import { moveNodes, removeElements } from '../document/document-ops';
import type { Measured, PipelineFlowEdge, PipelineFlowNode } from './document-to-flow';

/** What is selected on the canvas, by node id and edge id. */
export interface Selection {
  nodes: readonly string[];
  edges: readonly string[];
}

export const NO_SELECTION: Selection = { nodes: [], edges: [] };

export interface CanvasState {
  doc: DesignDocument;
  selection: Selection;
  measured: Readonly<Record<string, Measured>>;
}

export interface NodeChangeResult extends CanvasState {
  /** True while a drag is under way, false when one ended, undefined for changes that are no drag. */
  dragging: boolean | undefined;
}

function toggled(list: readonly string[], changes: ReadonlyArray<{ id: string; selected: boolean }>): readonly string[] {
  if (changes.length === 0) return list;
  const set = new Set(list);
  for (const c of changes) {
    if (c.selected) set.add(c.id);
    else set.delete(c.id);
  }
  const next = [...set];
  return next.length === list.length && next.every((id, i) => id === list[i]) ? list : next;
}

/**
 * Applies React Flow's node changes to the document (positions, removals), the selection
 * and the measured sizes. Adds and replacements are ignored: nodes come from the document.
 */
export function applyNodeChangesTo(state: CanvasState, changes: readonly NodeChange<PipelineFlowNode>[]): NodeChangeResult {
  const positions = new Map<string, Position>();
  const removed: string[] = [];
  const selects: { id: string; selected: boolean }[] = [];
  let measured = state.measured;
  let dragging: boolean | undefined;
  for (const change of changes) {
    switch (change.type) {
      case 'position':
        if (change.position) positions.set(change.id, change.position);
        if (change.dragging !== undefined) dragging = change.dragging;
        break;
      case 'dimensions':
        if (change.dimensions) {
          const old = measured[change.id];
          if (!old || old.width !== change.dimensions.width || old.height !== change.dimensions.height) {
            measured = { ...measured, [change.id]: { width: change.dimensions.width, height: change.dimensions.height } };
          }
        }
        break;
      case 'select':
        selects.push({ id: change.id, selected: change.selected });
        break;
      case 'remove':
        removed.push(change.id);
        break;
      default:
        break;
    }
  }
  let doc = moveNodes(state.doc, positions);
  doc = removeElements(doc, removed);
  let nodes = toggled(state.selection.nodes, selects);
  if (removed.length > 0) nodes = nodes.filter((id) => !removed.includes(id));
  const selection = nodes === state.selection.nodes ? state.selection : { ...state.selection, nodes };
  return { doc, selection, measured, dragging };
}

/** Applies React Flow's edge changes: removals to the document, selections to the selection. */
export function applyEdgeChangesTo(state: CanvasState, changes: readonly EdgeChange<PipelineFlowEdge>[]): CanvasState {
  const removed: string[] = [];
  const selects: { id: string; selected: boolean }[] = [];
  for (const change of changes) {
    if (change.type === 'remove') removed.push(change.id);
    else if (change.type === 'select') selects.push({ id: change.id, selected: change.selected });
  }
  const doc = removeElements(state.doc, [], removed);
  let edges = toggled(state.selection.edges, selects);
  if (removed.length > 0) edges = edges.filter((id) => !removed.includes(id));
  const selection = edges === state.selection.edges ? state.selection : { ...state.selection, edges };
  return { doc, selection, measured: state.measured };
}
