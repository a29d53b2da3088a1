/**
 * Where the job's one thread spends its time, per node, as Flink's busy / backpressured /
 * idle split (design.md, The embedded runtime). The thread is in one mode at a time:
 * - busy: running operators (every node of the job shares it, as the chained operators
 *   of one Flink task do);
 * - backpressured: waiting for full sinks to drain. The nodes upstream of those sinks
 *   are backpressured; the waited-on sinks are busy (they are the work being waited
 *   for); every other node is idle;
 * - idle: waiting for input.
 * The clock is read at mode changes only (per batch, never per record).
 */
export interface TimeSplit {
  busyTimeMsPerSecond: number;
  backPressuredTimeMsPerSecond: number;
  idleTimeMsPerSecond: number;
}

const IDLE = 0;
const BUSY = 1;
const BACKPRESSURED = 2;
type Mode = typeof IDLE | typeof BUSY | typeof BACKPRESSURED;

export class TimeAccounting {
  private readonly busyMs: Float64Array;
  private readonly bpMs: Float64Array;
  private mode: Mode = IDLE;
  private since: number;
  private lastSample: number;
  private upstream: readonly number[] = [];
  private waitedOn: readonly number[] = [];

  constructor(
    private readonly nodes: number,
    private readonly clock: () => number,
  ) {
    this.busyMs = new Float64Array(nodes);
    this.bpMs = new Float64Array(nodes);
    this.since = clock();
    this.lastSample = this.since;
  }

  busy(): void {
    this.switchTo(BUSY);
  }

  idle(): void {
    this.switchTo(IDLE);
  }

  /** Waiting for the sinks `waitedOn` (node indices), which holds back the nodes `upstream`. */
  backpressured(upstream: readonly number[], waitedOn: readonly number[]): void {
    this.switchTo(BACKPRESSURED);
    this.upstream = upstream;
    this.waitedOn = waitedOn;
  }

  /** The current mode, to restore after a nested piece of work. */
  get current(): 'idle' | 'busy' | 'backpressured' {
    return this.mode === IDLE ? 'idle' : this.mode === BUSY ? 'busy' : 'backpressured';
  }

  /** Per node, the split of the time since the last sample, scaled to one second. */
  sample(): TimeSplit[] {
    this.close(this.clock());
    const now = this.since;
    const elapsed = now - this.lastSample;
    this.lastSample = now;
    const scale = elapsed > 0 ? 1000 / elapsed : 0;
    const out: TimeSplit[] = new Array(this.nodes);
    for (let i = 0; i < this.nodes; i++) {
      const busy = Math.min(1000, Math.round(this.busyMs[i]! * scale));
      const bp = Math.min(1000 - busy, Math.round(this.bpMs[i]! * scale));
      out[i] = { busyTimeMsPerSecond: busy, backPressuredTimeMsPerSecond: bp, idleTimeMsPerSecond: elapsed > 0 ? 1000 - busy - bp : 1000 };
      this.busyMs[i] = 0;
      this.bpMs[i] = 0;
    }
    return out;
  }

  private switchTo(mode: Mode): void {
    this.close(this.clock());
    this.mode = mode;
  }

  private close(now: number): void {
    const dt = now - this.since;
    this.since = now;
    if (dt <= 0) return;
    if (this.mode === BUSY) {
      for (let i = 0; i < this.nodes; i++) this.busyMs[i]! += dt;
    } else if (this.mode === BACKPRESSURED) {
      for (const i of this.upstream) this.bpMs[i]! += dt;
      for (const i of this.waitedOn) this.busyMs[i]! += dt;
    }
  }
}
