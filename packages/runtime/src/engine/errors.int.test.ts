import { describe, expect, it } from 'vitest';
import { createKafka } from '@weir/kafka';
import { testBrokers, uniqueName } from '@weir/kafka/testing';
import type { Field } from '@weir/model/field';
import { DEAD_LETTER_HEADERS } from '../sinks/dead-letter';
import { kafkaSource, nameOf, pipeline } from '../testing/documents';
import { deployDocument, produce, readTopic, type InputMessage } from '../testing/kafka-io';

const SCHEMA: Field[] = [{ name: 'id', type: 'int' }, { name: 'x', type: 'int' }];

/** Ten good records and three bad ones in one partition: not JSON, a string for an int, an array. */
const INPUT: InputMessage[] = [
  ...Array.from({ length: 5 }, (_, i) => ({ partition: 0, value: JSON.stringify({ id: i, x: 1 }) })),
  { partition: 0, value: '{"id": 5,', key: 'k5' },
  { partition: 0, value: '{"id": 6, "x": "one"}' },
  { partition: 0, value: '[7]' },
  ...Array.from({ length: 5 }, (_, i) => ({ partition: 0, value: JSON.stringify({ id: 10 + i, x: i === 2 ? 0 : 1 }) })),
];

function doc(topic: string, settings: Record<string, unknown>): unknown {
  return pipeline(nameOf(`${topic}-${String((settings.onError as { policy: string }).policy)}`), [
    kafkaSource('src', topic, SCHEMA),
    // x = 0 divides by zero: an evaluation error on one record.
    { id: 'ratio', kind: 'map', config: { select: [{ name: 'id', expr: 'id' }, { name: 'r', expr: '10 / x' }] } },
    { id: 'out', kind: 'preview-sink', config: {} },
  ], [['src', 'ratio'], ['ratio', 'out']], settings);
}

async function committedOffset(brokers: string, groupId: string, topic: string): Promise<number> {
  const admin = createKafka({ brokers }).admin();
  await admin.connect();
  try {
    const [t] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return Number(t?.partitions.find((p) => p.partition === 0)?.offset ?? -1);
  } finally {
    await admin.disconnect();
  }
}

describe('onError policies on real Kafka', () => {
  it('skip: counts and drops records that cannot be decoded or evaluated', async () => {
    const brokers = testBrokers();
    const topic = uniqueName('err-skip');
    await produce(brokers, topic, 1, INPUT);
    const run = await deployDocument(doc(topic, { onError: { policy: 'skip' } }), { jobId: nameOf(topic), kafkaClusters: { default: { brokers } } }, { mode: 'in-thread' });
    const { job, snapshots } = await run.finished;
    expect(job.status().state).toBe('FINISHED');
    expect(job.previewRows('out').map((r) => r.id)).toEqual([0, 1, 2, 3, 4, 10, 11, 13, 14]);
    const last = snapshots[snapshots.length - 1]!;
    expect(last.nodes.src?.errors).toBe(3);
    expect(last.nodes.ratio?.errors).toBe(1);
  });

  it('dead-letter: writes the failing records unchanged with headers naming the error, node and origin', async () => {
    const brokers = testBrokers();
    const topic = uniqueName('err-dlq');
    const dlq = `${topic}.dlq`;
    await produce(brokers, topic, 1, INPUT);
    const run = await deployDocument(doc(topic, { onError: { policy: 'dead-letter', topic: dlq } }), { jobId: nameOf(topic), kafkaClusters: { default: { brokers } } }, { mode: 'in-thread' });
    const { job } = await run.finished;
    expect(job.status().state).toBe('FINISHED');
    expect(job.previewRows('out')).toHaveLength(9);
    // The dead-letter topic has several partitions: order the letters by their source offset.
    const letters = (await readTopic(brokers, dlq)).sort((a, b) => Number(a.headers[DEAD_LETTER_HEADERS.offset]) - Number(b.headers[DEAD_LETTER_HEADERS.offset]));
    expect(letters.map((m) => m.value)).toEqual(['{"id": 5,', '{"id": 6, "x": "one"}', '[7]', JSON.stringify({ id: 12, x: 0 })]);
    expect(letters[0]?.key).toBe('k5');
    expect(letters[0]?.headers).toMatchObject({
      [DEAD_LETTER_HEADERS.reason]: 'error',
      [DEAD_LETTER_HEADERS.code]: 'DECODE_FAILED',
      [DEAD_LETTER_HEADERS.node]: 'src',
      [DEAD_LETTER_HEADERS.topic]: topic,
      [DEAD_LETTER_HEADERS.partition]: '0',
      [DEAD_LETTER_HEADERS.offset]: '5',
    });
    expect(letters[0]?.headers[DEAD_LETTER_HEADERS.message]).toContain('not JSON');
    expect(letters[1]?.headers[DEAD_LETTER_HEADERS.message]).toContain('field x');
    expect(letters[3]?.headers).toMatchObject({
      [DEAD_LETTER_HEADERS.code]: 'EVAL_FAILED', [DEAD_LETTER_HEADERS.node]: 'ratio', [DEAD_LETTER_HEADERS.offset]: '10',
    });
    expect(letters[3]?.headers[DEAD_LETTER_HEADERS.message]).toContain('division by zero');
  });

  it('fail: the job fails naming the record, and commits nothing past it', async () => {
    const brokers = testBrokers();
    const topic = uniqueName('err-fail');
    await produce(brokers, topic, 1, INPUT);
    const name = nameOf(topic);
    const run = await deployDocument(doc(topic, { onError: { policy: 'fail' } }), { jobId: name, kafkaClusters: { default: { brokers } } }, { mode: 'in-thread' });
    const { job } = await run.finished;
    const status = job.status();
    expect(status.state).toBe('FAILED');
    expect(status.error).toMatchObject({ code: 'DECODE_FAILED', node: 'src' });
    expect(status.error?.message).toContain(`${topic} partition 0 offset 5`);
    expect(await committedOffset(brokers, `weir.${name}.src`, topic)).toBeLessThanOrEqual(5);
  });
});
