/**
 * A rolling history per job (design.md: at least 15 minutes at 1 s), so a browser that opens
 * a job sees the recent past before live data arrives. Memory is bounded twice: each job
 * keeps a fixed-size ring, and at most `maxJobs` jobs are kept (the least recently updated
 * one is forgotten first; a job that ended long ago is the natural victim).
 */

/** A fixed-capacity ring: push overwrites the oldest entry once full. */
export class Ring<T> {
  private readonly items: (T | undefined)[];
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`ring capacity must be a positive integer, not ${capacity}`);
    this.items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  push(item: T): void {
    if (this.count < this.capacity) {
      this.items[(this.start + this.count) % this.capacity] = item;
      this.count++;
    } else {
      this.items[this.start] = item;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  /** The newest entry, or undefined when empty. */
  last(): T | undefined {
    return this.count === 0 ? undefined : this.items[(this.start + this.count - 1) % this.capacity];
  }

  /** Oldest first; with `n`, only the newest n. */
  toArray(n = this.count): T[] {
    const take = Math.max(0, Math.min(n, this.count));
    const out = new Array<T>(take);
    const from = this.count - take;
    for (let i = 0; i < take; i++) out[i] = this.items[(this.start + from + i) % this.capacity] as T;
    return out;
  }
}

export interface MetricsHistoryOptions {
  /** Points kept per job; default 1800 (30 minutes at one per second). */
  capacity?: number;
  /** Jobs kept; default 256. */
  maxJobs?: number;
}

export interface MetricsHistory<T> {
  append(jobId: string, point: T): void;
  /** Oldest first; with `n`, only the newest n. Empty for an unknown job. */
  points(jobId: string, n?: number): T[];
  latest(jobId: string): T | undefined;
  jobs(): string[];
  forget(jobId: string): void;
}

export const DEFAULT_HISTORY_CAPACITY = 1800;
export const DEFAULT_HISTORY_JOBS = 256;

export function createMetricsHistory<T>(options: MetricsHistoryOptions = {}): MetricsHistory<T> {
  const capacity = options.capacity ?? DEFAULT_HISTORY_CAPACITY;
  const maxJobs = options.maxJobs ?? DEFAULT_HISTORY_JOBS;
  // A Map iterates in insertion order: re-inserting on append keeps the stalest job first.
  const rings = new Map<string, Ring<T>>();
  return {
    append(jobId, point) {
      let ring = rings.get(jobId);
      if (ring) rings.delete(jobId);
      else ring = new Ring<T>(capacity);
      rings.set(jobId, ring);
      ring.push(point);
      while (rings.size > maxJobs) rings.delete(rings.keys().next().value as string);
    },
    points: (jobId, n) => rings.get(jobId)?.toArray(n) ?? [],
    latest: (jobId) => rings.get(jobId)?.last(),
    jobs: () => [...rings.keys()],
    forget: (jobId) => void rings.delete(jobId),
  };
}
