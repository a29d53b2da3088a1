import type { DesignDocument } from '../document/design-document';
import { demoSource } from './demo-schemas';

/** A starting point in the "New from template" dialog. */
export interface PipelineTemplate {
  id: string;
  title: string;
  summary: string;
  /** Topics (or tables) it reads and writes, shown on the card. */
  reads: string;
  writes: string;
  create(): DesignDocument;
}

const STEP = 280;

function at(column: number, row = 0) {
  return { x: column * STEP, y: row * 140 };
}

export const TEMPLATES: readonly PipelineTemplate[] = [
  {
    id: 'log-processing',
    title: 'Real-time log processing',
    summary: 'Parse service logs, keep the errors, and count them per service per minute.',
    reads: 'logs',
    writes: 'error-counts',
    create: () => ({
      version: 1,
      name: 'log-processing',
      description: 'Errors per service per minute, from the service logs',
      settings: { checkpointInterval: '10s' },
      nodes: [
        { id: 'logs', kind: 'kafka-source', ui: { ...at(0), label: 'Service logs' }, config: demoSource('logs') },
        {
          id: 'parse',
          kind: 'map',
          ui: { ...at(1), label: 'Parse message' },
          config: {
            keepInput: true,
            select: [
              { name: 'route', expr: "REGEXP_EXTRACT(message, '^(/api/[a-z]+)', 1)" },
              { name: 'reason', expr: "REGEXP_EXTRACT(message, 'failed: (.*)$', 1)" },
            ],
          },
        },
        { id: 'errors', kind: 'filter', ui: { ...at(2), label: 'Keep errors' }, config: { where: "level = 'ERROR'" } },
        {
          id: 'per-service',
          kind: 'tumbling-window',
          ui: { ...at(3), label: 'Per service per minute' },
          config: {
            size: '1m',
            keyBy: ['service'],
            aggregates: [
              { fn: 'count', as: 'errors' },
              { fn: 'avg', field: 'latency_ms', as: 'avg_latency_ms' },
              { fn: 'last', field: 'reason', as: 'last_reason' },
            ],
          },
        },
        { id: 'error-counts', kind: 'kafka-sink', ui: { ...at(4), label: 'Error counts' }, config: { topic: 'error-counts', key: ['service'] } },
      ],
      edges: [
        { from: 'logs', to: 'parse' },
        { from: 'parse', to: 'errors' },
        { from: 'errors', to: 'per-service' },
        { from: 'per-service', to: 'error-counts' },
      ],
    }),
  },
  {
    id: 'revenue-per-category',
    title: 'Real-time aggregation',
    summary: 'Revenue and order count per product category per minute, leaving out test orders.',
    reads: 'orders',
    writes: 'revenue-per-category',
    create: () => ({
      version: 1,
      name: 'revenue-per-category',
      description: 'Revenue per category per minute',
      settings: { checkpointInterval: '10s' },
      nodes: [
        { id: 'orders', kind: 'kafka-source', ui: { ...at(0), label: 'Orders' }, config: demoSource('orders') },
        { id: 'real-orders', kind: 'filter', ui: { ...at(1), label: 'Real orders' }, config: { where: "category <> 'test'" } },
        {
          id: 'per-minute',
          kind: 'tumbling-window',
          ui: { ...at(2), label: 'Per category per minute' },
          config: {
            size: '1m',
            keyBy: ['category'],
            aggregates: [
              { fn: 'sum', field: 'amount', as: 'revenue' },
              { fn: 'count', as: 'orders' },
            ],
          },
        },
        { id: 'revenue', kind: 'kafka-sink', ui: { ...at(3), label: 'Revenue' }, config: { topic: 'revenue-per-category', key: ['category'] } },
      ],
      edges: [
        { from: 'orders', to: 'real-orders' },
        { from: 'real-orders', to: 'per-minute' },
        { from: 'per-minute', to: 'revenue' },
      ],
    }),
  },
  {
    id: 'clicks-to-postgres',
    title: 'Kafka to PostgreSQL',
    summary: 'Copy every page click into a PostgreSQL table, naming direct visits.',
    reads: 'clicks',
    writes: 'table page_clicks',
    create: () => ({
      version: 1,
      name: 'clicks-to-postgres',
      description: 'Page clicks into PostgreSQL',
      settings: { checkpointInterval: '10s' },
      nodes: [
        { id: 'clicks', kind: 'kafka-source', ui: { ...at(0), label: 'Clicks' }, config: demoSource('clicks') },
        {
          id: 'clean',
          kind: 'map',
          ui: { ...at(1), label: 'Clean up' },
          config: {
            select: [
              { name: 'user_id', expr: 'user_id' },
              { name: 'page', expr: 'page' },
              { name: 'referrer', expr: "COALESCE(NULLIF(referrer, ''), 'direct')" },
              { name: 'ts', expr: 'ts' },
            ],
          },
        },
        { id: 'page-clicks', kind: 'postgres-sink', ui: { ...at(2), label: 'page_clicks table' }, config: { table: 'page_clicks', mode: 'append' } },
      ],
      edges: [
        { from: 'clicks', to: 'clean' },
        { from: 'clean', to: 'page-clicks' },
      ],
    }),
  },
];

export function findTemplate(id: string): PipelineTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
