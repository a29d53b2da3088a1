import { BaseEdge, getBezierPath, Handle, Position, type EdgeProps, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { kindInfo, kindPorts } from '../catalog/catalog';
import { CATEGORY_ACCENTS, NodeIcon } from '../catalog/node-icon';
import { IN_HANDLE, OUT_HANDLE } from '../document/edge-identity';
import { handleOffset } from '../flow/auto-layout';
import type { DiffFlowEdge, DiffFlowNode, DiffStatus } from './diff-to-flow';

const STATUS: Record<DiffStatus, { frame: string; badge: string; text: string }> = {
  added: { frame: 'border-emerald-500 ring-2 ring-emerald-500/25 bg-emerald-50/60 dark:bg-emerald-950/30', badge: 'bg-emerald-600 text-white', text: 'added' },
  removed: { frame: 'border-rose-400 border-dashed opacity-60 bg-rose-50/60 dark:bg-rose-950/30', badge: 'bg-rose-600 text-white', text: 'removed' },
  changed: { frame: 'border-amber-500 ring-2 ring-amber-500/25 bg-amber-50/60 dark:bg-amber-950/30', badge: 'bg-amber-500 text-white', text: 'changed' },
  moved: { frame: 'border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900', badge: 'bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200', text: 'moved' },
  unchanged: { frame: 'border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 opacity-80', badge: '', text: '' },
};

const HIDDEN_HANDLE = '!h-2 !w-2 !min-h-0 !min-w-0 !border-0 !bg-slate-300 dark:!bg-slate-600';

/** A node of the version diff: coloured by what happened to it, with the changed fields listed. */
function DiffNodeView({ data }: NodeProps<DiffFlowNode>) {
  const info = kindInfo(data.kind);
  const style = STATUS[data.status];
  const ports = kindPorts(data.kind);
  const inputs = info?.inputs === 'none' ? [] : ports.length > 0 ? ports : [IN_HANDLE];
  return (
    <div data-status={data.status} data-testid={`diff-node-${data.label}`} className={`relative w-56 rounded-lg border text-left shadow-sm ${style.frame}`}>
      {style.text && <span className={`absolute -top-2.5 right-2 rounded-full px-1.5 py-0.5 text-[10px] font-semibold uppercase ${style.badge}`}>{style.text}</span>}
      {inputs.map((p) => (
        <Handle key={p} id={p} type="target" position={Position.Left} isConnectable={false} className={HIDDEN_HANDLE} style={{ top: `${handleOffset(p) * 100}%` }} />
      ))}
      <div className="flex items-center gap-2.5 px-3 py-2.5">
        <span className={`flex h-8 w-8 shrink-0 items-center justify-center rounded-md ${CATEGORY_ACCENTS[info?.category ?? '']?.icon ?? ''}`}>
          <NodeIcon name={info?.icon ?? ''} />
        </span>
        <div className="min-w-0 flex-1">
          <p className={`truncate text-sm font-semibold ${data.status === 'removed' ? 'line-through' : ''}`}>{data.label}</p>
          <p className="truncate text-xs text-slate-500 dark:text-slate-400">{info?.label ?? data.kind}</p>
        </div>
      </div>
      {data.changes.length > 0 && (
        <ul className="border-t border-amber-200 px-3 py-1.5 font-mono text-[11px] text-amber-900 dark:border-amber-900 dark:text-amber-200">
          {data.changes.slice(0, 6).map((c) => (
            <li key={c.path} className="truncate">
              {c.path.replace(/^config\./, '')}
            </li>
          ))}
          {data.changes.length > 6 && <li>…and {data.changes.length - 6} more</li>}
        </ul>
      )}
      {info?.outputs !== 'none' && <Handle id={OUT_HANDLE} type="source" position={Position.Right} isConnectable={false} className={HIDDEN_HANDLE} />}
    </div>
  );
}

const EDGE_STYLE: Record<string, { stroke: string; strokeWidth: number; strokeDasharray?: string; opacity?: number }> = {
  added: { stroke: '#10b981', strokeWidth: 2.5 },
  removed: { stroke: '#f43f5e', strokeWidth: 2, strokeDasharray: '6 4', opacity: 0.6 },
  changed: { stroke: '#f59e0b', strokeWidth: 2.5 },
  unchanged: { stroke: '#94a3b8', strokeWidth: 1.5 },
};

function DiffEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data }: EdgeProps<DiffFlowEdge>) {
  const [path] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  return <BaseEdge id={id} path={path} style={EDGE_STYLE[data?.status ?? 'unchanged']} />;
}

export const DiffNode = memo(DiffNodeView);
export const DiffEdge = memo(DiffEdgeView);
// Module scope, as for the editor's canvas.
export const DIFF_NODE_TYPES = { diff: DiffNode };
export const DIFF_EDGE_TYPES = { diff: DiffEdge };
