// The pipeline documents the workloads run, one place so that both engines get the very same
// document. Shapes follow Nexmark's queries as far as the pipeline format reaches.

/** A Nexmark bid as `weir datagen nexmark-bids` writes it (dateTime: epoch milliseconds). */
export const BID_SCHEMA = [
  { name: 'auction', type: 'bigint' }, { name: 'bidder', type: 'bigint' }, { name: 'price', type: 'bigint' },
  { name: 'channel', type: 'string' }, { name: 'url', type: 'string' }, { name: 'dateTime', type: 'timestamp' },
  { name: 'extra', type: 'string' },
] as const;

export type WindowKind = 'sliding' | 'tumbling' | 'session';

/** A document name the format accepts (lower case, digits, `-`, at most 63). */
export function documentName(raw: string): string {
  return raw.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 63);
}

/** q1-like: every bid, its price in euros (a map), into a Kafka topic. */
export function pipeDocument(name: string, input: string, output: string, bounded: boolean, settings?: Record<string, unknown>) {
  return {
    version: 1,
    name,
    ...(settings ? { settings } : {}),
    nodes: [
      { id: 'bids', kind: 'kafka-source', config: { topic: input, schema: BID_SCHEMA, startFrom: 'earliest', ...(bounded ? { bounded: 'latest' } : {}) } },
      {
        id: 'euros', kind: 'map', config: {
          select: [
            { name: 'auction', expr: 'auction' }, { name: 'bidder', expr: 'bidder' },
            { name: 'price_eur', expr: 'price * 0.9' }, { name: 'dateTime', expr: 'dateTime' },
          ],
        },
      },
      { id: 'out', kind: 'kafka-sink', config: { topic: output } },
    ],
    edges: [{ from: 'bids', to: 'euros' }, { from: 'euros', to: 'out' }],
  };
}

/**
 * The windowed workloads, bounded over the bids topic with event time from `dateTime`:
 * - sliding (q5-like): bids per auction over 10 s windows every 2 s;
 * - tumbling (q7-like): the highest bid of each 10 s window;
 * - session (q11-like): bids per bidder in sessions closed by 10 s without a bid.
 */
export function windowDocument(kind: WindowKind, name: string, input: string, output: string) {
  const window = {
    sliding: {
      kind: 'sliding-window',
      config: { size: '10s', slide: '2s', keyBy: ['auction'], aggregates: [{ fn: 'count', as: 'bids' }] },
    },
    tumbling: {
      kind: 'tumbling-window',
      config: { size: '10s', keyBy: [], aggregates: [{ fn: 'max', field: 'price', as: 'top_price' }, { fn: 'count', as: 'bids' }] },
    },
    session: {
      kind: 'session-window',
      config: { gap: '10s', keyBy: ['bidder'], aggregates: [{ fn: 'count', as: 'bids' }] },
    },
  }[kind];
  return {
    version: 1,
    name,
    nodes: [
      {
        id: 'bids', kind: 'kafka-source', config: {
          topic: input, schema: BID_SCHEMA, startFrom: 'earliest', bounded: 'latest',
          eventTime: { field: 'dateTime', maxOutOfOrderness: '1s' },
        },
      },
      { id: 'window', ...window },
      { id: 'out', kind: 'kafka-sink', config: { topic: output } },
    ],
    edges: [{ from: 'bids', to: 'window' }, { from: 'window', to: 'out' }],
  };
}
