import { describe, expect, it } from 'vitest';
import type { KafkaSinkOperator } from '@weir/compiler';
import { KafkaSink } from './kafka-sink';

interface Request {
  topic: string;
  messages: { key: string | null; value: string }[];
  done: () => void;
  fail: (e: Error) => void;
}

/** A stand-in for the producer's `send` that completes each request when the test says so. */
function sender() {
  const requests: Request[] = [];
  return {
    requests,
    send: (r: { topic: string; messages: { key: string | null; value: string }[] }) =>
      new Promise<never>((resolve, reject) => requests.push({ ...r, done: () => resolve(undefined as never), fail: reject })),
  };
}

const op = {
  id: 'out', kind: 'sink', sink: 'kafka', topic: 'out-topic', cluster: 'default', key: null,
  schema: [{ name: 'n', type: 'int' }],
} as unknown as KafkaSinkOperator;

const host = () => ({ failures: [] as unknown[], fullChanged() {}, fail(e: unknown) { this.failures.push(e); } });
const tick = () => new Promise((r) => setImmediate(r));

describe('KafkaSink', () => {
  it('joins the batches handed over while a request is out into the next request, in order', async () => {
    const s = sender();
    const sink = new KafkaSink(op, s as never, { capacity: 100, batchSize: 2, maxInFlight: 3 }, host());
    for (let n = 0; n < 6; n++) sink.write({ n });
    await tick();
    expect(s.requests.map((r) => r.messages.map((m) => m.value))).toEqual([['{"n":0}', '{"n":1}']]);
    let acked = 0;
    void sink.whenAcked(2).then(() => (acked = 2));
    void sink.whenAcked(6).then(() => (acked = 6));
    s.requests[0]!.done();
    await tick();
    expect(acked).toBe(2);
    expect(s.requests).toHaveLength(2);
    expect(s.requests[1]!.messages.map((m) => m.value)).toEqual(['{"n":2}', '{"n":3}', '{"n":4}', '{"n":5}']);
    expect(s.requests[1]!.topic).toBe('out-topic');
    s.requests[1]!.done();
    await tick();
    expect(acked).toBe(6);
    expect(sink.pending).toBe(0);
  });

  it('joins no more than about 512 KB into one request, always at least one batch', async () => {
    const s = sender();
    const big = { ...op, schema: [{ name: 's', type: 'string' }] } as unknown as KafkaSinkOperator;
    const sink = new KafkaSink(big, s as never, { capacity: 100, batchSize: 1, maxInFlight: 10 }, host());
    const text = 'x'.repeat(200 * 1024);
    for (let i = 0; i < 5; i++) sink.write({ s: text });
    await tick();
    s.requests[0]!.done();
    await tick();
    expect(s.requests.map((r) => r.messages.length)).toEqual([1, 2]);
    s.requests[1]!.done();
    await tick();
    expect(s.requests.map((r) => r.messages.length)).toEqual([1, 2, 2]);
    s.requests[2]!.done();
    await tick();
    expect(sink.pending).toBe(0);
  });

  it('fails every batch of a failed request with SINK_FAILED naming the node and topic', async () => {
    const s = sender();
    const h = host();
    const sink = new KafkaSink(op, s as never, { capacity: 100, batchSize: 1, maxInFlight: 3 }, h);
    for (let n = 0; n < 3; n++) sink.write({ n });
    await tick();
    s.requests[0]!.done();
    await tick();
    s.requests[1]!.fail(new Error('broker gone'));
    await tick();
    expect(h.failures).toHaveLength(1);
    expect(h.failures[0]).toMatchObject({ code: 'SINK_FAILED', message: expect.stringContaining('kafka-sink out: writing to topic out-topic failed: broker gone') });
    await expect(sink.whenAcked(3)).rejects.toMatchObject({ code: 'SINK_FAILED' });
  });
});
