import { describe, expect, it } from 'vitest';
import { createKafka } from '@weir/kafka';
import { testBrokers, uniqueName } from '@weir/kafka/testing';
import type { Field } from '@weir/model/field';
import { DEAD_LETTER_HEADERS } from '../sinks/dead-letter';
import { kafkaSource, nameOf, pipeline } from '../testing/documents';
import { deployDocument, produce, readTopic, waitFor } from '../testing/kafka-io';

const T0 = Date.UTC(2026, 0, 1);
const SCHEMA: Field[] = [{ name: 'id', type: 'int' }, { name: 'ts', type: 'timestamp' }];
const rows = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => ({ partition: 0, value: JSON.stringify({ id: from + i, ts: T0 + (from + i) * 1000 }) }));

function previewDoc(name: string, topic: string, source: Record<string, unknown>, schema = SCHEMA): unknown {
  return pipeline(name, [
    kafkaSource('src', topic, schema, source),
    { id: 'out', kind: 'preview-sink', config: { limit: 1000 } },
  ], [['src', 'out']]);
}

function deployOf(brokers: string, jobId: string) {
  return { jobId, kafkaClusters: { default: { brokers } } };
}

describe('kafka-source on real Kafka', () => {
  it('decodes csv (quoted fields) and text', async () => {
    const brokers = testBrokers();
    const csv = uniqueName('src-csv');
    const text = uniqueName('src-text');
    await produce(brokers, csv, 1, [
      { partition: 0, value: '1,"a, ""quoted"" name",2026-01-01T00:00:01Z' },
      { partition: 0, value: '2,,1767225602000' },
    ]);
    await produce(brokers, text, 1, [{ partition: 0, value: 'first line' }, { partition: 0, value: 'second, "line"' }]);
    const csvSchema: Field[] = [{ name: 'id', type: 'int' }, { name: 'name', type: 'string' }, { name: 'ts', type: 'timestamp' }];
    const a = await deployDocument(previewDoc(nameOf(csv), csv, { format: 'csv' }, csvSchema), deployOf(brokers, nameOf(csv)), { mode: 'in-thread' });
    const b = await deployDocument(previewDoc(nameOf(text), text, { format: 'text' }, [{ name: 'line', type: 'string' }]), deployOf(brokers, nameOf(text)), { mode: 'in-thread' });
    const [ra, rb] = await Promise.all([a.finished, b.finished]);
    expect(ra.job.previewRows('out')).toEqual([
      { id: 1, name: 'a, "quoted" name', ts: '2026-01-01T00:00:01.000Z' },
      { id: 2, name: null, ts: '2026-01-01T00:00:02.000Z' },
    ]);
    expect(rb.job.previewRows('out')).toEqual([{ line: 'first line' }, { line: 'second, "line"' }]);
  });

  it('startFrom latest reads only what arrives after the start, and a stop commits it for startFrom committed', async () => {
    const brokers = testBrokers();
    const topic = uniqueName('src-latest');
    const jobId = nameOf(topic);
    await produce(brokers, topic, 1, rows(0, 5));
    const latest = await deployDocument(previewDoc(jobId, topic, { startFrom: 'latest', bounded: undefined }), deployOf(brokers, jobId), { mode: 'in-thread' });
    await waitFor('RUNNING', () => latest.job.status().state === 'RUNNING');
    await produce(brokers, topic, 1, rows(5, 8));
    await waitFor('3 new rows', () => latest.job.previewRows('out').length === 3);
    expect((await latest.job.stop()).state).toBe('CANCELED');
    expect(latest.job.previewRows('out').map((r) => r.id)).toEqual([5, 6, 7]);

    await produce(brokers, topic, 1, rows(8, 12));
    const committed = await deployDocument(previewDoc(jobId, topic, { startFrom: 'committed', bounded: 'latest' }), deployOf(brokers, jobId), { mode: 'in-thread' });
    const { job } = await committed.finished;
    expect(job.status().state).toBe('FINISHED');
    expect(job.previewRows('out').map((r) => r.id)).toEqual([8, 9, 10, 11]);
  });

  it('startFrom and bounded by timestamp read the records between the two instants', async () => {
    const brokers = testBrokers();
    const topic = uniqueName('src-ts');
    await produce(brokers, topic, 2, rows(0, 10).map((m, i) => ({ ...m, partition: i % 2, timestamp: T0 + i * 1000 })));
    const source = { startFrom: { timestamp: new Date(T0 + 5000).toISOString() }, bounded: { timestamp: new Date(T0 + 8000).toISOString() } };
    const run = await deployDocument(previewDoc(nameOf(topic), topic, source), deployOf(brokers, nameOf(topic)), { mode: 'in-thread' });
    const { job, snapshots } = await run.finished;
    expect(job.status().state).toBe('FINISHED');
    expect(job.previewRows('out').map((r) => r.id).sort()).toEqual([5, 6, 7]);
    expect(snapshots[snapshots.length - 1]?.progress).toBe(1);
  });

  it('reads every partition of a bounded source whose first partition is empty', async () => {
    const brokers = testBrokers();
    const topic = uniqueName('src-empty0');
    await produce(brokers, topic, 3, rows(0, 6).map((m, i) => ({ ...m, partition: 1 + (i % 2) })));
    const run = await deployDocument(previewDoc(nameOf(topic), topic, {}), deployOf(brokers, nameOf(topic)), { mode: 'in-thread' });
    const { job } = await run.finished;
    expect(job.status().state).toBe('FINISHED');
    expect(job.previewRows('out').map((r) => r.id).sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('finishes a bounded read of transactional input that ends with a commit marker', async () => {
    const brokers = testBrokers();
    const topic = uniqueName('src-txn');
    await produce(brokers, topic, 1, []);
    const producer = createKafka({ brokers }).producer({ transactionalId: `${topic}-tx`, idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const txn = await producer.transaction();
    await txn.send({ topic, messages: rows(0, 10).map((m) => ({ value: m.value, partition: 0 })) });
    await txn.commit();
    await producer.disconnect();
    // The broker writes the commit marker after answering the commit; end offsets are read_committed (the LSO).
    const admin = createKafka({ brokers }).admin();
    await admin.connect();
    await waitFor('the commit marker', async () => Number((await admin.fetchTopicOffsets(topic))[0]?.high) === 11);
    await admin.disconnect();
    const run = await deployDocument(previewDoc(nameOf(topic), topic, {}), deployOf(brokers, nameOf(topic)), { mode: 'in-thread' });
    const { job } = await run.finished;
    expect(job.status().state).toBe('FINISHED');
    expect(job.previewRows('out')).toHaveLength(10);
    // 10 records and the transaction's commit marker.
    expect(job.latestMetrics()?.partitions[0]).toMatchObject({ offset: 11, endOffset: 11, lag: 0 });
  });

  it('picks up partitions added while it runs', async () => {
    const brokers = testBrokers();
    const topic = uniqueName('src-grow');
    await produce(brokers, topic, 1, rows(0, 2));
    const run = await deployDocument(previewDoc(nameOf(topic), topic, { bounded: undefined }), deployOf(brokers, nameOf(topic)), { mode: 'in-thread', tuning: { metadataMaxAgeMs: 500 } });
    await waitFor('the first rows', () => run.job.previewRows('out').length === 2);
    const admin = createKafka({ brokers }).admin();
    await admin.connect();
    await admin.createPartitions({ topicPartitions: [{ topic, count: 2 }] });
    await admin.disconnect();
    await produce(brokers, topic, 2, rows(2, 4).map((m) => ({ ...m, partition: 1 })));
    await waitFor('rows of the new partition', () => run.job.previewRows('out').length === 4, 30_000);
    await run.job.stop();
    expect(run.job.latestMetrics()?.partitions.map((p) => p.partition)).toEqual([0, 1]);
  });

  it('counts late records and dead-letters them with reason late', async () => {
    const brokers = testBrokers();
    const topic = uniqueName('src-late');
    const dlq = `${topic}.dlq`;
    await produce(brokers, topic, 1, rows(0, 10));
    const doc = pipeline(nameOf(topic), [
      kafkaSource('src', topic, SCHEMA, { bounded: undefined, eventTime: { field: 'ts' } }),
      { id: 'w', kind: 'tumbling-window', config: { size: '2s', keyBy: [], aggregates: [{ fn: 'count', as: 'n' }] } },
      { id: 'out', kind: 'preview-sink', config: {} },
    ], [['src', 'w'], ['w', 'out']], { onError: { policy: 'dead-letter', topic: dlq } });
    const run = await deployDocument(doc, deployOf(brokers, nameOf(topic)), { mode: 'in-thread' });
    await waitFor('the watermark to pass 9 s', () => (run.job.latestMetrics()?.nodes.w?.currentWatermark ?? 0) >= T0 + 9000);
    const late = { partition: 0, value: JSON.stringify({ id: 99, ts: T0 + 500 }) };
    await produce(brokers, topic, 1, [late]);
    await waitFor('a late record', () => (run.job.latestMetrics()?.nodes.w?.lateRecords ?? 0) === 1);
    await run.job.stop();
    expect(run.job.previewRows('out').map((r) => r.n)).toEqual([2, 2, 2, 2]);
    const letters = await readTopic(brokers, dlq);
    expect(letters).toHaveLength(1);
    expect(letters[0]?.value).toBe(late.value);
    expect(letters[0]?.headers).toMatchObject({ [DEAD_LETTER_HEADERS.reason]: 'late', [DEAD_LETTER_HEADERS.node]: 'w', [DEAD_LETTER_HEADERS.offset]: '10' });
  });
});
