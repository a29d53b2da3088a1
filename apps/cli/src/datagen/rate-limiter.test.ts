import { describe, expect, it } from 'vitest';
import {
  FAST_BATCH_SIZE, MAX_SLEEP_MS, allowance, batchSizeFor, dueAtMs, isUnlimited, nextBatchSize, waitMs,
} from './rate-limiter';

describe('rate limiter', () => {
  it('treats absent and 0 as unlimited', () => {
    expect(isUnlimited(undefined)).toBe(true);
    expect(isUnlimited(0)).toBe(true);
    expect(isUnlimited(5)).toBe(false);
    expect(allowance(0, 0, 1_000_000)).toBe(Number.POSITIVE_INFINITY);
    expect(waitMs(undefined, 0, 10)).toBe(0);
    expect(batchSizeFor(undefined)).toBe(FAST_BATCH_SIZE);
  });

  it('schedules record n at n / rate seconds', () => {
    expect(dueAtMs(10, 0)).toBe(0);
    expect(dueAtMs(10, 1)).toBe(100);
    expect(dueAtMs(4, 10)).toBe(2500);
  });

  it('allows the first record at once and then one per 1/rate seconds', () => {
    expect(allowance(10, 0, 0)).toBe(1);
    expect(allowance(10, 99, 1)).toBe(0);
    expect(allowance(10, 100, 1)).toBe(1);
    expect(allowance(10, 1000, 1)).toBe(10);
    expect(allowance(10, 1000, 11)).toBe(0);
  });

  it('lets a stream that fell behind catch up to the long-run rate', () => {
    // 5 s at 100/s: records 0..500 are due; with 200 sent, 301 may go now.
    expect(allowance(100, 5000, 200)).toBe(301);
  });

  it('waits until the next record is due, capped so aborts are seen', () => {
    expect(waitMs(10, 0, 1)).toBe(100);
    expect(waitMs(10, 40, 1)).toBe(60);
    expect(waitMs(10, 150, 1)).toBe(0);
    expect(waitMs(1, 0, 1)).toBe(MAX_SLEEP_MS);
  });

  it('sends about 20 batches a second when paced', () => {
    expect(batchSizeFor(1)).toBe(1);
    expect(batchSizeFor(20)).toBe(1);
    expect(batchSizeFor(1000)).toBe(50);
    expect(batchSizeFor(10_000_000)).toBe(FAST_BATCH_SIZE);
  });

  it('never exceeds what is due, a batch, or what remains', () => {
    expect(nextBatchSize(undefined, 0, 0, 7)).toBe(7);
    expect(nextBatchSize(undefined, 0, 0, Number.POSITIVE_INFINITY)).toBe(FAST_BATCH_SIZE);
    expect(nextBatchSize(1000, 10_000, 0, Number.POSITIVE_INFINITY)).toBe(50);
    expect(nextBatchSize(1000, 10, 5, 100)).toBe(6);
    expect(nextBatchSize(1000, 10, 11, 100)).toBe(0);
    expect(nextBatchSize(1000, 10_000, 0, 0)).toBe(0);
  });
});
