import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { BackpressureLevel } from '@weir/model';
import { memo, useMemo } from 'react';
import { LEVEL_STROKE, rate } from '../live/live-format';
import { useEdgeLevel, useEdgeRate } from '../live/metrics-store';
import { useLiveTextVisible } from '../live/use-detail-level';
import { useEditor } from '../store/editor-context';
import type { PipelineFlowEdge } from './document-to-flow';
import { EdgeLabelAt } from './edge-label-at';

/**
 * The live label of an edge: its upstream node's output rate, in the colour of its
 * backpressure level. Its own component, so a new rate each second re-renders the label
 * alone, not the edge's path.
 */
type LiveLabelProps = { id: string; source: string; level: BackpressureLevel; x: number; y: number; fields: string | undefined };

/** Zoomed far out the edge's colour tells its level; the rate is unreadable there and is not followed. */
const EdgeLiveLabel = memo(function EdgeLiveLabel(props: LiveLabelProps) {
  return useLiveTextVisible() ? <EdgeRateLabel {...props} /> : null;
});

function EdgeRateLabel({ id, source, level, x, y, fields }: LiveLabelProps) {
  const liveRate = useEdgeRate(source);
  if (liveRate === undefined) return null;
  return (
    <EdgeLabelAt x={x} y={y}>
      <div
        className="nodrag nopan pointer-events-auto shrink-0 rounded-full border bg-white px-2 py-0.5 font-mono text-[10px] font-medium whitespace-nowrap shadow-sm dark:bg-slate-900"
        style={{ borderColor: LEVEL_STROKE[level], color: LEVEL_STROKE[level] }}
        title={`records per second out of ${source} · upstream backpressure ${level}${fields ? `\n${fields}` : ''}`}
        data-testid={`edge-live-${id}`}
        data-level={level}
        data-rate={liveRate}
      >
        {rate(liveRate)}
      </div>
    </EdgeLabelAt>
  );
}

/** An edge with the schema flowing along it: a field count on the line, the fields in its tooltip. */
function SchemaEdgeView({ id, source, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, markerEnd }: EdgeProps<PipelineFlowEdge>) {
  const schema = useEditor((s) => s.validation.schemas[source]);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const fields = useMemo(() => schema?.map((f) => `${f.name}: ${f.type}`).join('\n'), [schema]);
  // Live: coloured by the upstream node's backpressure, labelled with its output rate.
  const level = useEdgeLevel(source);
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={selected ? '!stroke-cyan-600 !stroke-2' : level ? '' : '!stroke-slate-400 dark:!stroke-slate-500'}
        style={level && !selected ? { stroke: LEVEL_STROKE[level], strokeWidth: 2.5 } : undefined}
        interactionWidth={18}
      />
      {level ? (
        <EdgeLiveLabel id={id} source={source} level={level} x={labelX} y={labelY} fields={fields} />
      ) : schema && (
        <EdgeLabelAt x={labelX} y={labelY}>
          <div
            className="nodrag nopan pointer-events-auto shrink-0 rounded-full border border-slate-200 bg-white px-2 py-0.5 text-[10px] font-medium whitespace-nowrap text-slate-600 shadow-sm dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300"
            title={fields}
            data-testid={`edge-schema-${id}`}
          >
            {schema.length} {schema.length === 1 ? 'field' : 'fields'}
          </div>
        </EdgeLabelAt>
      )}
    </>
  );
}

export const SchemaEdge = memo(SchemaEdgeView);
