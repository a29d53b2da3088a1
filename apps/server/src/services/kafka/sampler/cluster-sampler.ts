import type { FastifyBaseLogger } from 'fastify';
import type { LagPoint } from '@weir/protocol';
import type { ClusterClients } from '../cluster-pool';
import { committedOffsets, describeGroups, mapLimited } from '../groups/read-groups';
import { computeSample, type ClusterSample } from './compute-sample';
import { RingHistory } from './ring-history';

export interface SamplerOptions {
  intervalMs: number;
  historyMs: number;
  /** Groups sampled per round at most (each needs one OffsetFetch). */
  maxGroups: number;
  now: () => number;
  log: FastifyBaseLogger;
}

export const DEFAULT_SAMPLER_OPTIONS: { intervalMs: number; historyMs: number; maxGroups: number } = { intervalMs: 5000, historyMs: 60 * 60 * 1000, maxGroups: 500 };

type Listener = (sample: ClusterSample) => void;

interface StoredPoint {
  at: number;
  lag: number;
  topics: Record<string, number>;
}

/**
 * Samples one cluster on an interval: watermarks of every topic (produce rates, message
 * counts) and every group's committed offsets (lag, consume rates), keeping each group's lag
 * history for `historyMs`. Failures keep the last good sample and back off.
 */
export class ClusterSampler {
  private last: ClusterSample | null = null;
  private readonly history = new Map<string, RingHistory<StoredPoint>>();
  private readonly listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<ClusterSample> | null = null;
  private failures = 0;
  private stopped = false;
  lastError: string | null = null;

  constructor(private readonly clients: ClusterClients, private readonly options: SamplerOptions) {}

  start(): void {
    if (this.timer || this.stopped) return;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  get running(): boolean {
    return !this.stopped;
  }

  latest(): ClusterSample | null {
    return this.last;
  }

  lagHistory(groupId: string): LagPoint[] {
    return (this.history.get(groupId)?.all() ?? []).map((p) => ({ at: new Date(p.at).toISOString(), lag: p.lag, topics: p.topics }));
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A fresh sample; concurrent callers share one round. */
  sampleNow(): Promise<ClusterSample> {
    this.inFlight ??= this.round().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.sampleNow().then(
        () => {
          this.failures = 0;
          this.schedule(this.options.intervalMs);
        },
        (err: unknown) => {
          this.failures++;
          this.lastError = err instanceof Error ? err.message : String(err);
          this.options.log.debug({ err, cluster: this.clients.name }, 'kafka sampler round failed');
          this.schedule(Math.min(this.options.intervalMs * 2 ** this.failures, 60_000));
        },
      );
    }, ms);
    this.timer.unref();
  }

  private async round(): Promise<ClusterSample> {
    const at = this.options.now();
    const [watermarks, groups] = await Promise.all([
      this.clients.raw.watermarks(),
      this.clients.call('list consumer groups', (admin) => describeGroups(admin), 20_000),
    ]);
    const sampled = groups.slice(0, this.options.maxGroups);
    const committed = new Map(await this.clients.call('fetch committed offsets', (admin) =>
      mapLimited(sampled, 8, async (g) => [g.groupId, await committedOffsets(admin, g.groupId)] as const), 30_000));
    const sample = computeSample({ at, watermarks, groups: sampled, committed }, this.last);
    this.last = sample;
    this.lastError = null;
    for (const [id, g] of sample.groups) {
      let h = this.history.get(id);
      if (!h) {
        h = new RingHistory<StoredPoint>(this.options.historyMs);
        this.history.set(id, h);
      }
      h.push({ at, lag: g.lag, topics: g.topics });
    }
    // Groups gone for longer than the history keeps nothing worth showing.
    for (const [id, h] of this.history) {
      const newest = h.all()[h.size - 1];
      if (!sample.groups.has(id) && newest && newest.at < at - this.options.historyMs) this.history.delete(id);
    }
    for (const l of this.listeners) {
      try {
        l(sample);
      } catch (err) {
        this.options.log.warn({ err }, 'kafka sample listener failed');
      }
    }
    return sample;
  }
}
