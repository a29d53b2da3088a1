// `weir datagen` against the real broker of the integration setup.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createKafka } from '@weir/kafka';
import { testBrokers, uniqueName } from '@weir/kafka/testing';
import { getGenerator } from './generators';
import { toMessage } from './produce-loop';
import { runDatagen } from './run-datagen';

const BIN = fileURLToPath(new URL('../bin.ts', import.meta.url));

interface Read {
  key: string;
  value: string;
  timestamp: string;
  partition: number;
}

function weir(args: string[]): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every record of a topic, after checking that its end offsets add up to `expected`. */
async function readTopic(brokers: string, topic: string, expected: number): Promise<Read[]> {
  const kafka = createKafka({ brokers, clientId: 'datagen-int-test' });
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  expect(offsets.reduce((n, p) => n + Number(p.high) - Number(p.low), 0)).toBe(expected);

  const consumer = kafka.consumer({ groupId: uniqueName('datagen-int') });
  const out: Read[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`read ${out.length} of ${expected} records of ${topic}`)), 60_000);
    void consumer.run({
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) {
          out.push({ key: m.key?.toString() ?? '', value: m.value?.toString() ?? '', timestamp: m.timestamp, partition: batch.partition });
        }
        if (out.length >= expected) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await consumer.disconnect();
  return out;
}

function canonical(records: Array<{ key: string; value: string; timestamp: string }>): string[] {
  return records.map((r) => `${r.key}\t${r.timestamp}\t${r.value}`).sort();
}

describe('weir datagen with a real broker', () => {
  const brokers = testBrokers();

  it('writes exactly --count records, readable back, identical for the same seed', async () => {
    const count = 2500;
    const first = uniqueName('dg-orders-a');
    const second = uniqueName('dg-orders-b');
    const cli = await weir(['datagen', 'orders', '--topic', first, '--count', String(count), '--seed', '7', '--brokers', brokers]);
    expect(cli.stderr).toContain(`wrote 2,500 orders records to topic "${first}"`);
    expect(cli.code).toBe(0);
    const viaApi = await runDatagen({ generator: 'orders', topic: second, brokers, count, seed: 7 });
    expect(viaApi.produced).toBe(count);

    const a = await readTopic(brokers, first, count);
    const b = await readTopic(brokers, second, count);
    expect(new Set(a.map((r) => r.partition)).size).toBe(3);
    expect(canonical(a)).toEqual(canonical(b));
    const gen = getGenerator('orders').create(7);
    const expected = Array.from({ length: count }, () => toMessage(gen.next().value!));
    expect(canonical(a)).toEqual(canonical(expected));
  });

  it('reuses an existing topic and keys Nexmark bids by auction', async () => {
    const topic = uniqueName('dg-bids');
    expect((await runDatagen({ generator: 'nexmark-bids', topic, brokers, count: 1000, partitions: 2 })).produced).toBe(1000);
    expect((await runDatagen({ generator: 'nexmark-bids', topic, brokers, count: 500, partitions: 5 })).produced).toBe(500);
    const records = await readTopic(brokers, topic, 1500);
    expect(new Set(records.map((r) => r.partition))).toEqual(new Set([0, 1]));
    for (const r of records) {
      const bid = JSON.parse(r.value) as { auction: number; dateTime: number };
      expect(r.key).toBe(String(bid.auction));
      expect(r.timestamp).toBe(String(bid.dateTime));
    }
  });

  it('exits 2 with the list of generators for an unknown one', async () => {
    const cli = await weir(['datagen', 'tweets', '--topic', 'x', '--brokers', brokers]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('unknown generator "tweets"');
    expect(cli.stderr).toContain('nexmark-bids');
  });

  it('exits 1 naming the brokers when none answers', async () => {
    const cli = await weir(['datagen', 'orders', '--topic', 'x', '--count', '1', '--brokers', '127.0.0.1:1']);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('127.0.0.1:1');
    expect(cli.stderr).toMatch(/No Kafka broker answered/);
  });
});
