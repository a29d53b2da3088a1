import type { FieldType } from './field';

/**
 * Builders for small documents in tests: each test states only the part it is about.
 * Not exported from the package.
 */

export interface TestNode {
  id: string;
  kind: string;
  config?: unknown;
  ui?: unknown;
}
export interface TestEdge {
  from: string;
  to: string;
  port?: string;
}

export const ORDER_FIELDS: [string, FieldType][] = [
  ['order_id', 'string'],
  ['category', 'string'],
  ['amount', 'double'],
  ['qty', 'int'],
  ['ts', 'timestamp'],
];

export function source(id: string, options: { fields?: [string, FieldType][]; eventTime?: string | null; topic?: string } = {}): TestNode {
  const fields = options.fields ?? ORDER_FIELDS;
  const eventTime = options.eventTime === undefined ? 'ts' : options.eventTime;
  return {
    id,
    kind: 'kafka-source',
    config: {
      topic: options.topic ?? id,
      schema: fields.map(([name, type]) => ({ name, type })),
      ...(eventTime === null ? {} : { eventTime: { field: eventTime } }),
    },
  };
}

export function sink(id: string): TestNode {
  return { id, kind: 'preview-sink', config: {} };
}

export function node(id: string, kind: string, config: unknown = {}): TestNode {
  return { id, kind, config };
}

export function doc(nodes: TestNode[], edges: TestEdge[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { version: 1, name: 'test', nodes, edges, ...extra };
}

/** Edges along a straight line of node ids. */
export function line(...ids: string[]): TestEdge[] {
  return ids.slice(1).map((to, i) => ({ from: ids[i] as string, to }));
}

/** A source, the given node, and a sink: the smallest document around one node. */
export function around(target: TestNode, src: TestNode = source('src')): Record<string, unknown> {
  return doc([src, target, sink('out')], line(src.id, target.id, 'out'));
}
