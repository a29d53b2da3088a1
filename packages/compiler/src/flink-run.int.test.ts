import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKafka, ensureTopics, type Kafka } from '@weir/kafka';
import { testBrokers, uniqueName } from '@weir/kafka/testing';
import { compile } from './compile';
import { FIXTURES_DIR } from './testing/fixtures';
import { flinkCheckClasspath, planScripts } from './testing/flink-check';

/**
 * Golden pipelines run on Flink (a local mini cluster) against the real test broker, with
 * results worked out by hand from their input.json: windows fire at the end of bounded input,
 * keys and timestamps are written as pipeline-format.md says, the interval join pairs exactly
 * the rows within its bounds.
 */

interface Output {
  key: string | null;
  value: Record<string, unknown>;
}

let kafka: Kafka;
let classpath = '';
let run = '';

beforeAll(() => {
  kafka = createKafka({ brokers: testBrokers() });
  classpath = flinkCheckClasspath();
}, 900_000);


/** A fixture, with a fresh topic prefix for its run (two fixtures may read the same topic). */
function fixture(name: string): { pipeline: Record<string, unknown>; input: Record<string, unknown[]> } {
  run = uniqueName(`flink-run-${name}`);
  const dir = join(FIXTURES_DIR, name);
  return {
    pipeline: JSON.parse(readFileSync(join(dir, 'pipeline.json'), 'utf8')) as Record<string, unknown>,
    input: JSON.parse(readFileSync(join(dir, 'input.json'), 'utf8')) as Record<string, unknown[]>,
  };
}

/**
 * The pipeline with every topic renamed for this run, so reruns and other tests never meet,
 * and every source bounded, so the job ends when the input is read and every window has fired.
 */
function retarget(pipeline: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(pipeline) as { nodes: { kind: string; config?: { topic?: string; bounded?: string } }[] };
  for (const node of copy.nodes) {
    if (node.config?.topic) node.config.topic = `${run}.${node.config.topic}`;
    if (node.kind === 'kafka-source' && node.config) node.config.bounded = 'latest';
  }
  return copy as unknown as Record<string, unknown>;
}

/** Creates every topic of the job (the test broker does not create topics on first use) and writes the input. */
async function produce(pipeline: Record<string, unknown>, input: Record<string, unknown[]>): Promise<void> {
  const topics = (pipeline.nodes as { config?: { topic?: string } }[]).flatMap((n) => (n.config?.topic ? [`${run}.${n.config.topic}`] : []));
  const admin = kafka.admin();
  await admin.connect();
  try {
    await ensureTopics(admin, topics.map((topic) => ({ topic, partitions: 1 })));
  } finally {
    await admin.disconnect();
  }
  const producer = kafka.producer();
  await producer.connect();
  try {
    for (const [topic, rows] of Object.entries(input)) {
      await producer.send({ topic: `${run}.${topic}`, messages: rows.map((r) => ({ value: typeof r === 'string' ? r : JSON.stringify(r) })) });
    }
  } finally {
    await producer.disconnect();
  }
}

/** Every committed record of a topic the finished job wrote. */
async function consume(topic: string, expected: number): Promise<Output[]> {
  const consumer = kafka.consumer({ groupId: uniqueName('check'), readUncommitted: false });
  const out: Output[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [`${run}.${topic}`], fromBeginning: true });
    let last = Date.now();
    await consumer.run({
      eachMessage: async ({ message }) => {
        out.push({ key: message.key === null ? null : message.key.toString(), value: JSON.parse(message.value?.toString() ?? 'null') as Record<string, unknown> });
        last = Date.now();
      },
    });
    // The job has ended, so the topic is complete: read until the expected count, then a quiet second for any extra.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (out.length < expected || Date.now() - last < 1_000)) await new Promise((r) => setTimeout(r, 100));
  } finally {
    await consumer.disconnect();
  }
  return out;
}

