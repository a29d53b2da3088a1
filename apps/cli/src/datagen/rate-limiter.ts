// Pacing arithmetic, kept pure so it can be tested without clocks. Records are scheduled
// on a fixed grid from the start (record n is due at n / rate seconds), so the long-run
// rate stays exact however late any single send is.

/**
 * Largest batch per send when running flat out. Bigger batches amortize the per-request
 * work, but kafkajs groups a send's messages by partition in time quadratic in the batch,
 * so 1 000 measured faster than 2 500 or 5 000 into the local broker.
 */
export const FAST_BATCH_SIZE = 1000;
/**
 * Bytes of keys and values per send at most: a partition's share of one send is one record
 * batch, and brokers refuse batches over `message.max.bytes` (1 MiB by default).
 */
export const MAX_BATCH_BYTES = 512 * 1024;
/** Sends in flight at once when running flat out. */
export const FAST_MAX_IN_FLIGHT = 4;
/** A paced stream sends about this many times per second. */
export const PACED_SENDS_PER_SECOND = 20;
/** Longest sleep between checks, so an abort is noticed promptly. */
export const MAX_SLEEP_MS = 200;

export function isUnlimited(rate: number | undefined): boolean {
  return rate === undefined || rate <= 0;
}

/** When record number `n` (0-based) is due, in milliseconds after the start. */
export function dueAtMs(rate: number, n: number): number {
  return (n * 1000) / rate;
}

/** How many more records may be sent `elapsedMs` after the start, with `sent` already sent. */
export function allowance(rate: number | undefined, elapsedMs: number, sent: number): number {
  if (isUnlimited(rate)) return Number.POSITIVE_INFINITY;
  const due = Math.floor((elapsedMs * (rate as number)) / 1000) + 1;
  return Math.max(0, due - sent);
}

/** Milliseconds to wait before the next record is due (0 when one is due now), capped for abort checks. */
export function waitMs(rate: number | undefined, elapsedMs: number, sent: number): number {
  if (isUnlimited(rate)) return 0;
  return Math.min(MAX_SLEEP_MS, Math.max(0, Math.ceil(dueAtMs(rate as number, sent) - elapsedMs)));
}

/** Records per send: large when unlimited, else about 1/20 s worth of records. */
export function batchSizeFor(rate: number | undefined): number {
  if (isUnlimited(rate)) return FAST_BATCH_SIZE;
  return Math.max(1, Math.min(FAST_BATCH_SIZE, Math.ceil((rate as number) / PACED_SENDS_PER_SECOND)));
}

/** Size of the next batch: what is due, no more than a batch, no more than what remains. */
export function nextBatchSize(rate: number | undefined, elapsedMs: number, sent: number, remaining: number): number {
  return Math.max(0, Math.min(allowance(rate, elapsedMs, sent), batchSizeFor(rate), remaining));
}
