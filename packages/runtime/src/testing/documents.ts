// Pipeline documents for the runtime's integration tests.
import type { Field } from '@weir/model/field';

export type NodeSpec = { id: string; kind: string; config: Record<string, unknown> };

export function kafkaSource(id: string, topic: string, schema: Field[], extra: Record<string, unknown> = {}): NodeSpec {
  return { id, kind: 'kafka-source', config: { topic, schema, startFrom: 'earliest', bounded: 'latest', ...extra } };
}

export function pipeline(name: string, nodes: NodeSpec[], edges: [string, string, string?][], settings: Record<string, unknown> = {}): unknown {
  return {
    version: 1,
    name,
    settings,
    nodes,
    edges: edges.map(([from, to, port]) => (port === undefined ? { from, to } : { from, to, port })),
  };
}

/** A pipeline name from a unique topic name: lower-case letters, digits and '-' only. */
export function nameOf(unique: string): string {
  return unique.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 63);
}
