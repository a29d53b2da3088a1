import type { DesignDocument } from './design-document';

/** A small valid pipeline (orders → big → per-minute → out) for tests of the designer. */
export function revenueDocument(): DesignDocument {
  return {
    version: 1,
    name: 'revenue',
    nodes: [
      {
        id: 'orders',
        kind: 'kafka-source',
        ui: { x: 0, y: 0, label: 'Orders' },
        config: {
          topic: 'orders',
          schema: [
            { name: 'category', type: 'string' },
            { name: 'amount', type: 'double' },
            { name: 'ts', type: 'timestamp' },
          ],
          eventTime: { field: 'ts', maxOutOfOrderness: '5s' },
        },
      },
      { id: 'big', kind: 'filter', ui: { x: 250, y: 0 }, config: { where: 'amount >= 10' } },
      {
        id: 'per-minute',
        kind: 'tumbling-window',
        ui: { x: 500, y: 0 },
        config: { size: '1m', keyBy: ['category'], aggregates: [{ fn: 'sum', field: 'amount', as: 'revenue' }] },
      },
      { id: 'out', kind: 'kafka-sink', ui: { x: 750, y: 0 }, config: { topic: 'revenue', key: ['category'] } },
    ],
    edges: [
      { from: 'orders', to: 'big' },
      { from: 'big', to: 'per-minute' },
      { from: 'per-minute', to: 'out' },
    ],
  };
}
