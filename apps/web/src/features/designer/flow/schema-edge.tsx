import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useEditor } from '../store/editor-context';
import type { PipelineFlowEdge } from './document-to-flow';

/** An edge with the schema flowing along it: a field count on the line, the fields in its tooltip. */
function SchemaEdgeView({ id, source, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, markerEnd }: EdgeProps<PipelineFlowEdge>) {
  const schema = useEditor((s) => s.validation.schemas[source]);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const fields = schema?.map((f) => `${f.name}: ${f.type}`).join('\n');
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={selected ? '!stroke-cyan-600 !stroke-2' : '!stroke-slate-400 dark:!stroke-slate-500'} interactionWidth={18} />
      {schema && (
        <EdgeLabelRenderer>
          <div
            className="nodrag nopan pointer-events-auto absolute rounded-full border border-slate-200 bg-white px-2 py-0.5 text-[10px] font-medium text-slate-600 shadow-sm dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            title={fields}
            data-testid={`edge-schema-${id}`}
          >
            {schema.length} {schema.length === 1 ? 'field' : 'fields'}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const SchemaEdge = memo(SchemaEdgeView);
