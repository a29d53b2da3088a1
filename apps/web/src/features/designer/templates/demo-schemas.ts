import type { Field } from '@weir/model';

/**
 * The fields of the demo topics `weir up` fills (apps/cli/src/datagen, DEMO_SCHEMAS),
 * copied as data because the browser does not import the CLI. Every record carries its
 * event time in `ts` as ISO-8601 UTC. A test in the CLI package is the place to keep them
 * equal; here the templates are tested to validate against them.
 */
export const DEMO_SCHEMAS = {
  orders: [
    { name: 'order_id', type: 'string' },
    { name: 'customer_id', type: 'string' },
    { name: 'category', type: 'string' },
    { name: 'amount', type: 'double' },
    { name: 'ts', type: 'timestamp' },
  ],
  clicks: [
    { name: 'user_id', type: 'string' },
    { name: 'page', type: 'string' },
    { name: 'referrer', type: 'string' },
    { name: 'ts', type: 'timestamp' },
  ],
  logs: [
    { name: 'ts', type: 'timestamp' },
    { name: 'level', type: 'string' },
    { name: 'service', type: 'string' },
    { name: 'message', type: 'string' },
    { name: 'latency_ms', type: 'int' },
  ],
} as const satisfies Record<string, readonly Field[]>;

export type DemoTopic = keyof typeof DEMO_SCHEMAS;

/** A kafka-source config reading a demo topic from the start, on event time `ts`. */
export function demoSource(topic: DemoTopic): Record<string, unknown> {
  return {
    topic,
    format: 'json',
    schema: DEMO_SCHEMAS[topic].map((f) => ({ ...f })),
    startFrom: 'earliest',
    eventTime: { field: 'ts', maxOutOfOrderness: '5s' },
  };
}
