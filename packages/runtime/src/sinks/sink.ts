import type { Row } from '@weir/model/field';

/** What a sink tells the job: it crossed its capacity (both ways), or it failed. */
export interface SinkHost {
  fullChanged(full: boolean): void;
  fail(err: unknown, node: string): void;
}

/**
 * A sink as the job drives it. `write` never blocks: it appends to a bounded buffer that
 * flushes asynchronously; once `full`, the job stops feeding records until
 * `whenDrained()`. Every written row has a sequence number (`appended` after it);
 * `whenAcked(seq)` settles once rows up to seq are acknowledged by the destination,
 * which is what source offsets wait for before they are committed.
 */
export interface Sink extends AckedWriter {
  open(): Promise<void>;
  write(row: Row): void;
  close(): Promise<void>;
}

/** The acknowledgement side of a sink, shared with the dead-letter writer. */
export interface AckedWriter {
  readonly id: string;
  readonly full: boolean;
  /** Rows written and not yet acknowledged (held in memory). */
  readonly pending: number;
  readonly appended: number;
  whenAcked(seq: number): Promise<void>;
  whenDrained(): Promise<void>;
  /** Sends what is buffered even if it is less than a batch. */
  nudge(): void;
}

export interface BufferLimits {
  /** Rows held (buffered plus in flight) before the sink reports full. */
  capacity: number;
  /** Most rows per write request. */
  batchSize: number;
  /** Write requests in flight at once. */
  maxInFlight: number;
}

interface Flight {
  endSeq: number;
  done: boolean;
}

/**
 * The buffering, batching and acknowledgement order shared by the Kafka and PostgreSQL
 * sinks and the dead-letter writer. A batch goes out when it is full, or when nothing is
 * in flight (so a trickle is not held back), up to `maxInFlight` at once; acknowledgements
 * count in write order even when requests complete out of order.
 */
export abstract class BufferedWriter<T> {
  private buffer: T[] = [];
  private readonly flights: Flight[] = [];
  private inFlight = 0;
  private appendedCount = 0;
  private ackedCount = 0;
  private isFull = false;
  private failure: unknown = null;
  /** Exactly-once: rows after this sequence number wait for the next transaction. */
  private holdAt: number | null = null;
  private ackWaiters: { seq: number; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private drainWaiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];

  constructor(
    readonly id: string,
    protected readonly limits: BufferLimits,
    private readonly host: SinkHost,
  ) {}

  /** Writes one batch to the destination; resolves once it is acknowledged. */
  protected abstract send(batch: T[]): Promise<void>;

  get full(): boolean {
    return this.isFull;
  }

  get pending(): number {
    return this.appendedCount - this.ackedCount;
  }

  get appended(): number {
    return this.appendedCount;
  }

  protected append(item: T): void {
    this.buffer.push(item);
    this.appendedCount++;
    if (!this.isFull && this.appendedCount - this.ackedCount >= this.limits.capacity) {
      this.isFull = true;
      this.host.fullChanged(true);
    }
    if (this.buffer.length >= this.limits.batchSize) this.pump();
  }

  nudge(): void {
    if (this.buffer.length > 0 && this.inFlight === 0) this.pump();
  }

  whenAcked(seq: number): Promise<void> {
    if (this.failure !== null) return Promise.reject(this.failure);
    if (this.ackedCount >= seq) return Promise.resolve();
    this.nudge();
    return new Promise((resolve, reject) => this.ackWaiters.push({ seq, resolve, reject }));
  }

  /** Settles once at most half the capacity is held (hysteresis, so the job does not flap). */
  whenDrained(): Promise<void> {
    if (this.failure !== null) return Promise.reject(this.failure);
    if (this.pending <= this.limits.capacity / 2) return Promise.resolve();
    this.nudge();
    return new Promise((resolve, reject) => this.drainWaiters.push({ resolve, reject }));
  }

  /**
   * Sends nothing written after row `seq` until `release()`: the rows up to a checkpoint
   * barrier belong to its transaction, those after it to the next one.
   */
  hold(seq: number): void {
    this.holdAt = seq;
  }

  release(): void {
    this.holdAt = null;
    if (this.buffer.length > 0) this.pump();
  }

  /** Buffered rows that may be sent now. */
  private sendable(): number {
    if (this.holdAt === null) return this.buffer.length;
    const sent = this.appendedCount - this.buffer.length;
    return Math.min(this.buffer.length, Math.max(0, this.holdAt - sent));
  }

  private pump(): void {
    const { batchSize, maxInFlight } = this.limits;
    while (this.failure === null && this.sendable() > 0 && this.inFlight < maxInFlight) {
      const n = Math.min(this.sendable(), batchSize);
      let batch: T[];
      if (this.buffer.length <= n) {
        batch = this.buffer;
        this.buffer = [];
      } else {
        batch = this.buffer.slice(0, n);
        this.buffer = this.buffer.slice(n);
      }
      const flight: Flight = { endSeq: this.appendedCount - this.buffer.length, done: false };
      this.flights.push(flight);
      this.inFlight++;
      this.send(batch).then(
        () => this.landed(flight),
        (err: unknown) => this.failed(err),
      );
      // Wait for a full batch while others are in flight.
      if (this.buffer.length < batchSize) break;
    }
  }

  private landed(flight: Flight): void {
    flight.done = true;
    this.inFlight--;
    while (this.flights.length > 0 && this.flights[0]!.done) this.ackedCount = this.flights.shift()!.endSeq;
    if (this.ackWaiters.length > 0) {
      const still: typeof this.ackWaiters = [];
      for (const w of this.ackWaiters) {
        if (this.ackedCount >= w.seq) w.resolve();
        else still.push(w);
      }
      this.ackWaiters = still;
    }
    if (this.isFull && this.pending < this.limits.capacity) {
      this.isFull = false;
      this.host.fullChanged(false);
    }
    if (this.drainWaiters.length > 0 && this.pending <= this.limits.capacity / 2) {
      const waiters = this.drainWaiters;
      this.drainWaiters = [];
      for (const w of waiters) w.resolve();
    }
    if (this.buffer.length > 0) this.pump();
  }

  private failed(err: unknown): void {
    this.inFlight--;
    if (this.failure !== null) return;
    this.failure = err;
    for (const w of this.ackWaiters) w.reject(err);
    for (const w of this.drainWaiters) w.reject(err);
    this.ackWaiters = [];
    this.drainWaiters = [];
    this.host.fail(err, this.id);
  }
}
