import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { SettingsInput } from '@weir/model';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { copyFragment, pasteFragment, type Fragment } from '../document/clipboard';
import { checkConnection, type ProposedConnection } from '../document/connection-rules';
import type { DesignDocument, DesignNode, Position } from '../document/design-document';
import {
  addEdge, addNode, moveNodes, removeElements, renameNode, setDocumentInfo, setNodeConfig, setNodeLabel, setSettings,
} from '../document/document-ops';
import { edgeId } from '../document/edge-identity';
import type { Measured, PipelineFlowEdge, PipelineFlowNode } from '../flow/document-to-flow';
import { applyEdgeChangesTo, applyNodeChangesTo, NO_SELECTION, type Selection } from '../flow/flow-changes';
import { breakCoalescing, EMPTY_HISTORY, recordEdit, redoStep, undoStep, type History } from './history';
import { NOT_VALIDATED, type LiveValidation } from './live-validation';

/** Where the document came from on the server: null id for a pipeline never saved. */
export interface SavedState {
  pipelineId: string | null;
  version: number | null;
  /** The document as last loaded or saved, to tell whether there are unsaved edits. */
  doc: DesignDocument;
}

export type Outcome = { ok: true } | { ok: false; reason: string };

export interface EditorState {
  doc: DesignDocument;
  /** Nodes by id, rebuilt on each edit so a node component selects its own node in O(1). */
  nodeById: ReadonlyMap<string, DesignNode>;
  selection: Selection;
  measured: Readonly<Record<string, Measured>>;
  history: History;
  clipboard: Fragment | null;
  validation: LiveValidation;
  saved: SavedState;

  addNode(kind: string, at: Position): string;
  connect(connection: ProposedConnection): Outcome;
  onNodesChange(changes: NodeChange<PipelineFlowNode>[]): void;
  onEdgesChange(changes: EdgeChange<PipelineFlowEdge>[]): void;
  select(selection: Selection): void;
  selectAll(): void;
  deleteSelection(): void;
  copySelection(): number;
  paste(): string[];
  undo(): void;
  redo(): void;
  setConfig(id: string, config: unknown, field?: string): void;
  setLabel(id: string, label: string): void;
  renameNode(id: string, to: string): Outcome;
  setInfo(info: { name?: string; description?: string }): void;
  setSettings(settings: SettingsInput): void;
  /** Positions from auto-layout, as one undoable step. */
  applyLayout(positions: ReadonlyMap<string, Position>): void;
  /** Replaces the whole document (import, template) as one undoable step. */
  replaceDocument(doc: DesignDocument): void;
  setValidation(validation: LiveValidation): void;
  markSaved(saved: SavedState): void;
}

function index(doc: DesignDocument): Map<string, DesignNode> {
  return new Map(doc.nodes.map((n) => [n.id, n]));
}

/** Drops selected ids that no longer exist (after undo, delete, rename). */
function prune(selection: Selection, doc: DesignDocument): Selection {
  const nodes = new Set(doc.nodes.map((n) => n.id));
  const edges = new Set(doc.edges.map(edgeId));
  const keptNodes = selection.nodes.filter((id) => nodes.has(id));
  const keptEdges = selection.edges.filter((id) => edges.has(id));
  if (keptNodes.length === selection.nodes.length && keptEdges.length === selection.edges.length) return selection;
  return { nodes: keptNodes, edges: keptEdges };
}

export interface EditorStoreOptions {
  doc: DesignDocument;
  pipelineId?: string | null;
  version?: number | null;
}

