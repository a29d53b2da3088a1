import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import { Palette } from '../catalog/palette';
import { ConfigPanel } from '../config/config-panel';
import { DeployDialog } from '../deploy/deploy-dialog';
import { hasLayout, type DesignDocument } from '../document/design-document';
import { layoutPositions } from '../flow/auto-layout';
import { FIT_VIEW } from '../flow/fit-view';
import { PipelineCanvas } from '../flow/pipeline-canvas';
import { documentFileName, documentText } from '../io/document-file';
import { downloadText } from '../io/download';
import { ImportDialog } from '../io/import-dialog';
import { BottomPanel } from '../panels/bottom-panel';
import { ShortcutsDialog } from '../shortcuts/shortcuts-dialog';
import { EditorProvider } from '../store/editor-context';
import type { EditorStore } from '../store/editor-store';
import { TemplatesDialog } from '../templates/templates-dialog';
import { VersionDiffView } from '../versions/version-diff-view';
import { VersionsDrawer } from '../versions/versions-drawer';
import { toast } from '../../../ui/toast-store';
import { EditorToolbar, type ToolbarActions } from './editor-toolbar';
import { useEditorShortcuts } from './use-editor-shortcuts';
import { useLiveValidation } from './use-live-validation';
import { useSave } from './use-save';
import { useUnsavedWarning } from './use-unsaved-warning';

type Overlay = 'none' | 'templates' | 'import' | 'shortcuts' | 'deploy';

/** The designer for one pipeline: toolbar, palette, canvas, config panel, problems and SQL. */
export function PipelineEditor({ store }: { store: EditorStore }) {
  return (
    <EditorProvider store={store}>
      <ReactFlowProvider>
        <EditorLayout store={store} />
      </ReactFlowProvider>
    </EditorProvider>
  );
}

function EditorLayout({ store }: { store: EditorStore }) {
  const [overlay, setOverlay] = useState<Overlay>('none');
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [diff, setDiff] = useState<{ from: number; to: number } | null>(null);
  const { save, saving } = useSave(store);
  const flow = useReactFlow();
  useLiveValidation(store);
  useUnsavedWarning(store);

  const layout = useCallback(
    async (doc?: DesignDocument) => {
      const positions = await layoutPositions(doc ?? store.getState().doc, store.getState().measured);
      store.getState().applyLayout(positions);
      requestAnimationFrame(() => void flow.fitView({ ...FIT_VIEW, duration: 300 }));
    },
    [store, flow],
  );

  const replace = useCallback(
    (doc: DesignDocument, what: string) => {
      store.getState().replaceDocument(doc);
      toast({ tone: 'info', title: what, message: 'Ctrl+Z brings back what was there before.' });
      if (!hasLayout(doc)) void layout(doc);
      else requestAnimationFrame(() => void flow.fitView({ ...FIT_VIEW, duration: 300 }));
    },
    [store, layout, flow],
  );

  useEffect(() => {
    // An imported or hand-written document may have no positions: lay it out once.
    if (!hasLayout(store.getState().doc)) void layout();
  }, [store, layout]);

  const actions: ToolbarActions = {
    undo: () => store.getState().undo(),
    redo: () => store.getState().redo(),
    layout: () => void layout(),
    templates: () => setOverlay('templates'),
    importDocument: () => setOverlay('import'),
    exportDocument: () => {
      const { doc } = store.getState();
      downloadText(documentFileName(doc), documentText(doc));
    },
    versions: () => setVersionsOpen((o) => !o),
    shortcuts: () => setOverlay('shortcuts'),
    save: () => void save(),
    deploy: () => setOverlay('deploy'),
  };

  useEditorShortcuts(
    {
      undo: actions.undo,
      redo: actions.redo,
      copy: () => {
        const n = store.getState().copySelection();
        if (n > 0) toast({ tone: 'info', title: `Copied ${n} ${n === 1 ? 'node' : 'nodes'}` });
      },
      cut: () => {
        if (store.getState().copySelection() > 0) store.getState().deleteSelection();
      },
      paste: () => store.getState().paste(),
      delete: () => store.getState().deleteSelection(),
      selectAll: () => store.getState().selectAll(),
      deselect: () => store.getState().select({ nodes: [], edges: [] }),
      save: actions.save,
      help: actions.shortcuts,
    },
    diff === null,
  );

  const pipelineId = store.getState().saved.pipelineId;
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <EditorToolbar actions={actions} saving={saving} />
      {diff && pipelineId ? (
        <VersionDiffView pipelineId={pipelineId} from={diff.from} to={diff.to} onClose={() => setDiff(null)} />
      ) : (
        <div className="relative flex min-h-0 flex-1">
          <Palette />
          <div className="flex min-w-0 flex-1 flex-col">
            <div className="min-h-0 flex-1">
              <PipelineCanvas />
            </div>
            <BottomPanel />
          </div>
          <ConfigPanel />
          {versionsOpen && (
            <VersionsDrawer
              onClose={() => setVersionsOpen(false)}
              onCompare={(from, to) => {
                setVersionsOpen(false);
                setDiff({ from, to });
              }}
            />
          )}
        </div>
      )}
      {overlay === 'templates' && (
        <TemplatesDialog
          onClose={() => setOverlay('none')}
          onChoose={(t) => {
            setOverlay('none');
            replace(t.create(), `Started from “${t.title}”`);
          }}
        />
      )}
      {overlay === 'import' && <ImportDialog onClose={() => setOverlay('none')} onImport={(doc) => replace(doc, `Imported ${doc.name}`)} />}
      {overlay === 'shortcuts' && <ShortcutsDialog onClose={() => setOverlay('none')} />}
      {overlay === 'deploy' && <DeployDialog save={save} onClose={() => setOverlay('none')} />}
    </div>
  );
}
