import { describe, expect, it } from 'vitest';
import type { GeneratedRecord, GeneratorDefinition } from '../types';
import { nexmarkAuctions } from './auction';
import { nexmarkBids } from './bid';
import { reverseBits32 } from './channels';
import {
  DEFAULT_EVENTS_PER_SECOND, FIRST_AUCTION_ID, FIRST_CATEGORY_ID, NEXMARK_BASE_TIME, NUM_CATEGORIES,
  eventIdOf, lastBase0AuctionId, lastBase0PersonId,
} from './config';
import { nexmarkPersons } from './person';

type Row = Record<string, number | string>;

function values(def: GeneratorDefinition, seed: number, opts: { rate?: number; until?: number; count?: number }): Row[] {
  const out: Row[] = [];
  for (const record of def.create(seed, { rate: opts.rate }) as Iterable<GeneratedRecord>) {
    if (opts.until !== undefined && record.timestamp >= opts.until) break;
    if (opts.count !== undefined && out.length >= opts.count) break;
    out.push(record.value as Row);
  }
  return out;
}

describe('Nexmark event ids', () => {
  it('interleaves 1 person, 3 auctions and 46 bids in every 50 events', () => {
    expect([0, 1, 2].map((k) => eventIdOf('person', k))).toEqual([0, 50, 100]);
    expect([0, 1, 2, 3].map((k) => eventIdOf('auction', k))).toEqual([1, 2, 3, 51]);
    expect([0, 45, 46].map((k) => eventIdOf('bid', k))).toEqual([4, 49, 54]);
    const kinds = new Map<number, string>();
    for (let k = 0; k < 20; k++) kinds.set(eventIdOf('person', k), 'p');
    for (let k = 0; k < 60; k++) kinds.set(eventIdOf('auction', k), 'a');
    for (let k = 0; k < 920; k++) kinds.set(eventIdOf('bid', k), 'b');
    // Every event id of the first 20 epochs belongs to exactly one kind.
    expect([...kinds.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('knows the newest person and auction at every event', () => {
    expect(lastBase0PersonId(0)).toBe(0);
    expect(lastBase0PersonId(49)).toBe(0);
    expect(lastBase0PersonId(50)).toBe(1);
    expect(lastBase0AuctionId(0)).toBe(-1);
    expect(lastBase0AuctionId(1)).toBe(0);
    expect(lastBase0AuctionId(3)).toBe(2);
    expect(lastBase0AuctionId(49)).toBe(2);
    expect(lastBase0AuctionId(50)).toBe(2);
    expect(lastBase0AuctionId(51)).toBe(3);
  });

  it("reverses bits as Java's Integer.reverse does", () => {
    expect(reverseBits32(1)).toBe(-2147483648);
    expect(reverseBits32(2)).toBe(1073741824);
    expect(reverseBits32(0)).toBe(0);
  });
});

describe('Nexmark streams of one seed', () => {
  // Five seconds of event time at Nexmark's default 10 000 events per second.
  const until = NEXMARK_BASE_TIME + 5000;
  const persons = values(nexmarkPersons, 42, { until });
  const auctions = values(nexmarkAuctions, 42, { until });
  const bids = values(nexmarkBids, 42, { until });

  it('keep the 1:3:46 proportions over the same span of event time', () => {
    const events = (5000 * DEFAULT_EVENTS_PER_SECOND) / 1000;
    expect(persons.length).toBe(events / 50);
    expect(auctions.length).toBe((events / 50) * 3);
    expect(bids.length).toBe((events / 50) * 46);
  });

  it('give consecutive ids from 1000', () => {
    persons.forEach((p, i) => expect(p.id).toBe(1000 + i));
    auctions.forEach((a, i) => expect(a.id).toBe(FIRST_AUCTION_ID + i));
  });

  it('refer only to persons and open auctions that exist at that event time', () => {
    const personTime = new Map(persons.map((p) => [p.id as number, p.dateTime as number]));
    const auctionById = new Map(auctions.map((a) => [a.id as number, a]));
    for (const a of auctions) {
      const sellerTime = personTime.get(a.seller as number);
      expect(sellerTime).toBeDefined();
      expect(sellerTime!).toBeLessThanOrEqual(a.dateTime as number);
      expect(a.expires as number).toBeGreaterThan(a.dateTime as number);
    }
    for (const b of bids) {
      const auction = auctionById.get(b.auction as number);
      if (!auction) throw new Error(`bid names auction ${b.auction}, which was not generated`);
      expect(auction.dateTime as number).toBeLessThanOrEqual(b.dateTime as number);
      expect(auction.expires as number).toBeGreaterThan(b.dateTime as number);
      const bidderTime = personTime.get(b.bidder as number);
      expect(bidderTime).toBeDefined();
      expect(bidderTime!).toBeLessThanOrEqual(b.dateTime as number);
    }
  });

  it('follow Nexmark value distributions', () => {
    // Hot sellers: 3 in 4 auctions go to the first person of the latest batch of 100.
    const hotSeller = auctions.filter((a) => ((a.seller as number) - 1000) % 100 === 0).length / auctions.length;
    expect(hotSeller).toBeGreaterThan(0.7);
    expect(hotSeller).toBeLessThan(0.82);
    // Hot bidders: 3 in 4 bids come from the second person of the latest batch.
    const hotBidder = bids.filter((b) => ((b.bidder as number) - 1000) % 100 === 1).length / bids.length;
    expect(hotBidder).toBeGreaterThan(0.7);
    expect(hotBidder).toBeLessThan(0.82);
    // Hot auctions: Nexmark sends half of all bids to the first auction of the latest batch
    // of 100; Weir redirects the bids that auction outlived, so a bit less than half remain.
    const hotAuction = bids.filter((b) => ((b.auction as number) - FIRST_AUCTION_ID) % 100 === 0).length / bids.length;
    expect(hotAuction).toBeGreaterThan(0.3);
    expect(hotAuction).toBeLessThan(0.55);
    const hotChannel = bids.filter((b) => ['Google', 'Facebook', 'Baidu', 'Apple'].includes(b.channel as string)).length;
    expect(hotChannel / bids.length).toBeGreaterThan(0.47);
    expect(hotChannel / bids.length).toBeLessThan(0.53);
    for (const b of bids) {
      expect(b.url as string).toMatch(/^https:\/\/www\.nexmark\.com\/[a-z_]+\/[a-z_]+\/[a-z_]+\/item\.htm\?query=1(&channel_id=\d+)?$/);
      expect(b.price as number).toBeGreaterThanOrEqual(100);
      expect(b.price as number).toBeLessThanOrEqual(100_000_000);
    }
    // Prices are log-uniform over $1..$1M: the median is near $1 000.
    const prices = bids.map((b) => b.price as number).sort((x, y) => x - y);
    const median = prices[Math.floor(prices.length / 2)]!;
    expect(median).toBeGreaterThan(50_000);
    expect(median).toBeLessThan(200_000);
    // `extra` pads bids to about 100 bytes: 68 letters on average.
    const extra = bids.reduce((n, b) => n + (b.extra as string).length, 0) / bids.length;
    expect(extra).toBeGreaterThan(64);
    expect(extra).toBeLessThan(72);
    for (const a of auctions) {
      expect(a.category as number).toBeGreaterThanOrEqual(FIRST_CATEGORY_ID);
      expect(a.category as number).toBeLessThan(FIRST_CATEGORY_ID + NUM_CATEGORIES);
      expect(a.reserve as number).toBeGreaterThan(a.initialBid as number);
    }
    for (const p of persons) {
      expect(p.creditCard as string).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
      expect(p.emailAddress as string).toMatch(/^[a-z ]*@[a-z ]*\.com$/);
      expect(['AZ', 'CA', 'ID', 'OR', 'WA', 'WY']).toContain(p.state);
    }
  });
});

describe('Nexmark streams generated at rates in proportion', () => {
  it('line up in event time and stay consistent', () => {
    const until = NEXMARK_BASE_TIME + 60_000;
    const persons = values(nexmarkPersons, 9, { rate: 2, until });
    const auctions = values(nexmarkAuctions, 9, { rate: 6, until });
    const bids = values(nexmarkBids, 9, { rate: 92, until });
    expect([persons.length, auctions.length, bids.length]).toEqual([120, 360, 5520]);
    const auctionById = new Map(auctions.map((a) => [a.id as number, a]));
    for (const b of bids) {
      const a = auctionById.get(b.auction as number)!;
      expect(a).toBeDefined();
      expect(a.dateTime as number).toBeLessThanOrEqual(b.dateTime as number);
      expect(a.expires as number).toBeGreaterThan(b.dateTime as number);
    }
  });
});
