import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { kindInfo } from '../catalog/catalog';
import { CATEGORY_ACCENTS, NodeIcon } from '../catalog/node-icon';
import { TEMPLATES, type PipelineTemplate } from './templates';

/** "New from template": the three classic pipelines, ready to run against the demo topics of `weir up`. */
export function TemplatesDialog({ onChoose, onClose }: { onChoose(template: PipelineTemplate): void; onClose(): void }) {
  return (
    <Dialog
      title="New from template"
      description={
        <>
          Each runs as it is against the demo topics <code className="font-mono">weir up</code> fills.
        </>
      }
      onClose={onClose}
      size="xl"
    >
      <ul className="grid gap-4 md:grid-cols-3">
        {TEMPLATES.map((t) => {
          const doc = t.create();
          return (
            <li key={t.id} className="flex flex-col rounded-lg border border-slate-200 p-4 dark:border-slate-700">
              <h3 className="font-semibold">{t.title}</h3>
              <p className="mt-1 flex-1 text-sm text-slate-600 dark:text-slate-300">{t.summary}</p>
              <ol className="my-4 flex flex-wrap items-center gap-1" aria-label={`Steps of ${t.title}`}>
                {doc.nodes.map((n, i) => {
                  const info = kindInfo(n.kind);
                  return (
                    <li key={n.id} className="flex items-center gap-1">
                      {i > 0 && <span className="text-slate-300 dark:text-slate-600" aria-hidden="true">→</span>}
                      <span title={n.ui?.label ?? n.id} className={`flex h-7 w-7 items-center justify-center rounded-md ${CATEGORY_ACCENTS[info?.category ?? 'transform']?.icon}`}>
                        <NodeIcon name={info?.icon ?? ''} />
                        <span className="sr-only">{n.ui?.label ?? n.id}</span>
                      </span>
                    </li>
                  );
                })}
              </ol>
              <p className="mb-3 text-xs text-slate-500 dark:text-slate-400">
                Reads <span className="font-mono">{t.reads}</span>, writes <span className="font-mono">{t.writes}</span>
              </p>
              <Button variant="primary" size="sm" onClick={() => onChoose(t)} aria-label={`Use template ${t.title}`}>
                Use template
              </Button>
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}
