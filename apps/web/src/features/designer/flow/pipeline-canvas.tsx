import '@xyflow/react/dist/style.css';
import './canvas.css';
import { Controls, MiniMap, ReactFlow, useReactFlow, type Connection } from '@xyflow/react';
import { useCallback, useState, type DragEvent } from 'react';
import { useTheme } from '../../../ui/theme-store';
import { toast } from '../../../ui/toast-store';
import { kindInfo } from '../catalog/catalog';
import { LiveJobOverlay } from '../live/live-job-overlay';
import { useEditor, useEditorStore } from '../store/editor-context';
import { cornerForCentre } from './add-node-at';
import { CANVAS_TRANSLATE_EXTENT, DotGrid } from './dot-grid';
import { KIND_MIME } from './drag-kind';
import { FIT_VIEW } from './fit-view';
import { EDGE_TYPES, NODE_TYPES } from './flow-types';
import { useFlowEdges, useFlowNodes } from './use-flow-elements';

const MINIMAP_COLORS: Record<string, string> = { source: '#0ea5e9', transform: '#8b5cf6', window: '#f59e0b', join: '#d946ef', sink: '#10b981' };

/** The canvas: React Flow bound to the editor store. Keys are handled by the editor, not here. */
export function PipelineCanvas() {
  const store = useEditorStore();
  const nodes = useFlowNodes();
  const edges = useFlowEdges();
  const onNodesChange = useEditor((s) => s.onNodesChange);
  const onEdgesChange = useEditor((s) => s.onEdgesChange);
  const theme = useTheme((s) => s.theme);
  const { screenToFlowPosition } = useReactFlow();
  const empty = nodes.length === 0;
  // Fit a loaded pipeline into view once; an empty canvas keeps zoom 1, or the first dropped node would be zoomed onto.
  const [fitOnOpen] = useState(() => nodes.length > 0);

  const onConnect = useCallback(
    (c: Connection) => {
      const outcome = store.getState().connect({ source: c.source, target: c.target, targetHandle: c.targetHandle });
      if (!outcome.ok) toast({ tone: 'error', title: 'Cannot connect these nodes', message: outcome.reason });
    },
    [store],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(KIND_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(KIND_MIME);
      if (!kind || !kindInfo(kind)) return;
      e.preventDefault();
      store.getState().addNode(kind, cornerForCentre(screenToFlowPosition({ x: e.clientX, y: e.clientY })));
    },
    [store, screenToFlowPosition],
  );

  return (
    <div className="relative h-full w-full" onDragOver={onDragOver} onDrop={onDrop} aria-label="Pipeline canvas" role="region">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control']}
        colorMode={theme}
        fitView={fitOnOpen}
        fitViewOptions={FIT_VIEW}
        minZoom={0.2}
        maxZoom={2}
        translateExtent={CANVAS_TRANSLATE_EXTENT}
        defaultEdgeOptions={{ type: 'schema' }}
        attributionPosition="top-right"
        className="bg-slate-50 dark:bg-slate-950"
      >
        <DotGrid />
        <Controls showInteractive={false} position="bottom-left" />
        <MiniMap
          pannable
          zoomable
          position="bottom-right"
          ariaLabel="Minimap"
          nodeColor={(n) => MINIMAP_COLORS[kindInfo(String(n.data.kind))?.category ?? ''] ?? '#94a3b8'}
          nodeBorderRadius={6}
        />
      </ReactFlow>
      <LiveJobOverlay />
      {empty && (
        <div className="pointer-events-none absolute inset-0 flex items-center justify-center">
          <div className="max-w-sm rounded-xl border border-dashed border-slate-300 bg-white/80 px-6 py-5 text-center text-sm text-slate-600 backdrop-blur dark:border-slate-700 dark:bg-slate-900/80 dark:text-slate-300">
            <p className="font-semibold text-slate-800 dark:text-slate-100">An empty canvas</p>
            <p className="mt-1">Drag a Kafka source from the palette on the left, or click one to add it. Then add transforms and a sink, and wire them output to input.</p>
          </div>
        </div>
      )}
    </div>
  );
}
