import type { RecordSchema } from '@weir/model';
import type { DesignDocument } from '../document/design-document';
import type { ValuePath } from './value-path';

/** Which field names a config control may offer: from the input, a join side, or the source's own declared fields. */
export type SuggestionSource = 'input' | 'left' | 'right' | 'own-schema';

/** The suggestion source for a config path of a kind, or null where the value is a new name or no field at all. */
export function suggestionSource(kind: string, path: ValuePath): SuggestionSource | null {
  const [first, , third] = path;
  if (kind === 'kafka-source') return first === 'eventTime' && path[1] === 'field' ? 'own-schema' : null;
  if (kind === 'interval-join' && first === 'on' && (third === 'left' || third === 'right')) return third;
  if ((first === 'keyBy' || first === 'key' || first === 'primaryKey') && path.length === 2) return 'input';
  if (first === 'aggregates' && third === 'field') return 'input';
  return null;
}

/** The field names a node's controls can suggest, by source, from the live validation's schemas. */
export function fieldNamesFor(
  doc: DesignDocument,
  nodeId: string,
  schemas: Readonly<Record<string, RecordSchema>>,
  source: SuggestionSource,
): string[] {
  if (source === 'own-schema') {
    const config = doc.nodes.find((n) => n.id === nodeId)?.config as { schema?: unknown } | undefined;
    const declared = Array.isArray(config?.schema) ? config.schema : [];
    return declared.map((f: { name?: unknown }) => (typeof f?.name === 'string' ? f.name : '')).filter(Boolean);
  }
  const edge = doc.edges.find((e) => e.to === nodeId && (source === 'input' ? true : e.port === source));
  return edge ? (schemas[edge.from] ?? []).map((f) => f.name) : [];
}
