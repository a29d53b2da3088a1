import type { DesignDocument } from '../document/design-document';

/**
 * A document handed from the pipeline list to a new editor (an import), kept in memory
 * for the one navigation to /pipelines/new, so the URL stays clean.
 */
let pending: DesignDocument | null = null;

export function setPendingDocument(doc: DesignDocument): void {
  pending = doc;
}

export function takePendingDocument(): DesignDocument | null {
  const doc = pending;
  pending = null;
  return doc;
}
