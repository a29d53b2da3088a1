// Page views for demos. Fifty users are active at a time and the active set drifts as the
// stream goes on, so per-user session windows open and close. `ts` is ISO-8601.
import { Rng } from './prng';
import { demoEventTime, isoTime } from './event-time';
import { indexedStream, type GeneratorDefinition } from './types';

export const STREAM_CLICKS = 11;
const USERS = 1000;
const ACTIVE_USERS = 50;
/** Every this many clicks, ten users leave the active set and ten others join. */
const DRIFT_EVERY = 500;
const PRODUCTS = 200;

const PAGES = ['/', '/products', '/product', '/search', '/cart', '/checkout', '/account', '/blog'];
const PAGE_WEIGHTS = [15, 20, 30, 12, 10, 4, 4, 5];
const REFERRERS = ['direct', 'google.com', 'bing.com', 'duckduckgo.com', 'twitter.com', 'facebook.com', 'newsletter', 'internal'];
const REFERRER_WEIGHTS = [20, 25, 4, 3, 6, 6, 6, 30];
const SEARCH_TERMS = ['shoes', 'laptop', 'coffee', 'lamp', 'headphones', 'jacket', 'tent', 'novel'];

export function clickValue(seed: number, index: number, ts: number): Record<string, unknown> {
  const rng = Rng.forRecord(seed, STREAM_CLICKS, index);
  const first = Math.floor(index / DRIFT_EVERY) * 10;
  const user = (first + rng.int(ACTIVE_USERS)) % USERS;
  let page = rng.weighted(PAGES, PAGE_WEIGHTS);
  if (page === '/product') page = '/products/' + (1 + rng.int(PRODUCTS));
  else if (page === '/search') page = '/search?q=' + rng.pick(SEARCH_TERMS);
  return {
    user_id: 'u-' + String(user + 1).padStart(4, '0'),
    page,
    referrer: rng.weighted(REFERRERS, REFERRER_WEIGHTS),
    ts: isoTime(ts),
  };
}

export const clicks: GeneratorDefinition = {
  name: 'clicks',
  description: 'Page views {user_id, page, referrer, ts}; key user_id; ts ISO-8601',
  keyField: 'user_id',
  timeField: 'ts',
  timeFormat: 'iso-8601',
  schema: [
    { name: 'user_id', type: 'string' },
    { name: 'page', type: 'string' },
    { name: 'referrer', type: 'string' },
    { name: 'ts', type: 'timestamp' },
  ],
  create(seed, opts) {
    return indexedStream(
      (i, t) => {
        const value = clickValue(seed, i, t);
        return { key: value.user_id as string, value, timestamp: t };
      },
      (i) => demoEventTime(i, opts?.rate),
      opts,
    );
  },
};
