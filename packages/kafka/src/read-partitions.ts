import { KafkaClientError } from './kafka-client-error';
import type { FetchedPartition, FetchOptions, RawCluster, RawRecord } from './raw-cluster';

export interface ReadRange {
  partition: number;
  /** The first offset to read. */
  start: number;
  /** Stop before this offset; null reads on for ever (a live tail). */
  end: number | null;
}

export interface ReadBatch {
  partition: number;
  /** Records in offset order, all below the range's end; empty when the fetch found nothing new. */
  records: RawRecord[];
  highWatermark: number;
  /** The next offset this partition will be read from. */
  position: number;
  /** True once the partition has reached its end (never for an unbounded range). */
  done: boolean;
}

export interface ReadPartitionsOptions extends FetchOptions {
  topic: string;
  ranges: readonly ReadRange[];
  /** Awaited before that leader's next fetch: a slow handler holds reading back. */
  onBatch(batch: ReadBatch): void | Promise<void>;
  /** A position fell outside the log (retention deleted it, or it is past the end) and moved. */
  onRelocated?(partition: number, from: number, to: number): void;
  signal?: AbortSignal;
  /** Consecutive failures of one leader's fetches before the read fails; default 20. */
  maxFailures?: number;
}

// Errors after which the partition is asked of the leader the refreshed metadata names.
const LEADER_ERRORS = new Set([
  'NOT_LEADER_FOR_PARTITION', 'NOT_LEADER_OR_FOLLOWER', 'LEADER_NOT_AVAILABLE', 'UNKNOWN_TOPIC_OR_PARTITION',
  'FENCED_LEADER_EPOCH', 'UNKNOWN_LEADER_EPOCH', 'REPLICA_NOT_AVAILABLE', 'KAFKA_STORAGE_ERROR', 'OFFSET_NOT_AVAILABLE',
]);

