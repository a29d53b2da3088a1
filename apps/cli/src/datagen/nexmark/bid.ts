// Nexmark's Bid: a person's bid on an auction. Field names and distributions follow
// nexmark-flink's BidGenerator; times are epoch milliseconds.
import { Rng } from '../prng';
import { indexedStream, type GeneratorDefinition } from '../types';
import { auctionExpires } from './auction';
import { ChannelTable, CHANNELS_NUMBER, HOT_CHANNELS, HOT_CHANNELS_RATIO } from './channels';
import {
  AVG_BID_BYTE_SIZE, FIRST_AUCTION_ID, FIRST_PERSON_ID, HOT_AUCTION_RATIO, HOT_BIDDERS_RATIO,
  NexmarkClock, eventIdOf, lastBase0AuctionId, lastBase0PersonId, nextBase0AuctionId, nextBase0PersonId,
} from './config';
import { nextExtra, nextPrice } from './strings';

export const STREAM_BID = 3;
const HOT_AUCTION_BATCH = 100;
const HOT_BIDDER_BATCH = 100;
/** Redraws before a bid falls back to the newest auction, which is always open. */
const LIVE_AUCTION_TRIES = 4;
const EXPIRY_CACHE_LIMIT = 4096;

/** Remembers auction expiries: hot auctions are looked up by about half of all bids. */
class ExpiryCache {
  private readonly map = new Map<number, number>();

  constructor(
    private readonly seed: number,
    private readonly clock: NexmarkClock,
  ) {}

  get(k: number): number {
    let expires = this.map.get(k);
    if (expires === undefined) {
      if (this.map.size >= EXPIRY_CACHE_LIMIT) this.map.clear();
      expires = auctionExpires(this.seed, this.clock, k);
      this.map.set(k, expires);
    }
    return expires;
  }
}

export interface BidContext {
  seed: number;
  clock: NexmarkClock;
  channels: ChannelTable;
  expiries: ExpiryCache;
}

export function bidContext(seed: number, clock: NexmarkClock): BidContext {
  return { seed, clock, channels: new ChannelTable(seed), expiries: new ExpiryCache(seed, clock) };
}

/**
 * Nexmark picks the hot auction half of the time and otherwise one of the last 100; a bid
 * made after that auction expired would join nothing. Weir redraws among the in-flight
 * auctions a few times and then takes the newest, so every bid names an open auction.
 */
function chooseAuction(ctx: BidContext, eventId: number, rng: Rng): number {
  const bidTime = ctx.clock.timeOf(eventId);
  const newest = lastBase0AuctionId(eventId);
  let auction =
    rng.int(HOT_AUCTION_RATIO) > 0
      ? Math.floor(newest / HOT_AUCTION_BATCH) * HOT_AUCTION_BATCH
      : nextBase0AuctionId(eventId, rng);
  for (let i = 0; i < LIVE_AUCTION_TRIES && ctx.expiries.get(auction) <= bidTime; i++) {
    auction = nextBase0AuctionId(eventId, rng);
  }
  return ctx.expiries.get(auction) > bidTime ? auction : newest;
}

export function bidValue(ctx: BidContext, k: number, dateTime: number): Record<string, unknown> {
  const rng = Rng.forRecord(ctx.seed, STREAM_BID, k);
  const eventId = eventIdOf('bid', k);
  const auction = chooseAuction(ctx, eventId, rng) + FIRST_AUCTION_ID;
  let bidder: number;
  if (rng.int(HOT_BIDDERS_RATIO) > 0) {
    // The second person of the latest batch of 100, so hot bidders and hot sellers differ;
    // capped at the newest person so that the very first bids name someone who exists.
    const last = lastBase0PersonId(eventId);
    bidder = Math.min(Math.floor(last / HOT_BIDDER_BATCH) * HOT_BIDDER_BATCH + 1, last);
  } else {
    bidder = nextBase0PersonId(eventId, rng);
  }
  const price = nextPrice(rng);
  const { channel, url } =
    rng.int(HOT_CHANNELS_RATIO) > 0
      ? ctx.channels.hotChannel(rng.int(HOT_CHANNELS.length))
      : ctx.channels.channel(rng.int(CHANNELS_NUMBER));
  const extra = nextExtra(rng, 8 + 8 + 8 + 8, AVG_BID_BYTE_SIZE);
  return { auction, bidder: bidder + FIRST_PERSON_ID, price, channel, url, dateTime, extra };
}

export const nexmarkBids: GeneratorDefinition = {
  name: 'nexmark-bids',
  description: 'Nexmark Bid records (46 in 50 Nexmark events) on open nexmark-auctions; dateTime in epoch ms',
  keyField: 'auction',
  timeField: 'dateTime',
  timeFormat: 'epoch-millis',
  schema: [
    { name: 'auction', type: 'bigint' },
    { name: 'bidder', type: 'bigint' },
    { name: 'price', type: 'bigint' },
    { name: 'channel', type: 'string' },
    { name: 'url', type: 'string' },
    { name: 'dateTime', type: 'timestamp' },
    { name: 'extra', type: 'string' },
  ],
  create(seed, opts) {
    const clock = new NexmarkClock('bid', opts?.rate);
    const ctx = bidContext(seed, clock);
    return indexedStream(
      (k, t) => {
        const value = bidValue(ctx, k, t);
        return { key: String(value.auction), value, timestamp: t };
      },
      (k) => clock.timeOf(eventIdOf('bid', k)),
      opts,
    );
  },
};
