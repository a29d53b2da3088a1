// Drives one generator into one send function: flat out with large batches and a few sends
// in flight, or paced on the rate limiter's grid; stops at the count or when aborted, and
// reports progress about once a second.
import { DatagenError } from './datagen-error';
import { FAST_MAX_IN_FLIGHT, MAX_BATCH_BYTES, isUnlimited, nextBatchSize, waitMs } from './rate-limiter';
import type { GeneratedRecord } from './types';

/** A record as kafkajs sends it. */
export interface OutMessage {
  key: string;
  value: string;
  timestamp: string;
}

export type SendBatch = (messages: OutMessage[]) => Promise<unknown>;

export interface DatagenProgress {
  /** Records the broker acknowledged so far. */
  produced: number;
  elapsedMs: number;
  /** Since the previous report; in the final report, the average over the whole run. */
  recordsPerSecond: number;
  done: boolean;
}

export interface ProduceLoopOptions {
  records: Iterator<GeneratedRecord>;
  send: SendBatch;
  rate?: number;
  /** Absent: until aborted. */
  count?: number;
  signal?: AbortSignal;
  onProgress?: (progress: DatagenProgress) => void;
  progressIntervalMs?: number;
  now?: () => number;
}

export function toMessage(record: GeneratedRecord): OutMessage {
  return { key: record.key, value: JSON.stringify(record.value), timestamp: String(record.timestamp) };
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

export async function produceLoop(opts: ProduceLoopOptions): Promise<{ produced: number; elapsedMs: number }> {
  const now = opts.now ?? Date.now;
  const start = now();
  const maxInFlight = isUnlimited(opts.rate) ? FAST_MAX_IN_FLIGHT : 1;
  const inFlight: Promise<void>[] = [];
  let queued = 0;
  let produced = 0;
  let failure: { error: unknown } | undefined;

  let lastReport = { at: start, produced: 0 };
  const timer = opts.onProgress
    ? setInterval(() => {
        const at = now();
        const rate = at > lastReport.at ? ((produced - lastReport.produced) * 1000) / (at - lastReport.at) : 0;
        lastReport = { at, produced };
        opts.onProgress?.({ produced, elapsedMs: at - start, recordsPerSecond: rate, done: false });
      }, opts.progressIntervalMs ?? 1000)
    : undefined;
  timer?.unref();

  try {
    while (!failure && !opts.signal?.aborted) {
      const remaining = opts.count === undefined ? Number.POSITIVE_INFINITY : opts.count - queued;
      if (remaining <= 0) break;
      const n = nextBatchSize(opts.rate, now() - start, queued, remaining);
      if (n === 0) {
        await sleep(Math.max(1, waitMs(opts.rate, now() - start, queued)), opts.signal);
        continue;
      }
      const batch: OutMessage[] = [];
      let bytes = 0;
      while (batch.length < n && bytes < MAX_BATCH_BYTES) {
        const next = opts.records.next();
        if (next.done) throw new DatagenError('PRODUCE_FAILED', 'The generator ended early', 'generator');
        const message = toMessage(next.value);
        bytes += message.key.length + message.value.length;
        batch.push(message);
      }
      const sent = batch.length;
      queued += sent;
      inFlight.push(
        opts.send(batch).then(
          () => { produced += sent; },
          (error: unknown) => { failure ??= { error }; },
        ),
      );
      if (inFlight.length >= maxInFlight) await inFlight.shift();
    }
    await Promise.all(inFlight);
  } finally {
    if (timer) clearInterval(timer);
  }

  const elapsedMs = now() - start;
  if (failure) {
    const detail = failure.error instanceof Error ? failure.error.message : String(failure.error);
    throw new DatagenError('PRODUCE_FAILED', `Producing failed after ${produced} records: ${detail}`, undefined, {
      cause: failure.error,
    });
  }
  opts.onProgress?.({
    produced,
    elapsedMs,
    recordsPerSecond: elapsedMs > 0 ? (produced * 1000) / elapsedMs : 0,
    done: true,
  });
  return { produced, elapsedMs };
}
