import type { DesignDocument } from '../document/design-document';

/**
 * Undo history as whole-document snapshots. Edits share untouched nodes with the previous
 * document, so a snapshot costs little more than the nodes that changed.
 */
export interface History {
  past: readonly DesignDocument[];
  future: readonly DesignDocument[];
  /** Key of the last recorded edit: a following edit with the same key joins it (a drag, typing in one field). */
  coalesce: string | null;
}

export const HISTORY_LIMIT = 200;

export const EMPTY_HISTORY: History = { past: [], future: [], coalesce: null };

/** Records that `previous` was replaced by an edit; `key` merges a run of like edits into one step. */
export function recordEdit(history: History, previous: DesignDocument, key: string | null = null): History {
  if (key !== null && key === history.coalesce) return { ...history, future: [] };
  const past = [...history.past, previous];
  if (past.length > HISTORY_LIMIT) past.shift();
  return { past, future: [], coalesce: key };
}

/** Ends a run of like edits, so the next one starts a new step. */
export function breakCoalescing(history: History): History {
  return history.coalesce === null ? history : { ...history, coalesce: null };
}

export function undoStep(history: History, current: DesignDocument): { history: History; doc: DesignDocument } | null {
  const doc = history.past[history.past.length - 1];
  if (!doc) return null;
  return { doc, history: { past: history.past.slice(0, -1), future: [current, ...history.future], coalesce: null } };
}

export function redoStep(history: History, current: DesignDocument): { history: History; doc: DesignDocument } | null {
  const doc = history.future[0];
  if (!doc) return null;
  return { doc, history: { past: [...history.past, current], future: history.future.slice(1), coalesce: null } };
}
