// Bid channels and URLs (nexmark-flink's BidGenerator): half the bids come from four hot
// channels, the rest from 10 000 numbered ones. Nexmark draws the URLs from an unseeded
// Random; here they come from the seed so that output is reproducible.
import { Rng } from '../prng';
import { nextString } from './strings';

export const HOT_CHANNELS = ['Google', 'Facebook', 'Baidu', 'Apple'] as const;
export const HOT_CHANNELS_RATIO = 2;
export const CHANNELS_NUMBER = 10_000;

const STREAM_HOT_URL = 5;
const STREAM_CHANNEL = 6;

function baseUrl(rng: Rng): string {
  return (
    'https://www.nexmark.com/' +
    nextString(rng, 5, '_') + '/' +
    nextString(rng, 5, '_') + '/' +
    nextString(rng, 5, '_') + '/' +
    'item.htm?query=1'
  );
}

/** Java's Integer.reverse: the 32 bits in reverse order, as a signed int. */
export function reverseBits32(x: number): number {
  let v = x >>> 0;
  let r = 0;
  for (let i = 0; i < 32; i++) {
    r = (r << 1) | (v & 1);
    v >>>= 1;
  }
  return r | 0;
}

export interface ChannelAndUrl {
  channel: string;
  url: string;
}

/** The channel tables of one seed, built lazily. */
export class ChannelTable {
  private readonly hot: ChannelAndUrl[];
  private readonly cache = new Map<number, ChannelAndUrl>();

  constructor(private readonly seed: number) {
    this.hot = HOT_CHANNELS.map((channel, i) => ({ channel, url: baseUrl(Rng.forRecord(seed, STREAM_HOT_URL, i)) }));
  }

  hotChannel(i: number): ChannelAndUrl {
    return this.hot[i] as ChannelAndUrl;
  }

  channel(n: number): ChannelAndUrl {
    let entry = this.cache.get(n);
    if (!entry) {
      const rng = Rng.forRecord(this.seed, STREAM_CHANNEL, n);
      let url = baseUrl(rng);
      if (rng.int(10) > 0) url += '&channel_id=' + Math.abs(reverseBits32(n));
      entry = { channel: 'channel-' + n, url };
      this.cache.set(n, entry);
    }
    return entry;
  }
}
