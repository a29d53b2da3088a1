import { useEffect } from 'react';
import type { EditorStore } from '../store/editor-store';

/** Asks the browser to confirm leaving the page (reload, close, another site) while there are unsaved edits. */
export function useUnsavedWarning(store: EditorStore): void {
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      const { doc, saved } = store.getState();
      const untouchedNew = saved.pipelineId === null && store.getState().history.past.length === 0;
      if (doc === saved.doc || untouchedNew) return;
      e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [store]);
}
