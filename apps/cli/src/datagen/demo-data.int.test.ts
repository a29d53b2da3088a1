// Paced and live-time streams, and `weir up`'s demo data, against the real broker.
import { describe, expect, it } from 'vitest';
import { createKafka } from '@weir/kafka';
import { testBrokers, uniqueName } from '@weir/kafka/testing';
import { DEMO_SCHEMAS, DEMO_TOPICS, startDemoData } from './demo-data';
import { runDatagen } from './run-datagen';

async function endOffsets(brokers: string, topic: string): Promise<number> {
  const admin = createKafka({ brokers, clientId: 'datagen-int-test' }).admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
}

async function firstRecords(brokers: string, topic: string, n: number): Promise<Array<{ value: Record<string, unknown>; timestamp: number }>> {
  const consumer = createKafka({ brokers, clientId: 'datagen-int-test' }).consumer({ groupId: uniqueName('demo-int') });
  const out: Array<{ value: Record<string, unknown>; timestamp: number }> = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`read ${out.length} of ${n} records of ${topic}`)), 60_000);
    void consumer.run({
      eachMessage: async ({ message }) => {
        out.push({ value: JSON.parse(message.value!.toString()) as Record<string, unknown>, timestamp: Number(message.timestamp) });
        if (out.length >= n) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await consumer.disconnect();
  return out;
}

describe('paced and live datagen with a real broker', () => {
  const brokers = testBrokers();

  it('writes exactly --count records at a rate, stamped with the wall clock under liveTime', async () => {
    const topic = uniqueName('dg-logs-live');
    const before = Date.now();
    const progress: number[] = [];
    const { produced } = await runDatagen({
      generator: 'logs', topic, brokers, count: 60, rate: 40, liveTime: true,
      onProgress: (p) => progress.push(p.produced),
    });
    const after = Date.now();
    expect(produced).toBe(60);
    expect(progress.at(-1)).toBe(60);
    expect(await endOffsets(brokers, topic)).toBe(60);
    for (const r of await firstRecords(brokers, topic, 60)) {
      expect(r.timestamp).toBeGreaterThanOrEqual(before);
      expect(r.timestamp).toBeLessThanOrEqual(after);
      expect(Date.parse(r.value.ts as string)).toBe(r.timestamp);
    }
  });

  it('stops an endless run when its signal aborts', async () => {
    const topic = uniqueName('dg-clicks-endless');
    const abort = new AbortController();
    const run = runDatagen({
      generator: 'clicks', topic, brokers, rate: 200, signal: abort.signal,
      onProgress: (p) => { if (p.produced > 0) abort.abort(); },
    });
    const { produced } = await run;
    expect(produced).toBeGreaterThan(0);
    expect(await endOffsets(brokers, topic)).toBe(produced);
  });
});

describe('startDemoData', () => {
  const brokers = testBrokers();

  it('creates the demo topics and streams live records of their schemas until aborted', async () => {
    const names = Object.fromEntries(DEMO_TOPICS.map((t) => [t, uniqueName(`demo-${t}`)])) as Record<(typeof DEMO_TOPICS)[number], string>;
    const abort = new AbortController();
    const started = Date.now();
    const demo = await startDemoData({ brokers, signal: abort.signal, topics: names, rates: { orders: 50, clicks: 50, logs: 50 } });
    expect(demo.topics).toEqual(DEMO_TOPICS.map((t) => names[t]));
    const samples = await Promise.all(DEMO_TOPICS.map((t) => firstRecords(brokers, names[t], 5)));
    abort.abort();
    const { produced } = await demo.done;

    const admin = createKafka({ brokers, clientId: 'datagen-int-test' }).admin();
    await admin.connect();
    const { topics } = await admin.fetchTopicMetadata({ topics: Object.values(names) });
    await admin.disconnect();
    for (const t of topics) expect(t.partitions.length).toBe(3);

    DEMO_TOPICS.forEach((t, i) => {
      expect(produced[t]).toBeGreaterThanOrEqual(5);
      for (const r of samples[i]!) {
        expect(Object.keys(r.value)).toEqual(DEMO_SCHEMAS[t].map((f) => f.name));
        expect(r.timestamp).toBeGreaterThanOrEqual(started);
        expect(Date.parse(r.value.ts as string)).toBe(r.timestamp);
      }
    });
    for (const t of DEMO_TOPICS) expect(await endOffsets(brokers, names[t])).toBe(produced[t]);
  });
});
