import { useCallback, useMemo } from 'react';
import type { Problem } from '@weir/model';
import { kindInfo } from '../catalog/catalog';
import { CATEGORY_ACCENTS, NodeIcon } from '../catalog/node-icon';
import { useEditor, useEditorStore } from '../store/editor-context';
import { messageWithoutNode } from '../store/live-validation';
import { fieldNamesFor, suggestionSource } from './field-suggestions';
import { formForKind } from './form-for-kind';
import { NodeIdentity } from './node-identity';
import { OutputSchema } from './output-schema';
import { renderedPaths, unplacedProblems } from './problem-placement';
import { SchemaForm } from './schema-form';
import type { ValuePath } from './value-path';

const NONE: readonly Problem[] = [];

/** The config panel of one node: identity, generated form, problems the form cannot place, and its output schema. */
export function NodeConfig({ id }: { id: string }) {
  const store = useEditorStore();
  const node = useEditor((s) => s.nodeById.get(id));
  const problems = useEditor((s) => s.validation.byNode[id]) ?? NONE;
  const info = node ? kindInfo(node.kind) : undefined;
  const form = node ? formForKind(node.kind) : null;

  const suggestionsFor = useCallback(
    (path: ValuePath) => {
      const source = node ? suggestionSource(node.kind, path) : null;
      if (!source) return [];
      const { doc, validation } = store.getState();
      return fieldNamesFor(doc, id, validation.schemas, source);
    },
    [store, node, id],
  );
  const onChange = useCallback((next: unknown, changed: string) => store.getState().setConfig(id, next, changed), [store, id]);
  const unplaced = useMemo(() => (form && node ? unplacedProblems(problems, renderedPaths(form, node.config ?? {})) : problems), [form, node, problems]);

  if (!node) return null;
  const accent = CATEGORY_ACCENTS[info?.category ?? ''] ?? CATEGORY_ACCENTS.transform!;
  return (
    <div>
      <header className="mb-4 flex items-start gap-3">
        <span className={`flex h-9 w-9 shrink-0 items-center justify-center rounded-md ${accent.icon}`}>
          <NodeIcon name={info?.icon ?? ''} className="h-5 w-5" />
        </span>
        <div className="min-w-0">
          <h2 className="text-sm font-semibold">{info?.label ?? `Unknown kind '${node.kind}'`}</h2>
          <p className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">{info?.help ?? 'Weir does not know this kind: change it in the JSON, or delete the node.'}</p>
        </div>
      </header>
      <NodeIdentity id={node.id} label={typeof node.ui?.label === 'string' ? node.ui.label : ''} />
      {unplaced.length > 0 && (
        <ul aria-label="Node problems" className="mt-4 space-y-1.5 rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-xs text-rose-800 dark:border-rose-900/60 dark:bg-rose-950/40 dark:text-rose-200">
          {unplaced.map((p, i) => (
            <li key={i}>
              {messageWithoutNode(p)} <span className="font-mono text-[10px] opacity-70">{p.code}</span>
            </li>
          ))}
        </ul>
      )}
      {form && (
        <div className="mt-5">
          <SchemaForm idPrefix={`cfg-${node.id}`} form={form} value={node.config} problems={problems} suggestionsFor={suggestionsFor} onChange={onChange} />
        </div>
      )}
      <OutputSchema nodeId={node.id} kind={node.kind} />
    </div>
  );
}
