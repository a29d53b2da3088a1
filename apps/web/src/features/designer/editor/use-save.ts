import { PIPELINE_NAME_PATTERN, type ProblemCode } from '@weir/model';
import type { DraftDocument } from '@weir/protocol';
import { useCallback, useState } from 'react';
import { ApiRequestError } from '../../../api/client';
import { createPipeline, updatePipeline } from '../../../api/pipeline-endpoints';
import { navigate } from '../../../router/router-store';
import { toast } from '../../../ui/toast-store';
import type { EditorStore } from '../store/editor-store';

function explainSaveError(err: unknown, name: string): { title: string; message: string } {
  if (!(err instanceof ApiRequestError)) return { title: 'Could not save', message: err instanceof Error ? err.message : String(err) };
  switch (err.code) {
    case 'VERSION_CONFLICT':
      return {
        title: 'Someone else saved this pipeline meanwhile',
        message: `${err.message} Export your document to keep your changes, reload the page to see theirs, then import or redo yours.`,
      };
    case 'NAME_TAKEN':
      return { title: `Another pipeline is already called ${name}`, message: 'Choose another name in the pipeline settings (click the empty canvas).' };
    case 'FORBIDDEN':
      return { title: 'You may not save pipelines', message: err.message };
    default:
      return { title: 'Could not save', message: `${err.message} (${err.code})` };
  }
}

/** Saves the document as a new version (or a new pipeline); returns the saved version, or null when it did not save. */
export function useSave(store: EditorStore): { save(): Promise<{ pipelineId: string; version: number } | null>; saving: boolean } {
  const [saving, setSaving] = useState(false);
  const save = useCallback(async () => {
    const { doc, saved } = store.getState();
    if (!PIPELINE_NAME_PATTERN.test(doc.name)) {
      store.getState().select({ nodes: [], edges: [] });
      toast({ tone: 'error', title: 'Name the pipeline first', message: 'A name is 1 to 63 lower-case letters, digits and -; set it in the pipeline settings.' });
      return null;
    }
    setSaving(true);
    try {
      const draft = doc as DraftDocument;
      const record = saved.pipelineId === null || saved.version === null ? await createPipeline(draft) : await updatePipeline(saved.pipelineId, saved.version, draft);
      store.getState().markSaved({ pipelineId: record.id, version: record.version, doc });
      const codes = new Set<ProblemCode>(record.problems.map((p) => p.code));
      toast({
        tone: 'success',
        title: `Saved version ${record.version}`,
        message: record.problems.length > 0 ? `Saved as a draft with ${record.problems.length} problems (${[...codes].join(', ')}); fix them to deploy.` : undefined,
      });
      if (saved.pipelineId === null) navigate(`/pipelines/${encodeURIComponent(record.id)}`, { replace: true });
      return { pipelineId: record.id, version: record.version };
    } catch (err) {
      toast({ tone: 'error', ...explainSaveError(err, doc.name) });
      return null;
    } finally {
      setSaving(false);
    }
  }, [store]);
  return { save, saving };
}
