// Nexmark's Auction: an item a person sells. Field names and distributions follow
// AuctionGenerator; times are epoch milliseconds.
import { Rng } from '../prng';
import { indexedStream, type GeneratorDefinition } from '../types';
import {
  AUCTION_PROPORTION, AVG_AUCTION_BYTE_SIZE, FIRST_AUCTION_ID, FIRST_CATEGORY_ID, FIRST_PERSON_ID,
  HOT_SELLERS_RATIO, NUM_CATEGORIES, NUM_IN_FLIGHT_AUCTIONS, NexmarkClock, TOTAL_PROPORTION,
  eventIdOf, lastBase0PersonId, nextBase0PersonId,
} from './config';
import { nextExtra, nextPrice, nextString } from './strings';

export const STREAM_AUCTION = 2;
const HOT_SELLER_RATIO = 100;
const EVENTS_FOR_IN_FLIGHT_AUCTIONS = Math.floor((NUM_IN_FLIGHT_AUCTIONS * TOTAL_PROPORTION) / AUCTION_PROPORTION);

/**
 * Nexmark's auction length: uniform over twice the time it takes to generate the next 100
 * auctions. Weir adds the span of one 50-event epoch, so the newest auction is still open
 * for every bid made before the next auction appears; bids can then always name a live one.
 * It is the auction's first draw, so a bid can learn an auction's expiry cheaply.
 */
function auctionLengthMs(clock: NexmarkClock, eventId: number, rng: Rng): number {
  const t = clock.timeOf(eventId);
  const horizon = clock.timeOf(eventId + EVENTS_FOR_IN_FLIGHT_AUCTIONS) - t;
  const margin = clock.timeOf(eventId + TOTAL_PROPORTION) - t;
  return 1 + margin + rng.long(Math.max(horizon * 2, 1));
}

/** The deterministic expiry of the base-0 auction `k` (what the auctions topic holds). */
export function auctionExpires(seed: number, clock: NexmarkClock, k: number): number {
  const eventId = eventIdOf('auction', k);
  return clock.timeOf(eventId) + auctionLengthMs(clock, eventId, Rng.forRecord(seed, STREAM_AUCTION, k));
}

export function auctionValue(seed: number, clock: NexmarkClock, k: number, dateTime: number): Record<string, unknown> {
  const rng = Rng.forRecord(seed, STREAM_AUCTION, k);
  const eventId = eventIdOf('auction', k);
  const expires = dateTime + auctionLengthMs(clock, eventId, rng);
  let seller: number;
  if (rng.int(HOT_SELLERS_RATIO) > 0) {
    // The first person of the latest batch of 100 is a hot seller.
    seller = Math.floor(lastBase0PersonId(eventId) / HOT_SELLER_RATIO) * HOT_SELLER_RATIO;
  } else {
    seller = nextBase0PersonId(eventId, rng);
  }
  const category = FIRST_CATEGORY_ID + rng.int(NUM_CATEGORIES);
  const initialBid = nextPrice(rng);
  const itemName = nextString(rng, 20);
  const description = nextString(rng, 100);
  const reserve = initialBid + nextPrice(rng);
  const size = 8 + itemName.length + description.length + 8 + 8 + 8 + 8 + 8;
  const extra = nextExtra(rng, size, AVG_AUCTION_BYTE_SIZE);
  return {
    id: k + FIRST_AUCTION_ID,
    itemName,
    description,
    initialBid,
    reserve,
    dateTime,
    expires,
    seller: seller + FIRST_PERSON_ID,
    category,
    extra,
  };
}

export const nexmarkAuctions: GeneratorDefinition = {
  name: 'nexmark-auctions',
  description: 'Nexmark Auction records (3 in 50 Nexmark events); sellers are nexmark-persons ids; times in epoch ms',
  keyField: 'id',
  timeField: 'dateTime',
  timeFormat: 'epoch-millis',
  schema: [
    { name: 'id', type: 'bigint' },
    { name: 'itemName', type: 'string' },
    { name: 'description', type: 'string' },
    { name: 'initialBid', type: 'bigint' },
    { name: 'reserve', type: 'bigint' },
    { name: 'dateTime', type: 'timestamp' },
    { name: 'expires', type: 'timestamp' },
    { name: 'seller', type: 'bigint' },
    { name: 'category', type: 'bigint' },
    { name: 'extra', type: 'string' },
  ],
  create(seed, opts) {
    const clock = new NexmarkClock('auction', opts?.rate);
    return indexedStream(
      (k, t) => {
        const value = auctionValue(seed, clock, k, t);
        return { key: String(value.id), value, timestamp: t };
      },
      (k) => clock.timeOf(eventIdOf('auction', k)),
      opts,
    );
  },
};