interface PartitionState {
  partition: number;
  position: number;
  end: number | null;
  done: boolean;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Reads offset ranges of a topic's partitions without a consumer group: one fetch loop per
 * partition leader, each awaiting the handler before fetching again (so the handler sets the
 * pace), leaders followed when they move. Resolves when every bounded range is read, or when
 * `signal` aborts; rejects when a leader keeps failing or Kafka answers a non-retriable error.
 *
 * Under read_committed a partition with an open transaction is readable only up to its last
 * stable offset: a bounded range ends there when a fetch finds nothing more.
 */
export async function readPartitions(raw: RawCluster, options: ReadPartitionsOptions): Promise<void> {
  const { topic, signal } = options;
  const maxFailures = options.maxFailures ?? 20;
  const parts = new Map<number, PartitionState>();
  for (const r of options.ranges) {
    const done = r.end !== null && r.start >= r.end;
    parts.set(r.partition, { partition: r.partition, position: r.start, end: r.end, done });
  }
  const leaderOf = new Map<number, number>();
  const running = new Map<number, Promise<void>>();
  let failure: unknown = null;
  let refreshing: Promise<void> | null = null;

  const active = () => [...parts.values()].filter((p) => !p.done);
  const stopped = () => signal?.aborted === true || failure !== null;

  async function refreshLeaders(force: boolean): Promise<void> {
    refreshing ??= raw.partitions(topic, { refresh: force }).then((infos) => {
      for (const i of infos) leaderOf.set(i.partition, i.leader);
      for (const p of active()) {
        if (!leaderOf.has(p.partition)) throw new KafkaClientError('BAD_TOPIC', `Topic ${topic} has no partition ${p.partition}`);
      }
    }).finally(() => {
      refreshing = null;
    });
    await refreshing;
  }

  async function relocate(st: PartitionState): Promise<void> {
    const [earliest, latest] = await Promise.all([
      raw.listOffsets(topic, [st.partition], 'earliest'),
      raw.listOffsets(topic, [st.partition], 'latest'),
    ]);
    const low = earliest.get(st.partition) ?? 0;
    const high = latest.get(st.partition) ?? low;
    const to = st.position < low ? low : Math.min(st.position, high);
    options.onRelocated?.(st.partition, st.position, to);
    st.position = to;
    if (st.end !== null && st.position >= st.end) st.done = true;
  }

  async function leaderLoop(leader: number): Promise<void> {
    let failures = 0;
    // The next fetch, sent before this one's records are handled so that the broker works
    // while the handler does: positions only move forward, so they are known in advance.
    let ahead: { partitions: number[]; response: Promise<FetchedPartition[]> } | null = null;
    const aheadFrom = new Map<number, number>();
    while (!stopped()) {
      const mine = active().filter((p) => leaderOf.get(p.partition) === leader);
      if (mine.length === 0) return;
      let fetched: FetchedPartition[];
      try {
        const wanted = mine.map((p) => p.partition);
        const reuse = ahead !== null && ahead.partitions.length === wanted.length && ahead.partitions.every((p, i) => p === wanted[i])
          && mine.every((p) => p.position === aheadFrom.get(p.partition));
        fetched = await (reuse ? ahead!.response : raw.fetch(leader, topic, mine.map((p) => ({ partition: p.partition, offset: p.position })), options));
        ahead = null;
        failures = 0;
      } catch (err) {
        ahead = null;
        if (++failures >= maxFailures) throw err;
        await sleep(Math.min(100 * 2 ** failures, 2000));
        await refreshLeaders(true).catch(() => {});
        spawnMissing();
        continue;
      }
      if (stopped()) return;
      if (fetched.every((f) => f.error === null)) {
        const next: Array<{ partition: number; offset: number }> = [];
        for (const p of mine) {
          const f = fetched.find((x) => x.partition === p.partition);
          const offset = f === undefined ? p.position : p.end === null ? f.nextOffset : Math.min(f.nextOffset, p.end);
          if (p.end === null || offset < p.end) next.push({ partition: p.partition, offset });
        }
        if (next.length > 0) {
          aheadFrom.clear();
          for (const n of next) aheadFrom.set(n.partition, n.offset);
          const response = raw.fetch(leader, topic, next, options);
          response.catch(() => {});
          ahead = { partitions: next.map((n) => n.partition), response };
        }
      }
      let moved = false;
      for (const f of fetched) {
        const st = parts.get(f.partition);
        if (!st || st.done) continue;
        if (f.error === 'OFFSET_OUT_OF_RANGE') {
          await relocate(st);
          continue;
        }
        if (f.error !== null) {
          if (!LEADER_ERRORS.has(f.error)) {
            throw new KafkaClientError('BROKER_UNREACHABLE', `Reading ${topic} partition ${f.partition} failed: ${f.error}`);
          }
          moved = true;
          continue;
        }
        let records = f.records;
        const end = st.end;
        if (end !== null && records.length > 0 && records[records.length - 1]!.offset >= end) records = records.filter((r) => r.offset < end);
        const next = end === null ? f.nextOffset : Math.min(f.nextOffset, end);
        const nothingNew = next === st.position;
        st.position = next;
        if (end !== null && (next >= end || (nothingNew && next >= Math.min(f.lastStableOffset, f.highWatermark)))) st.done = true;
        await options.onBatch({ partition: f.partition, records, highWatermark: f.highWatermark, position: st.position, done: st.done });
        if (stopped()) return;
      }
      if (moved) {
        ahead = null;
        if (++failures >= maxFailures) throw new KafkaClientError('BROKER_UNREACHABLE', `The leaders of ${topic} keep moving; gave up after ${failures} attempts`);
        await sleep(Math.min(50 * 2 ** failures, 1000));
        await refreshLeaders(true).catch(() => {});
        spawnMissing();
      }
    }
  }

  function spawnMissing(): void {
    for (const p of active()) {
      const leader = leaderOf.get(p.partition);
      if (leader === undefined || leader < 0 || running.has(leader)) continue;
      const loop = leaderLoop(leader).catch((err: unknown) => {
        failure ??= err;
      }).finally(() => running.delete(leader));
      running.set(leader, loop);
    }
  }

  await refreshLeaders(false);
  spawnMissing();
  let leaderless = 0;
  while (running.size > 0) {
    await Promise.race(running.values());
    if (failure === null && !signal?.aborted) spawnMissing();
    // A partition whose leader is unknown (election in progress) has no loop yet: look again.
    if (running.size === 0 && failure === null && !signal?.aborted && active().length > 0) {
      if (++leaderless > maxFailures) {
        failure = new KafkaClientError('BROKER_UNREACHABLE', `Partitions ${active().map((p) => p.partition).join(', ')} of ${topic} have no leader`);
        break;
      }
      await sleep(200);
      await refreshLeaders(true).catch((err: unknown) => {
        failure ??= err;
      });
      spawnMissing();
    }
  }
  if (failure !== null) throw failure;
}
