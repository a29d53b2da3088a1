import { validateDocument, type Problem, type RecordSchema } from '@weir/model';
import type { DesignDocument } from '../document/design-document';

/** The browser's own validation of the document being edited (the same code the server runs). */
export interface LiveValidation {
  /** The document these results belong to; null before the first run. */
  doc: DesignDocument | null;
  problems: readonly Problem[];
  byNode: Readonly<Record<string, readonly Problem[]>>;
  /** Derived output schema of each node whose output could be derived. */
  schemas: Readonly<Record<string, RecordSchema>>;
  /** The event-time field of each derived output; null for processing time. */
  eventTimes: Readonly<Record<string, string | null>>;
  /** Upstream node ids of each node, in the order the kind consumes them. */
  inputs: Readonly<Record<string, readonly string[]>>;
}

export const NOT_VALIDATED: LiveValidation = { doc: null, problems: [], byNode: {}, schemas: {}, eventTimes: {}, inputs: {} };

export function validateDesign(doc: DesignDocument): LiveValidation {
  const result = validateDocument(doc);
  const byNode: Record<string, Problem[]> = {};
  for (const p of result.problems) {
    if (p.node === undefined) continue;
    (byNode[p.node] ??= []).push(p);
  }
  return { doc, problems: result.problems, byNode, schemas: result.schemas, eventTimes: result.eventTimes, inputs: result.inputs };
}

/** A problem's message without the `node 'x': ` prefix, for places that already name the node. */
export function messageWithoutNode(problem: Problem): string {
  if (problem.node === undefined) return problem.message;
  const prefix = `node '${problem.node}': `;
  return problem.message.startsWith(prefix) ? problem.message.slice(prefix.length) : problem.message;
}
