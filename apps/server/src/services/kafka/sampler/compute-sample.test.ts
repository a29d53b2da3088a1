import { describe, expect, it } from 'vitest';
import { computeSample, groupOffsets, type DescribedGroup, type SampleInput } from './compute-sample';

const empty = (id: string): DescribedGroup => ({ groupId: id, state: 'Empty', protocolType: 'consumer', protocol: '', members: [] });

function input(at: number, highs: number[], committed: number[]): SampleInput {
  return {
    at,
    watermarks: new Map([['orders', highs.map((high, partition) => ({ partition, low: 10, high }))]]),
    groups: [empty('g')],
    committed: new Map([['g', committed.map((offset, partition) => ({ topic: 'orders', partition, offset }))]]),
  };
}

describe('computeSample', () => {
  it('counts messages as high − low, and has no rates from a single sample', () => {
    const s = computeSample(input(0, [110, 60], [100, 20]), null);
    const t = s.topics.get('orders')!;
    expect(t.messages).toBe(150);
    expect(t.produceRate).toBeNull();
    expect(t.consumeRate).toBeNull();
    expect(s.groups.get('g')!.lag).toBe(10 + 40);
    expect(s.groups.get('g')!.topics).toEqual({ orders: 50 });
  });

  it('derives produce and consume rates from watermark and committed-offset deltas', () => {
    const first = computeSample(input(0, [110, 60], [100, 20]), null);
    const second = computeSample(input(5000, [160, 110], [150, 45]), first);
    const t = second.topics.get('orders')!;
    expect(t.produceRate).toBe(20);
    expect(t.consumeRate).toBe(15);
  });

  it('gives no rate when offsets went backwards (a topic made again, offsets reset)', () => {
    const first = computeSample(input(0, [110, 60], [100, 20]), null);
    const second = computeSample(input(5000, [5, 5], [0, 0]), first);
    expect(second.topics.get('orders')!.produceRate).toBeNull();
    expect(second.topics.get('orders')!.consumeRate).toBeNull();
  });
});

describe('groupOffsets', () => {
  it('lists committed partitions with lag, and assigned ones without a commit as lag null', () => {
    const group: DescribedGroup = {
      ...empty('g'),
      state: 'Stable',
      members: [{ memberId: 'm-1', clientId: 'app', host: '/10.0.0.1', assignment: [{ topic: 'orders', partitions: [0, 1] }] }],
    };
    const marks = new Map([['orders', [{ partition: 0, low: 0, high: 50 }, { partition: 1, low: 0, high: 7 }]]]);
    expect(groupOffsets(group, [{ topic: 'orders', partition: 0, offset: 45 }, { topic: 'gone', partition: 0, offset: 3 }], marks)).toEqual([
      { topic: 'orders', partition: 0, committed: 45, end: 50, lag: 5, owner: 'app' },
      { topic: 'orders', partition: 1, committed: null, end: 7, lag: null, owner: 'app' },
    ]);
  });

  it('never reports a negative lag', () => {
    const marks = new Map([['t', [{ partition: 0, low: 0, high: 3 }]]]);
    expect(groupOffsets(empty('g'), [{ topic: 't', partition: 0, offset: 9 }], marks)[0]!.lag).toBe(0);
  });
});
