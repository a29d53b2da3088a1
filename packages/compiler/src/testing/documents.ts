/** Small pipeline documents for tests; each test states only what it is about. */

export type TestField = [name: string, type: string];

export const ORDER_FIELDS: TestField[] = [
  ['order_id', 'string'], ['category', 'string'], ['amount', 'double'], ['qty', 'int'], ['ts', 'timestamp'],
];

export interface TestNode {
  id: string;
  kind: string;
  config?: unknown;
}

export function source(id: string, options: { fields?: TestField[]; eventTime?: string | null; config?: Record<string, unknown> } = {}): TestNode {
  const eventTime = options.eventTime === undefined ? 'ts' : options.eventTime;
  return {
    id,
    kind: 'kafka-source',
    config: {
      topic: id,
      schema: (options.fields ?? ORDER_FIELDS).map(([name, type]) => ({ name, type })),
      ...(eventTime === null ? {} : { eventTime: { field: eventTime } }),
      ...options.config,
    },
  };
}

export function node(id: string, kind: string, config: unknown = {}): TestNode {
  return { id, kind, config };
}

export function kafkaSink(id: string, config: Record<string, unknown> = {}): TestNode {
  return { id, kind: 'kafka-sink', config: { topic: id, ...config } };
}

export function doc(nodes: TestNode[], edges: { from: string; to: string; port?: string }[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { version: 1, name: 'test', nodes, edges, ...extra };
}

export function line(...ids: string[]): { from: string; to: string }[] {
  return ids.slice(1).map((to, i) => ({ from: ids[i] as string, to }));
}
