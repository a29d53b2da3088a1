import { useEffect } from 'react';
import type { EditorStore } from '../store/editor-store';
import { validateDesign } from '../store/live-validation';

// Short enough to feel instant, long enough that fast typing validates once per pause.
export const VALIDATION_DEBOUNCE_MS = 150;

/** Validates the document in the browser as it changes (debounced), with the same code the server runs. */
export function useLiveValidation(store: EditorStore): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => store.getState().setValidation(validateDesign(store.getState().doc));
    run();
    const stop = store.subscribe((state, previous) => {
      if (state.doc === previous.doc) return;
      clearTimeout(timer);
      timer = setTimeout(run, VALIDATION_DEBOUNCE_MS);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [store]);
}
