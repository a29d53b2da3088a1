import { Button } from '../../../ui/button';
import { CopyIcon, TrashIcon } from '../../../ui/icons';
import { useEditor } from '../store/editor-context';
import { NodeConfig } from './node-config';
import { PipelineSettings } from './pipeline-settings';

/** The right-hand panel: the selected node's config, the pipeline's settings, or what to do with a multiple selection. */
export function ConfigPanel() {
  const selection = useEditor((s) => s.selection);
  const deleteSelection = useEditor((s) => s.deleteSelection);
  const copySelection = useEditor((s) => s.copySelection);
  const { nodes, edges } = selection;
  let content;
  if (nodes.length === 1) {
    content = <NodeConfig key={nodes[0]} id={nodes[0]!} />;
  } else if (nodes.length > 1 || edges.length > 0) {
    const parts = [nodes.length > 0 && `${nodes.length} ${nodes.length === 1 ? 'node' : 'nodes'}`, edges.length > 0 && `${edges.length} ${edges.length === 1 ? 'edge' : 'edges'}`].filter(Boolean);
    content = (
      <div>
        <h2 className="text-sm font-semibold">{parts.join(' and ')} selected</h2>
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">Select a single node to configure it.</p>
        <div className="mt-4 flex gap-2">
          {nodes.length > 0 && (
            <Button size="sm" onClick={copySelection}>
              <CopyIcon className="h-4 w-4" />
              Copy
            </Button>
          )}
          <Button size="sm" onClick={deleteSelection}>
            <TrashIcon className="h-4 w-4" />
            Delete
          </Button>
        </div>
      </div>
    );
  } else {
    content = <PipelineSettings />;
  }
  return (
    <aside aria-label="Configuration" className="w-80 shrink-0 overflow-y-auto border-l border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      {content}
    </aside>
  );
}
