import { describe, expect, it } from 'vitest';
import { DatagenError } from './datagen-error';
import { getGenerator } from './generators';
import { produceLoop, toMessage, type DatagenProgress, type OutMessage } from './produce-loop';
import { FAST_BATCH_SIZE, MAX_BATCH_BYTES } from './rate-limiter';

// The loop's own bookkeeping against an in-memory send; writing to a real broker is
// covered by datagen.int.test.ts.
function collector() {
  const batches: OutMessage[][] = [];
  return { batches, send: async (messages: OutMessage[]) => { batches.push(messages); } };
}

describe('produceLoop', () => {
  it('sends exactly `count` records, in order, in batches no larger than the fast batch size', async () => {
    const { batches, send } = collector();
    const count = FAST_BATCH_SIZE * 2 + 123;
    const progress: DatagenProgress[] = [];
    const result = await produceLoop({
      records: getGenerator('orders').create(42),
      send,
      count,
      onProgress: (p) => progress.push(p),
    });
    expect(result.produced).toBe(count);
    expect(batches.map((b) => b.length)).toEqual([FAST_BATCH_SIZE, FAST_BATCH_SIZE, 123]);
    const expected = getGenerator('orders').create(42);
    for (const message of batches.flat()) expect(message).toEqual(toMessage(expected.next().value as never));
    expect(progress.at(-1)).toMatchObject({ produced: count, done: true });
  });

  it('keeps each send under the byte cap however large the records', async () => {
    const { batches, send } = collector();
    const count = 3 * FAST_BATCH_SIZE;
    await produceLoop({ records: getGenerator('nexmark-auctions').create(42), send, count });
    expect(batches.flat().length).toBe(count);
    for (const batch of batches) {
      const bytes = batch.reduce((n, m) => n + m.key.length + m.value.length, 0);
      const last = batch.at(-1)!;
      expect(bytes - last.key.length - last.value.length).toBeLessThan(MAX_BATCH_BYTES);
    }
    // Auctions average over 600 bytes, so the cap, not the count, ends most batches.
    expect(batches.length).toBeGreaterThan(3);
  });

  it('writes keys, JSON values and timestamps as kafkajs expects', () => {
    const record = getGenerator('orders').create(1).next().value!;
    const message = toMessage(record);
    expect(message.key).toBe(record.key);
    expect(JSON.parse(message.value)).toEqual(record.value);
    expect(message.timestamp).toBe(String(record.timestamp));
  });

  it('writes nothing for a count of 0', async () => {
    const { batches, send } = collector();
    expect((await produceLoop({ records: getGenerator('logs').create(42), send, count: 0 })).produced).toBe(0);
    expect(batches).toEqual([]);
  });

  it('stops an endless run when the signal aborts and counts what was acknowledged', async () => {
    const abort = new AbortController();
    let sent = 0;
    const result = await produceLoop({
      records: getGenerator('clicks').create(42),
      send: async (messages) => {
        sent += messages.length;
        if (sent >= 3 * FAST_BATCH_SIZE) abort.abort();
      },
      signal: abort.signal,
    });
    expect(result.produced).toBe(sent);
    expect(sent).toBeGreaterThanOrEqual(3 * FAST_BATCH_SIZE);
  });

  it('fails with PRODUCE_FAILED when a send is rejected', async () => {
    let calls = 0;
    const run = produceLoop({
      records: getGenerator('clicks').create(42),
      send: async () => {
        if (++calls === 2) throw new Error('broker went away');
      },
      count: 10 * FAST_BATCH_SIZE,
    });
    await expect(run).rejects.toBeInstanceOf(DatagenError);
    await expect(run).rejects.toMatchObject({ code: 'PRODUCE_FAILED', message: expect.stringContaining('broker went away') });
  });
});
