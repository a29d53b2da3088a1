import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKafka } from '@weir/kafka';
import { testBrokers, uniqueName } from '@weir/kafka/testing';
import type { Field } from '@weir/model/field';
import { readCommitted } from '../testing/read-committed';
import { kafkaSource, nameOf, pipeline } from '../testing/documents';
import { deployDocument, produce, waitFor, type InputMessage } from '../testing/kafka-io';
import { checkpointIdOfMetadata } from './checkpoint-file';

const SCHEMA: Field[] = [{ name: 'seq', type: 'int' }];

function input(from: number, to: number): InputMessage[] {
  return Array.from({ length: to - from }, (_, i) => ({ partition: (from + i) % 3, value: JSON.stringify({ seq: from + i }) }));
}

function doc(topic: string, out: string, bounded: boolean): unknown {
  return pipeline(nameOf(topic), [
    kafkaSource('src', topic, SCHEMA, bounded ? {} : { bounded: undefined }),
    { id: 'double', kind: 'map', config: { select: [{ name: 'seq', expr: 'seq' }, { name: 'twice', expr: 'seq * 2' }] } },
    { id: 'sink', kind: 'kafka-sink', config: { topic: out } },
  ], [['src', 'double'], ['double', 'sink']], { delivery: 'exactly-once' });
}

async function committed(brokers: string, groupId: string, topic: string): Promise<{ offset: number; metadata: string | null }[]> {
  const admin = createKafka({ brokers }).admin();
  await admin.connect();
  try {
    const [t] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return (t?.partitions ?? []).map((p) => ({ offset: Number(p.offset), metadata: (p as { metadata?: string | null }).metadata ?? null }));
  } finally {
    await admin.disconnect();
  }
}

function seqs(messages: { value: string }[]): number[] {
  return messages.map((m) => (JSON.parse(m.value) as { seq: number }).seq).sort((a, b) => a - b);
}

describe('exactly-once on real Kafka', () => {
  it('commits output and offsets in one transaction per checkpoint, the offsets naming the checkpoint', async () => {
    const brokers = testBrokers();
    const topic = uniqueName('eo-in');
    const out = `${topic}.out`;
    const N = 3000;
    await produce(brokers, topic, 3, input(0, N));
    const jobId = nameOf(topic);
    const dataDir = await mkdtemp(join(tmpdir(), 'weir-eo-'));
    const run = await deployDocument(doc(topic, out, true), { jobId, kafkaClusters: { default: { brokers } }, dataDir }, { mode: 'in-thread', tuning: { commitIntervalMs: 200, kafkaSinkBatchSize: 100 } });
    const { job, snapshots } = await run.finished;
    expect(job.status().error).toBeUndefined();
    expect(job.status().state).toBe('FINISHED');
    expect(seqs(await readCommitted(brokers, out))).toEqual(Array.from({ length: N }, (_, i) => i));
    const offsets = await committed(brokers, `weir.${jobId}.src`, topic);
    const last = snapshots[snapshots.length - 1]!.checkpoints.lastCompleted;
    expect(offsets.reduce((n, o) => n + o.offset, 0)).toBe(N);
    expect(offsets.map((o) => checkpointIdOfMetadata(o.metadata))).toEqual(offsets.map(() => last?.id));
  });

  it('fences an older instance of the job: its commits fail, and the output has every record once', async () => {
    const brokers = testBrokers();
    const topic = uniqueName('eo-fence');
    const out = `${topic}.out`;
    const N = 2000;
    await produce(brokers, topic, 3, input(0, N / 2));
    const jobId = nameOf(topic);
    const dataDir = await mkdtemp(join(tmpdir(), 'weir-eo-'));
    const deploy = { jobId, kafkaClusters: { default: { brokers } }, dataDir };
    const tuning = { commitIntervalMs: 300, kafkaSinkBatchSize: 100 };
    const old = await deployDocument(doc(topic, out, false), deploy, { mode: 'in-thread', tuning });
    await waitFor('the old instance to checkpoint part of the input', () => (old.job.latestMetrics()?.checkpoints.completed ?? 0) > 1 && (old.job.latestMetrics()?.nodes.src?.recordsOutTotal ?? 0) > 0);

    // The replacement starts while the old one still runs (as after a pause): it takes over the transactional id.
    const replacement = await deployDocument(doc(topic, out, false), deploy, { mode: 'in-thread', tuning });
    const oldEnd = await old.finished;
    expect(oldEnd.job.status().state).toBe('FAILED');
    expect(oldEnd.job.status().error?.code).toBe('PRODUCER_FENCED');

    await produce(brokers, topic, 3, input(N / 2, N));
    await waitFor('the replacement to read everything', async () => {
      const o = await committed(brokers, `weir.${jobId}.src`, topic);
      return o.reduce((n, p) => n + Math.max(0, p.offset), 0) >= N;
    }, 60_000);
    await replacement.job.stop();
    const end = await replacement.finished;
    expect(end.job.status().error).toBeUndefined();
    expect(seqs(await readCommitted(brokers, out))).toEqual(Array.from({ length: N }, (_, i) => i));
  });
});
