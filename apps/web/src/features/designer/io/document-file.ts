import { isPlainObject } from '@weir/model';
import type { DesignDocument } from '../document/design-document';

export type ImportResult = { ok: true; doc: DesignDocument } | { ok: false; message: string };

/**
 * Reads a pipeline document from JSON text (a file or a paste). Only the outline is checked
 * here: a document with wrong configs still opens, and validation then points at each problem.
 */
export function parseDocumentText(text: string): ImportResult {
  if (text.trim() === '') return { ok: false, message: 'There is nothing to import: the text is empty.' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, message: `This is not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (!isPlainObject(json)) return { ok: false, message: 'A pipeline document is a JSON object with version, name, nodes and edges.' };
  if (json.version !== 1) {
    return { ok: false, message: json.version === undefined ? 'The document has no "version"; a Weir pipeline has "version": 1.' : `Version ${JSON.stringify(json.version)} is not supported; Weir reads pipeline format version 1.` };
  }
  if (!Array.isArray(json.nodes) || !Array.isArray(json.edges)) return { ok: false, message: 'The document needs a "nodes" list and an "edges" list.' };
  const badNode = json.nodes.findIndex((n) => !isPlainObject(n) || typeof n.id !== 'string' || typeof n.kind !== 'string');
  if (badNode >= 0) return { ok: false, message: `Node ${badNode + 1} needs a string "id" and a string "kind".` };
  const badEdge = json.edges.findIndex((e) => !isPlainObject(e) || typeof e.from !== 'string' || typeof e.to !== 'string');
  if (badEdge >= 0) return { ok: false, message: `Edge ${badEdge + 1} needs a string "from" and a string "to".` };
  return { ok: true, doc: { ...json, name: typeof json.name === 'string' ? json.name : 'imported-pipeline' } as DesignDocument };
}

/** The document as a file: pretty-printed, ending in a newline, keys in the order they were written. */
export function documentText(doc: DesignDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function documentFileName(doc: DesignDocument): string {
  return `${doc.name || 'pipeline'}.json`;
}
