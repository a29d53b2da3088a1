import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { kindInfo, kindPorts } from '../catalog/catalog';
import { CATEGORY_ACCENTS, NodeIcon } from '../catalog/node-icon';
import { nodeSummary } from '../catalog/node-summary';
import { nodeLabel } from '../document/design-document';
import { IN_HANDLE, OUT_HANDLE } from '../document/edge-identity';
import { NodeLiveMetrics } from '../live/node-live-metrics';
import { useEditor } from '../store/editor-context';
import { messageWithoutNode } from '../store/live-validation';
import { handleOffset } from './auto-layout';
import { lineClass, NODE_LINE_MAX_CHARS } from './fits-unclipped';
import type { PipelineFlowNode } from './document-to-flow';

// 12 px (h-3 w-3): canvas.css centres `weir-handle` on the node's edge with margins of half that, not React Flow's transform.
const HANDLE =
  'weir-handle !h-3 !w-3 !rounded-full !border-2 !border-white !bg-slate-400 transition-colors hover:!bg-cyan-600 dark:!border-slate-900 dark:!bg-slate-500';

/**
 * A node on the canvas. It reads only its own node and its own problems from the editor
 * store, so an edit elsewhere does not re-render it.
 */
function PipelineNodeView({ id, data, selected }: NodeProps<PipelineFlowNode>) {
  const node = useEditor((s) => s.nodeById.get(id));
  const problems = useEditor((s) => s.validation.byNode[id]);
  const info = kindInfo(data.kind);
  const accent = CATEGORY_ACCENTS[info?.category ?? ''] ?? CATEGORY_ACCENTS.transform!;
  const ports = kindPorts(data.kind);
  const inputs = info?.inputs === 'none' ? [] : ports.length > 0 ? ports : [IN_HANDLE];
  const count = problems?.length ?? 0;
  const label = node ? nodeLabel(node) : id;
  const summary = node ? nodeSummary(data.kind, node.config) : '';
  const kindLabel = info?.label ?? `Unknown kind ${data.kind}`;

  return (
    <div
      data-testid={`node-${id}`}
      data-problems={count}
      className={`relative w-56 rounded-lg border bg-white text-left shadow-sm transition-shadow dark:bg-slate-900 ${
        selected ? 'border-cyan-600 ring-2 ring-cyan-600/30 dark:border-cyan-500' : count > 0 ? 'border-rose-300 dark:border-rose-800' : 'border-slate-200 dark:border-slate-700'
      }`}
    >
      <span className={`absolute top-2 bottom-2 left-0 w-1 rounded-r ${accent.bar}`} aria-hidden="true" />
      {inputs.map((port) => (
        <Handle
          key={port}
          id={port}
          type="target"
          position={Position.Left}
          className={HANDLE}
          style={{ top: `${handleOffset(port) * 100}%` }}
          aria-label={ports.length > 0 ? `${port} input of ${label}` : `Input of ${label}`}
        />
      ))}
      {ports.map((port) => (
        <span
          key={port}
          className="pointer-events-none absolute left-2 -translate-y-1/2 text-[10px] font-semibold tracking-wide text-slate-400 uppercase"
          style={{ top: `${handleOffset(port) * 100}%` }}
          aria-hidden="true"
        >
          {port}
        </span>
      ))}
      <div className={`flex items-center gap-2.5 py-2.5 pr-3 ${ports.length > 0 ? 'pl-12' : 'pl-3.5'}`}>
        <span className={`flex h-8 w-8 shrink-0 items-center justify-center rounded-md ${accent.icon}`}>
          <NodeIcon name={info?.icon ?? ''} />
        </span>
        <div className="min-w-0 flex-1">
          <p className={`${lineClass(label, NODE_LINE_MAX_CHARS.name)} text-sm font-semibold text-slate-900 dark:text-slate-100`}>{label}</p>
          <p className={`${lineClass(kindLabel, NODE_LINE_MAX_CHARS.kind)} text-xs text-slate-500 dark:text-slate-400`}>{kindLabel}</p>
        </div>
        {count > 0 && (
          <span
            role="img"
            aria-label={`${count} ${count === 1 ? 'problem' : 'problems'}`}
            title={problems!.map((p) => messageWithoutNode(p)).join('\n')}
            className="flex h-5 min-w-5 shrink-0 items-center justify-center rounded-full bg-rose-600 px-1.5 text-[11px] font-bold text-white"
          >
            {count}
          </span>
        )}
      </div>
      {summary && (
        <p className={`${lineClass(summary, NODE_LINE_MAX_CHARS.summary)} border-t border-slate-100 py-1.5 pr-3 font-mono text-[11px] text-slate-600 dark:border-slate-800 dark:text-slate-300 ${ports.length > 0 ? 'pl-12' : 'pl-3.5'}`} title={summary}>
          {summary}
        </p>
      )}
      <NodeLiveMetrics id={id} category={info?.category} />
      {info?.outputs !== 'none' && <Handle id={OUT_HANDLE} type="source" position={Position.Right} className={HANDLE} aria-label={`Output of ${label}`} />}
    </div>
  );
}

export const PipelineNode = memo(PipelineNodeView);
