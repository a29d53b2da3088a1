import type { DraftDocument } from '@weir/protocol';

/** Revenue per category per minute (pipeline-format.md's example), valid on both engines. */
export function revenueDocument(name: string, topics: { input?: string; output?: string; bounded?: boolean } = {}): DraftDocument {
  return {
    version: 1,
    name,
    description: 'Revenue per category per minute',
    nodes: [
      {
        id: 'orders',
        kind: 'kafka-source',
        ui: { x: 0, y: 0, label: 'Orders' },
        config: {
          topic: topics.input ?? 'orders',
          schema: [
            { name: 'order_id', type: 'string' },
            { name: 'category', type: 'string' },
            { name: 'amount', type: 'double' },
            { name: 'ts', type: 'timestamp' },
          ],
          startFrom: 'earliest',
          eventTime: { field: 'ts', maxOutOfOrderness: '5s' },
          ...(topics.bounded ? { bounded: 'latest' } : {}),
        },
      },
      { id: 'big', kind: 'filter', ui: { x: 250, y: 0 }, config: { where: 'amount >= 10' } },
      {
        id: 'per-minute',
        kind: 'tumbling-window',
        ui: { x: 500, y: 0 },
        config: {
          size: '1m',
          keyBy: ['category'],
          aggregates: [
            { fn: 'sum', field: 'amount', as: 'revenue' },
            { fn: 'count', as: 'orders' },
          ],
        },
      },
      { id: 'out', kind: 'kafka-sink', ui: { x: 750, y: 0 }, config: { topic: topics.output ?? 'revenue', key: ['category'] } },
    ],
    edges: [
      { from: 'orders', to: 'big' },
      { from: 'big', to: 'per-minute' },
      { from: 'per-minute', to: 'out' },
    ],
  };
}

/** The same pipeline with an expression naming a field the source does not have (UNKNOWN_FIELD). */
export function draftWithProblem(name: string): DraftDocument {
  const d = revenueDocument(name);
  d.nodes[1] = { ...d.nodes[1]!, config: { where: 'price >= 10' } };
  return d;
}
