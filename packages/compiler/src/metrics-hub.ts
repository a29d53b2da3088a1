import type { MetricsSnapshot } from '@weir/model';

/** Snapshots kept for a consumer that reads slower than one per second. */
const MAX_QUEUED = 120;

interface Reader {
  queue: MetricsSnapshot[];
  wake: (() => void) | null;
}

/**
 * Shared by every Engine (embedded and Flink). Fans a job's snapshots out to any number of readers (Job.metrics()): each iterator gets
 * every snapshot published after it started, and ends when the job ends. A reader that
 * falls far behind loses its oldest snapshots rather than growing without bound.
 */
export class MetricsHub {
  private readonly readers = new Set<Reader>();
  private ended = false;
  private last: MetricsSnapshot | null = null;

  publish(snapshot: MetricsSnapshot): void {
    this.last = snapshot;
    for (const r of this.readers) {
      r.queue.push(snapshot);
      if (r.queue.length > MAX_QUEUED) r.queue.shift();
      r.wake?.();
    }
  }

  end(): void {
    this.ended = true;
    for (const r of this.readers) r.wake?.();
  }

  /** The latest snapshot, if any. */
  latest(): MetricsSnapshot | null {
    return this.last;
  }

  iterable(): AsyncIterable<MetricsSnapshot> {
    return {
      [Symbol.asyncIterator]: () => {
        const reader: Reader = { queue: [], wake: null };
        this.readers.add(reader);
        const finish = (): IteratorResult<MetricsSnapshot> => {
          this.readers.delete(reader);
          return { done: true, value: undefined };
        };
        return {
          next: async (): Promise<IteratorResult<MetricsSnapshot>> => {
            for (;;) {
              const value = reader.queue.shift();
              if (value !== undefined) return { done: false, value };
              if (this.ended) return finish();
              await new Promise<void>((resolve) => (reader.wake = resolve));
              reader.wake = null;
            }
          },
          return: async (): Promise<IteratorResult<MetricsSnapshot>> => finish(),
        };
      },
    };
  }
}
