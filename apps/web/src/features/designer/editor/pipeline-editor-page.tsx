import { useEffect, useState } from 'react';
import { fetchPipeline } from '../../../api/pipeline-endpoints';
import { ApiRequestError, asApiError } from '../../../api/client';
import { Link } from '../../../router/link';
import { useRouter } from '../../../router/router-store';
import { Button } from '../../../ui/button';
import { ErrorNotice } from '../../../ui/error-notice';
import { Spinner } from '../../../ui/spinner';
import { EMPTY_DOCUMENT, type DesignDocument } from '../document/design-document';
import { createEditorStore, type EditorStore } from '../store/editor-store';
import { findTemplate } from '../templates/templates';
import { takePendingDocument } from './pending-document';
import { PipelineEditor } from './pipeline-editor';

type Loading = { state: 'loading' } | { state: 'ready'; store: EditorStore } | { state: 'failed'; error: ApiRequestError };

/** The document a new pipeline starts with: an import handed over, a template (?template=), or nothing. */
function newDocument(search: string): DesignDocument {
  const pending = takePendingDocument();
  if (pending) return pending;
  const template = findTemplate(new URLSearchParams(search).get('template') ?? '');
  return template ? template.create() : EMPTY_DOCUMENT;
}

/** `/pipelines/new` and `/pipelines/:id`: loads the pipeline and opens the editor on it. */
export function PipelineEditorPage({ pipelineId }: { pipelineId: string | null }) {
  const search = useRouter((s) => s.search);
  const [loading, setLoading] = useState<Loading>(() => (pipelineId === null ? { state: 'ready', store: createEditorStore({ doc: newDocument(search) }) } : { state: 'loading' }));
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    // After the first save of a new pipeline the address changes to its id: keep the open editor.
    if (loading.state === 'ready' && loading.store.getState().saved.pipelineId === pipelineId) return;
    if (pipelineId === null) {
      setLoading({ state: 'ready', store: createEditorStore({ doc: newDocument(window.location.search) }) });
      return;
    }
    const controller = new AbortController();
    setLoading({ state: 'loading' });
    fetchPipeline(pipelineId, undefined, controller.signal).then(
      (record) => setLoading({ state: 'ready', store: createEditorStore({ doc: record.document as DesignDocument, pipelineId: record.id, version: record.version }) }),
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setLoading({ state: 'failed', error: asApiError(err) });
      },
    );
    return () => controller.abort();
    // `loading` is read to keep an editor that already holds this pipeline, not to re-run.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pipelineId, attempt]);

  useEffect(() => {
    if (loading.state !== 'ready') return;
    const update = () => (document.title = `${loading.store.getState().doc.name} · Weir`);
    update();
    return loading.store.subscribe(update);
  }, [loading]);

  if (loading.state === 'loading') return <Spinner className="p-8" label="Opening the pipeline" />;
  if (loading.state === 'failed') {
    const notFound = loading.error.status === 404;
    return (
      <div className="p-8">
        <ErrorNotice
          title={notFound ? 'This pipeline does not exist' : 'Cannot open the pipeline'}
          message={notFound ? 'It may have been deleted. Pick another one from the list.' : loading.error.message}
          code={loading.error.code}
          action={notFound ? <Link to="/pipelines" className="text-sm font-medium text-cyan-700 hover:underline dark:text-cyan-400">All pipelines</Link> : <Button size="sm" onClick={() => setAttempt((a) => a + 1)}>Retry</Button>}
        />
      </div>
    );
  }
  return <PipelineEditor store={loading.store} />;
}
