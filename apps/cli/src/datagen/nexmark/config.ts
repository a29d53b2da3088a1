// The id and time arithmetic of the Nexmark generator (Apache Beam's GeneratorConfig,
// PersonGenerator and AuctionGenerator, as nexmark-flink and Arroyo use them), for one
// interleaved event stream in which every 50 events hold 1 person, 3 auctions and 46 bids.
// Each Weir topic holds one kind; its k-th record is the k-th event of that kind in the
// shared stream, so persons, auctions and bids made with one seed refer to each other.
import type { Rng } from '../prng';

export const PERSON_PROPORTION = 1;
export const AUCTION_PROPORTION = 3;
export const BID_PROPORTION = 46;
export const TOTAL_PROPORTION = PERSON_PROPORTION + AUCTION_PROPORTION + BID_PROPORTION;

export const FIRST_PERSON_ID = 1000;
export const FIRST_AUCTION_ID = 1000;
export const FIRST_CATEGORY_ID = 10;
export const NUM_CATEGORIES = 5;

/** NexmarkConfiguration defaults. */
export const NUM_ACTIVE_PEOPLE = 1000;
export const NUM_IN_FLIGHT_AUCTIONS = 100;
export const HOT_AUCTION_RATIO = 2;
export const HOT_SELLERS_RATIO = 4;
export const HOT_BIDDERS_RATIO = 4;
export const AVG_PERSON_BYTE_SIZE = 200;
export const AVG_AUCTION_BYTE_SIZE = 500;
export const AVG_BID_BYTE_SIZE = 100;
/** Nexmark's default first event rate, used for event times when no --rate is given. */
export const DEFAULT_EVENTS_PER_SECOND = 10_000;

/** Nexmark's BASE_TIME: event times start here unless live time is asked for. */
export const NEXMARK_BASE_TIME = Date.UTC(2015, 6, 15);

export type NexmarkKind = 'person' | 'auction' | 'bid';

const PROPORTION: Record<NexmarkKind, number> = {
  person: PERSON_PROPORTION,
  auction: AUCTION_PROPORTION,
  bid: BID_PROPORTION,
};
const OFFSET: Record<NexmarkKind, number> = {
  person: 0,
  auction: PERSON_PROPORTION,
  bid: PERSON_PROPORTION + AUCTION_PROPORTION,
};

/** The id, in the interleaved stream, of the k-th event of one kind. */
export function eventIdOf(kind: NexmarkKind, k: number): number {
  const p = PROPORTION[kind];
  return Math.floor(k / p) * TOTAL_PROPORTION + OFFSET[kind] + (k % p);
}

/** Base-0 id of the newest person at or before this event. */
export function lastBase0PersonId(eventId: number): number {
  const epoch = Math.floor(eventId / TOTAL_PROPORTION);
  let offset = eventId % TOTAL_PROPORTION;
  if (offset >= PERSON_PROPORTION) offset = PERSON_PROPORTION - 1;
  return epoch * PERSON_PROPORTION + offset;
}

/**
 * Base-0 id of the newest auction at or before this event. Before the first auction
 * (event 0, a person) this is -1.
 */
export function lastBase0AuctionId(eventId: number): number {
  let epoch = Math.floor(eventId / TOTAL_PROPORTION);
  let offset = eventId % TOTAL_PROPORTION;
  if (offset < PERSON_PROPORTION) {
    epoch--;
    offset = AUCTION_PROPORTION - 1;
  } else if (offset >= PERSON_PROPORTION + AUCTION_PROPORTION) {
    offset = AUCTION_PROPORTION - 1;
  } else {
    offset -= PERSON_PROPORTION;
  }
  return epoch * AUCTION_PROPORTION + offset;
}

/**
 * A random person among the active ones. Nexmark adds a lead of 10 ids past the newest
 * person, so some references point at people not generated yet; Weir leaves the lead out
 * so that every reference names a person already written to the persons topic.
 */
export function nextBase0PersonId(eventId: number, rng: Rng): number {
  const numPeople = lastBase0PersonId(eventId) + 1;
  const activePeople = Math.min(numPeople, NUM_ACTIVE_PEOPLE);
  return numPeople - activePeople + rng.long(activePeople);
}

/** A random auction among those likely in flight (again without Nexmark's lead of 10). */
export function nextBase0AuctionId(eventId: number, rng: Rng): number {
  const maxAuction = lastBase0AuctionId(eventId);
  const minAuction = Math.max(maxAuction - NUM_IN_FLIGHT_AUCTIONS, 0);
  return minAuction + rng.long(maxAuction - minAuction + 1);
}

/**
 * Event times of the interleaved stream: from a base time, events are evenly spaced at
 * `eventsPerSecond`. A topic generated at `rate` records per second of one kind has
 * rate × 50 / proportion events per second, so its own records are `rate` per second apart.
 */
export class NexmarkClock {
  readonly eventsPerSecond: number;

  constructor(
    kind: NexmarkKind,
    rate: number | undefined,
    readonly baseTime: number = NEXMARK_BASE_TIME,
  ) {
    this.eventsPerSecond = rate && rate > 0 ? (rate * TOTAL_PROPORTION) / PROPORTION[kind] : DEFAULT_EVENTS_PER_SECOND;
  }

  timeOf(eventId: number): number {
    return this.baseTime + Math.floor((eventId * 1000) / this.eventsPerSecond);
  }
}
