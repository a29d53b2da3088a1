// Shop orders for demos: a few hundred regular customers place most orders, categories are
// skewed, and amounts are log-normal around a per-category median. `ts` is ISO-8601.
import { Rng } from './prng';
import { demoEventTime, isoTime } from './event-time';
import { indexedStream, type GeneratorDefinition } from './types';

export const STREAM_ORDERS = 10;
const CUSTOMERS = 2000;

/** Category, relative weight and median amount; `test` lets demos filter something out. */
const CATEGORIES: ReadonlyArray<readonly [string, number, number]> = [
  ['electronics', 20, 120],
  ['grocery', 20, 30],
  ['books', 15, 18],
  ['home', 15, 45],
  ['fashion', 12, 55],
  ['toys', 8, 25],
  ['sports', 8, 40],
  ['test', 1, 1],
];
const NAMES = CATEGORIES.map((c) => c[0]);
const WEIGHTS = CATEGORIES.map((c) => c[1]);
const MEDIANS = new Map(CATEGORIES.map((c) => [c[0], c[2]]));

export function orderValue(seed: number, index: number, ts: number): Record<string, unknown> {
  const rng = Rng.forRecord(seed, STREAM_ORDERS, index);
  const u = rng.float();
  // Squaring a uniform draw makes low customer numbers the regulars.
  const customer = 1 + Math.floor(CUSTOMERS * u * u);
  const category = rng.weighted(NAMES, WEIGHTS);
  const median = MEDIANS.get(category) ?? 20;
  const amount = Math.max(0.5, Math.round(median * Math.exp(0.6 * rng.normal()) * 100) / 100);
  return {
    order_id: 'o-' + String(index + 1).padStart(9, '0'),
    customer_id: 'c-' + String(customer).padStart(4, '0'),
    category,
    amount,
    ts: isoTime(ts),
  };
}

export const orders: GeneratorDefinition = {
  name: 'orders',
  description: 'Shop orders {order_id, customer_id, category, amount, ts}; key order_id; ts ISO-8601',
  keyField: 'order_id',
  timeField: 'ts',
  timeFormat: 'iso-8601',
  schema: [
    { name: 'order_id', type: 'string' },
    { name: 'customer_id', type: 'string' },
    { name: 'category', type: 'string' },
    { name: 'amount', type: 'double' },
    { name: 'ts', type: 'timestamp' },
  ],
  create(seed, opts) {
    return indexedStream(
      (i, t) => {
        const value = orderValue(seed, i, t);
        return { key: value.order_id as string, value, timestamp: t };
      },
      (i) => demoEventTime(i, opts?.rate),
      opts,
    );
  },
};
