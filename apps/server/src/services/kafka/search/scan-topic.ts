import { readPartitions, type ReadBatch } from '@weir/kafka/read-partitions';
import type { RawCluster, RawRecord } from '@weir/kafka/raw-cluster';
import type { SearchEndReason, SearchProgress } from '@weir/protocol';
import { EVAL_ERROR, MATCH, type CompiledSearch } from './compile-search';
import type { PartitionSpan } from './resolve-range';

export interface ScanRequest {
  raw: RawCluster;
  topic: string;
  spans: readonly PartitionSpan[];
  search: CompiledSearch;
  /** Stop once this many matches were handed to onMatch. */
  maxMatches?: number | undefined;
  maxMessages?: number | undefined;
  maxSeconds?: number | undefined;
  signal?: AbortSignal | undefined;
  now?: () => number;
  /** A returned promise holds the scan until it settles (an export waiting for the socket to drain). */
  onMatch(partition: number, record: RawRecord): void | Promise<void>;
  onProgress?(progress: SearchProgress): void;
  progressEveryMs?: number;
}

export interface ScanResult extends SearchProgress {
  reason: SearchEndReason;
}

/**
 * Scans bounded partition spans with a compiled search, reading without a consumer group:
 * every message is counted, tested, and handed over when it matches. Ends at the spans' end,
 * at a budget (matches, messages, seconds) or when `signal` aborts.
 */
export async function scanTopic(req: ScanRequest): Promise<ScanResult> {
  const now = req.now ?? Date.now;
  const started = now();
  const stop = new AbortController();
  let reason: SearchEndReason = 'end';
  const end = (why: SearchEndReason) => {
    if (stop.signal.aborted) return;
    reason = why;
    stop.abort();
  };
  const onOuterAbort = () => end('cancelled');
  if (req.signal?.aborted) end('cancelled');
  req.signal?.addEventListener('abort', onOuterAbort, { once: true });

  const total = req.spans.reduce((n, s) => n + Math.max(0, s.end - s.start), 0);
  const maxMatches = req.maxMatches ?? Infinity;
  const maxMessages = req.maxMessages ?? Infinity;
  const deadline = req.maxSeconds !== undefined ? started + req.maxSeconds * 1000 : Infinity;
  const every = req.progressEveryMs ?? 250;
  const { search } = req;
  let scanned = 0;
  let matched = 0;
  let notJson = 0;
  let evalErrors = 0;
  let rateAt = started;
  let rateScanned = 0;
  let rate = 0;
  let lastProgress = started;

  const progress = (at: number): SearchProgress => ({ scanned, matched, total, rate, elapsedMs: at - started, notJson, evalErrors });
  const report = (at: number) => {
    if (at - rateAt >= 200) {
      rate = Math.round(((scanned - rateScanned) * 1000) / (at - rateAt));
      rateAt = at;
      rateScanned = scanned;
    }
    lastProgress = at;
    req.onProgress?.(progress(at));
  };

  async function onBatch(batch: ReadBatch): Promise<void> {
    const records = batch.records;
    const partition = batch.partition;
    for (let i = 0; i < records.length; i++) {
      if (stop.signal.aborted) return;
      if (scanned >= maxMessages) return end('max-messages');
      const record = records[i]!;
      scanned++;
      const outcome = search.test(record, partition);
      if (search.readsValue && search.lastNotJson()) notJson++;
      if (outcome === MATCH) {
        matched++;
        const pending = req.onMatch(partition, record);
        if (pending) await pending;
        if (matched >= maxMatches) return end('max-matches');
      } else if (outcome === EVAL_ERROR) {
        evalErrors++;
      }
    }
    const at = now();
    if (at >= deadline) return end('max-seconds');
    if (at - lastProgress >= every) report(at);
  }

  try {
    if (!stop.signal.aborted && total > 0) {
      await readPartitions(req.raw, {
        topic: req.topic,
        ranges: req.spans.map((s) => ({ partition: s.partition, start: s.start, end: s.end })),
        signal: stop.signal,
        maxWaitMs: 100,
        onBatch,
      });
    }
  } finally {
    req.signal?.removeEventListener('abort', onOuterAbort);
  }
  const at = now();
  const elapsed = at - started;
  // The final figure is the whole scan's average rather than the last window's.
  rate = elapsed > 0 ? Math.round((scanned * 1000) / elapsed) : 0;
  return { ...progress(at), reason };
}
