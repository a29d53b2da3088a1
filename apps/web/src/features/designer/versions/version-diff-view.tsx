import '@xyflow/react/dist/style.css';
import { Background, BackgroundVariant, Controls, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { useMemo } from 'react';
import { diffVersions, fetchPipeline } from '../../../api/pipeline-endpoints';
import { useResource } from '../../../api/use-resource';
import { Button } from '../../../ui/button';
import { ErrorNotice } from '../../../ui/error-notice';
import { ArrowLeftIcon } from '../../../ui/icons';
import { Spinner } from '../../../ui/spinner';
import { useTheme } from '../../../ui/theme-store';
import type { DesignDocument } from '../document/design-document';
import { DIFF_EDGE_TYPES, DIFF_NODE_TYPES } from './diff-node';
import { DiffSummary } from './diff-summary';
import { diffToFlow } from './diff-to-flow';

const LEGEND = [
  ['bg-emerald-500', 'added'],
  ['bg-rose-400', 'removed'],
  ['bg-amber-500', 'changed'],
] as const;

/** Two saved versions on one read-only canvas, with what changed listed beside it. */
export function VersionDiffView({ pipelineId, from, to, onClose }: { pipelineId: string; from: number; to: number; onClose(): void }) {
  const theme = useTheme((s) => s.theme);
  const { data, error, refresh } = useResource(
    async (signal) => {
      const [before, after, diff] = await Promise.all([fetchPipeline(pipelineId, from, signal), fetchPipeline(pipelineId, to, signal), diffVersions(pipelineId, from, to, signal)]);
      return { before, after, diff };
    },
    { key: `${pipelineId}:${from}:${to}` },
  );
  const flow = useMemo(() => (data ? diffToFlow(data.before.document as DesignDocument, data.after.document as DesignDocument, data.diff) : null), [data]);

  return (
    <div className="flex min-h-0 flex-1">
      <div className="flex min-w-0 flex-1 flex-col">
        <div className="flex items-center justify-between gap-4 border-b border-slate-200 bg-amber-50/70 px-4 py-2 dark:border-slate-800 dark:bg-amber-950/20">
          <div className="flex items-center gap-3 text-sm">
            <Button size="sm" onClick={onClose}>
              <ArrowLeftIcon className="h-4 w-4" />
              Back to editing
            </Button>
            <span className="font-medium">
              Changes from version {from} to version {to}
            </span>
          </div>
          <ul className="flex items-center gap-3 text-xs text-slate-600 dark:text-slate-300" aria-label="Legend">
            {LEGEND.map(([color, text]) => (
              <li key={text} className="flex items-center gap-1.5">
                <span className={`h-2.5 w-2.5 rounded-full ${color}`} aria-hidden="true" />
                {text}
              </li>
            ))}
          </ul>
        </div>
        <div className="relative min-h-0 flex-1" role="region" aria-label="Version diff canvas">
          {error && (
            <div className="p-6">
              <ErrorNotice title="Cannot compare these versions" message={error.message} code={error.code} action={<Button size="sm" onClick={refresh}>Retry</Button>} />
            </div>
          )}
          {!data && !error && <Spinner className="p-6" label="Loading both versions" />}
          {flow && (
            <ReactFlowProvider>
              <ReactFlow
                nodes={flow.nodes}
                edges={flow.edges}
                nodeTypes={DIFF_NODE_TYPES}
                edgeTypes={DIFF_EDGE_TYPES}
                nodesDraggable={false}
                nodesConnectable={false}
                elementsSelectable={false}
                colorMode={theme}
                fitView
                fitViewOptions={{ maxZoom: 1.1, padding: 0.15 }}
                attributionPosition="top-right"
                className="bg-slate-50 dark:bg-slate-950"
              >
                <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
                <Controls showInteractive={false} position="bottom-left" />
              </ReactFlow>
            </ReactFlowProvider>
          )}
        </div>
      </div>
      <aside aria-label="What changed" className="w-96 shrink-0 overflow-y-auto border-l border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <h2 className="mb-3 text-sm font-semibold">What changed</h2>
        {data ? <DiffSummary diff={data.diff} /> : !error && <Spinner label="Comparing" />}
      </aside>
    </div>
  );
}
