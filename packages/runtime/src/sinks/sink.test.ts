import { describe, expect, it } from 'vitest';
import { BufferedWriter, type BufferLimits, type SinkHost } from './sink';

/** A writer whose sends complete when the test says so. */
class ManualWriter extends BufferedWriter<number> {
  sent: { batch: number[]; done: () => void; fail: (e: Error) => void }[] = [];
  constructor(limits: BufferLimits, host: SinkHost) {
    super('w', limits, host);
  }
  write(n: number): void {
    this.append(n);
  }
  protected send(batch: number[]): Promise<void> {
    return new Promise((resolve, reject) => this.sent.push({ batch, done: resolve, fail: reject }));
  }
}

function host() {
  const h = { full: 0, failures: [] as unknown[], fullChanged(f: boolean) { h.full += f ? 1 : -1; }, fail(e: unknown) { h.failures.push(e); } };
  return h;
}

const tick = () => new Promise((r) => setImmediate(r));

describe('BufferedWriter', () => {
  it('sends full batches at once, a partial one when nothing is in flight, and at most maxInFlight', () => {
    const w = new ManualWriter({ capacity: 100, batchSize: 3, maxInFlight: 2 }, host());
    for (let i = 0; i < 8; i++) w.write(i);
    expect(w.sent.map((s) => s.batch)).toEqual([[0, 1, 2], [3, 4, 5]]);
    w.nudge();
    expect(w.sent).toHaveLength(2);
    expect(w.pending).toBe(8);
  });

  it('acknowledges in write order even when requests complete out of order', async () => {
    const w = new ManualWriter({ capacity: 100, batchSize: 2, maxInFlight: 2 }, host());
    for (let i = 0; i < 4; i++) w.write(i);
    const acked: number[] = [];
    void w.whenAcked(2).then(() => acked.push(2));
    void w.whenAcked(4).then(() => acked.push(4));
    w.sent[1]!.done();
    await tick();
    expect(acked).toEqual([]);
    expect(w.pending).toBe(4);
    w.sent[0]!.done();
    await tick();
    expect(acked).toEqual([2, 4]);
    expect(w.pending).toBe(0);
  });

  it('reports full at capacity and drains with hysteresis at half of it', async () => {
    const h = host();
    const w = new ManualWriter({ capacity: 4, batchSize: 2, maxInFlight: 1 }, h);
    for (let i = 0; i < 4; i++) w.write(i);
    expect(w.full).toBe(true);
    expect(h.full).toBe(1);
    let drained = false;
    void w.whenDrained().then(() => (drained = true));
    w.sent[0]!.done();
    await tick();
    expect(w.full).toBe(false);
    expect(h.full).toBe(0);
    expect(drained).toBe(true);
    expect(w.sent[1]!.batch).toEqual([2, 3]);
  });

  it('fails the job once and rejects every waiter when a write fails', async () => {
    const h = host();
    const w = new ManualWriter({ capacity: 10, batchSize: 1, maxInFlight: 2 }, h);
    w.write(1);
    w.write(2);
    const waiting = w.whenAcked(2);
    w.sent[0]!.fail(new Error('boom'));
    w.sent[1]!.fail(new Error('again'));
    await expect(waiting).rejects.toThrow('boom');
    await expect(w.whenAcked(w.appended)).rejects.toThrow('boom');
    expect(h.failures).toHaveLength(1);
  });
});