function runOnFlink(name: string, pipeline: Record<string, unknown>): void {
  const result = compile(retarget(pipeline), 'flink-sql', { brokers: testBrokers(), resourcePrefix: `weir.${run}` });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  if (result.target !== 'flink-sql') throw new Error('wrong target');
  const outcome = planScripts(classpath, { [name]: result.statements }, true);
  expect(outcome[name]).toBeNull();
}

const byKey = (a: Output, b: Output) => JSON.stringify(a).localeCompare(JSON.stringify(b));

describe('golden pipelines on Flink', () => {
  it('revenue-per-category: one row per category and minute, keyed by the category', async () => {
    const { pipeline, input } = fixture('revenue-per-category');
    await produce(pipeline, input);
    runOnFlink('revenue-per-category', pipeline);
    const rows = await consume('revenue', 5);
    const w = (m: number) => `2026-01-01T00:0${m}:00.000Z`;
    expect(rows.sort(byKey)).toEqual([
      { key: 'books', value: { category: 'books', window_start: w(0), window_end: w(1), revenue: 12.5 + 300, orders: 2 } },
      { key: 'books', value: { category: 'books', window_start: w(1), window_end: w(2), revenue: 42, orders: 1 } },
      { key: 'games', value: { category: 'games', window_start: w(0), window_end: w(1), revenue: 59.99 + 15, orders: 2 } },
      { key: 'games', value: { category: 'games', window_start: w(1), window_end: w(2), revenue: 18, orders: 1 } },
      { key: 'toys', value: { category: 'toys', window_start: w(0), window_end: w(1), revenue: 120, orders: 1 } },
    ].sort(byKey));
  }, 600_000);

  it('kafka-sink-keys: keys as text, as a JSON object, or absent; timestamps in ISO-8601', async () => {
    const { pipeline, input } = fixture('kafka-sink-keys');
    await produce(pipeline, input);
    runOnFlink('kafka-sink-keys', pipeline);
    const orders = input.orders as { order_id: string; category: string; amount: number | null; qty: number | null; ts: string | number }[];
    const values = orders.map((o) => ({ ...o, ts: new Date(o.ts).toISOString() }));
    const expectKeys = async (topic: string, key: (o: (typeof values)[number]) => string | null) => {
      const rows = await consume(topic, values.length);
      expect(rows.sort(byKey)).toEqual(values.map((v) => ({ key: key(v), value: v })).sort(byKey));
    };
    await expectKeys('orders-by-category', (o) => o.category);
    await expectKeys('orders-by-qty', (o) => (o.qty === null ? null : String(o.qty)));
    await expectKeys('orders-by-category-and-id', (o) => JSON.stringify({ category: o.category, order_id: o.order_id }));
    await expectKeys('orders-by-time', (o) => o.ts);
    await expectKeys('orders-unkeyed', () => null);
  }, 600_000);

  it('interval-join: every bid within [-500ms, 5s] of its auction opening, and no other', async () => {
    const { pipeline, input } = fixture('interval-join');
    await produce(pipeline, input);
    runOnFlink('interval-join', pipeline);
    const rows = await consume('early-bids', 6);
    const t = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms).toISOString();
    const row = (auction: number, item: string, opened: number, bidder: number, price: number, at: number): Output => ({
      key: JSON.stringify({ auction, bidder }),
      value: { auction, item, bidder, price, opened: t(opened), bid_time: t(at) },
    });
    expect(rows.sort(byKey)).toEqual([
      row(1000, 'lamp', 0, 2001, 120, 100),
      row(1000, 'lamp', 0, 2002, 150, 1200),
      row(1000, 'lamp', 0, 2003, 170, 3900),
      row(1001, 'chair', 2000, 2001, 80, 2500),
      row(1001, 'chair', 2000, 2002, 95, 4100),
      row(1002, 'desk', 5500, 2001, 300, 6000),
    ].sort(byKey));
  }, 600_000);
});
