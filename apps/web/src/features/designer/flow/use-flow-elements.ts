import { useMemo, useRef } from 'react';
import { useEditor } from '../store/editor-context';
import { toFlowEdges, toFlowNodes, type PipelineFlowEdge, type PipelineFlowNode } from './document-to-flow';

/** React Flow's nodes for the open document, reusing unchanged node objects between renders. */
export function useFlowNodes(): PipelineFlowNode[] {
  const doc = useEditor((s) => s.doc);
  const selected = useEditor((s) => s.selection.nodes);
  const measured = useEditor((s) => s.measured);
  const previous = useRef<PipelineFlowNode[]>([]);
  return useMemo(() => {
    const next = toFlowNodes(doc, new Set(selected), measured, previous.current);
    previous.current = next;
    return next;
  }, [doc, selected, measured]);
}

export function useFlowEdges(): PipelineFlowEdge[] {
  const edges = useEditor((s) => s.doc.edges);
  const selected = useEditor((s) => s.selection.edges);
  const previous = useRef<PipelineFlowEdge[]>([]);
  return useMemo(() => {
    const next = toFlowEdges(edges, new Set(selected), previous.current);
    previous.current = next;
    return next;
  }, [edges, selected]);
}