/** One store per open editor: the document (the source of truth), selection, history and clipboard. */
export function createEditorStore(options: EditorStoreOptions): StoreApi<EditorState> {
  return createStore<EditorState>((set, get) => {
    /** Replaces the document and records the step for undo, unless nothing changed. */
    function commit(doc: DesignDocument, key: string | null = null, extra: Partial<EditorState> = {}): void {
      const state = get();
      if (doc === state.doc) {
        if (Object.keys(extra).length > 0) set(extra);
        return;
      }
      set({
        doc,
        nodeById: index(doc),
        history: recordEdit(state.history, state.doc, key),
        selection: prune(extra.selection ?? state.selection, doc),
        ...extra,
      });
    }

    function travel(step: { history: History; doc: DesignDocument } | null): void {
      if (!step) return;
      set({ doc: step.doc, nodeById: index(step.doc), history: step.history, selection: prune(get().selection, step.doc) });
    }

    return {
      doc: options.doc,
      nodeById: index(options.doc),
      selection: NO_SELECTION,
      measured: {},
      history: EMPTY_HISTORY,
      clipboard: null,
      validation: NOT_VALIDATED,
      saved: { pipelineId: options.pipelineId ?? null, version: options.version ?? null, doc: options.doc },

      addNode(kind, at) {
        const result = addNode(get().doc, kind, at);
        commit(result.doc, null, { selection: { nodes: [result.id], edges: [] } });
        return result.id;
      },
      connect(connection) {
        const check = checkConnection(get().doc, connection);
        if (!check.ok) return check;
        commit(addEdge(get().doc, check.edge));
        return { ok: true };
      },
      onNodesChange(changes) {
        const state = get();
        const result = applyNodeChangesTo(state, changes);
        if (result.measured !== state.measured) set({ measured: result.measured });
        if (result.selection !== state.selection) set({ selection: result.selection });
        // A drag is one step: its moves share a key, and its end closes the step.
        const moved = changes.filter((c) => c.type === 'position').map((c) => c.id).sort().join(',');
        commit(result.doc, result.dragging === undefined ? null : `move:${moved}`);
        if (result.dragging === false) set({ history: breakCoalescing(get().history) });
      },
      onEdgesChange(changes) {
        const state = get();
        const result = applyEdgeChangesTo(state, changes);
        commit(result.doc, null, result.selection !== state.selection ? { selection: result.selection } : {});
      },
      select(selection) {
        set({ selection: prune(selection, get().doc), history: breakCoalescing(get().history) });
      },
      selectAll() {
        const { doc } = get();
        set({ selection: { nodes: doc.nodes.map((n) => n.id), edges: doc.edges.map(edgeId) } });
      },
      deleteSelection() {
        const { doc, selection } = get();
        commit(removeElements(doc, selection.nodes, selection.edges), null, { selection: NO_SELECTION });
      },
      copySelection() {
        const fragment = copyFragment(get().doc, get().selection.nodes);
        if (fragment) set({ clipboard: fragment });
        return fragment?.nodes.length ?? 0;
      },
      paste() {
        const { clipboard, doc } = get();
        if (!clipboard) return [];
        const result = pasteFragment(doc, clipboard);
        commit(result.doc, null, { selection: { nodes: result.ids, edges: [] } });
        // Pasting again offsets from the copies, so repeated pastes fan out instead of stacking.
        set({ clipboard: copyFragment(result.doc, result.ids) });
        return result.ids;
      },
      undo() {
        travel(undoStep(get().history, get().doc));
      },
      redo() {
        travel(redoStep(get().history, get().doc));
      },
      setConfig(id, config, field) {
        commit(setNodeConfig(get().doc, id, config), `config:${id}:${field ?? ''}`);
      },
      setLabel(id, label) {
        commit(setNodeLabel(get().doc, id, label), `label:${id}`);
      },
      renameNode(id, to) {
        const result = renameNode(get().doc, id, to);
        if (!result.ok) return result;
        const selection = get().selection;
        commit(result.doc, null, { selection: { ...selection, nodes: selection.nodes.map((n) => (n === id ? to : n)) } });
        return { ok: true };
      },
      setInfo(info) {
        commit(setDocumentInfo(get().doc, info), `info:${Object.keys(info).join(',')}`);
      },
      setSettings(settings) {
        commit(setSettings(get().doc, settings), 'settings');
      },
      applyLayout(positions) {
        commit(moveNodes(get().doc, positions));
      },
      replaceDocument(doc) {
        commit(doc, null, { selection: NO_SELECTION });
      },
      setValidation(validation) {
        set({ validation });
      },
      markSaved(saved) {
        set({ saved, history: breakCoalescing(get().history) });
      },
    };
  });
}

export type EditorStore = StoreApi<EditorState>;
