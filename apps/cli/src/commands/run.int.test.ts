import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createKafka, ensureTopics } from '@weir/kafka';
import { testBrokers, uniqueName } from '@weir/kafka/testing';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

interface Result { status: number | null; stderr: string }

/** Runs the real `weir` entry point; `onStderr` sees stderr as it comes (to send Ctrl-C at the right moment). */
function weir(args: string[], onStderr?: (text: string, child: ReturnType<typeof spawn>) => void): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/cli/src/bin.ts', ...args], { cwd: ROOT, env: { ...process.env, KAFKA_BROKERS: '' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      onStderr?.(stderr, child);
    });
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

function documentFile(name: string, topic: string, bounded: boolean): string {
  const doc = {
    version: 1, name,
    nodes: [
      { id: 'src', kind: 'kafka-source', config: { topic, schema: [{ name: 'n', type: 'int' }], startFrom: 'earliest', ...(bounded ? { bounded: 'latest' } : {}) } },
      { id: 'big', kind: 'filter', config: { where: 'n >= 50' } },
      { id: 'out', kind: 'kafka-sink', config: { topic: `${topic}-out` } },
    ],
    edges: [{ from: 'src', to: 'big' }, { from: 'big', to: 'out' }],
  };
  const path = join(mkdtempSync(join(tmpdir(), 'weir-run-int-')), 'pipeline.json');
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

async function fill(brokers: string, topic: string, count: number): Promise<void> {
  const kafka = createKafka({ brokers });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, [{ topic, partitions: 2 }]);
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: Array.from({ length: count }, (_, n) => ({ value: JSON.stringify({ n }) })) });
  await producer.disconnect();
}

describe('weir run against a real broker', () => {
  it('runs a bounded pipeline to the end, with progress on stderr, and exits 0', async () => {
    const brokers = testBrokers();
    const topic = uniqueName('cli-run');
    await fill(brokers, topic, 100);
    const r = await weir(['run', documentFile(topic.toLowerCase(), topic, true), '--brokers', brokers]);
    expect(r.stderr, r.stderr).toContain('% done');
    expect(r.stderr, r.stderr).toContain('100 records read, 50 written');
    expect(r.status, r.stderr).toBe(0);
  });

  it('runs a bounded pipeline that finished again as a new run from its startFrom, and says so', async () => {
    const brokers = testBrokers();
    const topic = uniqueName('cli-rerun');
    await fill(brokers, topic, 100);
    // startFrom is earliest here, so a new run rereads the topic; resuming the finished run would read nothing.
    const file = documentFile(topic.toLowerCase(), topic, true);
    const first = await weir(['run', file, '--brokers', brokers]);
    expect(first.status, first.stderr).toBe(0);
    const again = await weir(['run', file, '--brokers', brokers]);
    expect(again.stderr, again.stderr).toMatch(/its last run read all its input and finished \(checkpoint \d+, /);
    expect(again.stderr, again.stderr).toContain('this is a new run');
    expect(again.stderr, again.stderr).toContain('100 records read, 50 written');
    expect(again.status, again.stderr).toBe(0);
  });

  it('names a missing topic and exits 1', async () => {
    const brokers = testBrokers();
    const topic = uniqueName('cli-missing');
    const r = await weir(['run', documentFile(topic.toLowerCase(), topic, true), '--brokers', brokers]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`[TOPIC_NOT_FOUND] kafka-source src: topic ${topic} does not exist`);
  });

  it('stops an unbounded pipeline cleanly on Ctrl-C and commits what was written', async () => {
    const brokers = testBrokers();
    const topic = uniqueName('cli-stop');
    await fill(brokers, topic, 100);
    const name = topic.toLowerCase();
    let sent = false;
    const r = await weir(['run', documentFile(name, topic, false), '--brokers', brokers], (text, child) => {
      if (!sent && text.includes('(100)')) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    expect(r.stderr, r.stderr).toContain('stopped after');
    expect(r.status, r.stderr).toBe(130);
    const admin = createKafka({ brokers }).admin();
    await admin.connect();
    const [offsets] = await admin.fetchOffsets({ groupId: `weir.${name}.src`, topics: [topic] });
    await admin.disconnect();
    expect(offsets?.partitions.reduce((n, p) => n + Number(p.offset), 0)).toBe(100);
  });
});
