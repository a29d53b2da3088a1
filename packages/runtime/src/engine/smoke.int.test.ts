import { describe, expect, it } from 'vitest';
import { testBrokers, uniqueName } from '@weir/kafka/testing';
import { deployDocument, produce, readTopic } from '../testing/kafka-io';
import { kafkaSource, nameOf, pipeline } from '../testing/documents';

describe('embedded engine smoke', () => {
  it('runs source → filter → map → kafka sink to the end of bounded input', async () => {
    const brokers = testBrokers();
    const input = uniqueName('smoke-in');
    const output = uniqueName('smoke-out');
    const rows = Array.from({ length: 300 }, (_, i) => ({ id: i, name: `n${i}`, ts: 1_700_000_000_000 + i * 10 }));
    await produce(brokers, input, 3, rows.map((r, i) => ({ partition: i % 3, value: JSON.stringify(r) })));
    const doc = pipeline(nameOf(input), [
      kafkaSource('src', input, [{ name: 'id', type: 'int' }, { name: 'name', type: 'string' }, { name: 'ts', type: 'timestamp' }]),
      { id: 'even', kind: 'filter', config: { where: 'id % 2 = 0' } },
      { id: 'shape', kind: 'map', config: { select: [{ name: 'id', expr: 'id' }, { name: 'label', expr: "UPPER(name) || '!'" }, { name: 'ts', expr: 'ts' }] } },
      { id: 'out', kind: 'kafka-sink', config: { topic: output, key: ['id'] } },
      { id: 'peek', kind: 'preview-sink', config: { limit: 20 } },
    ], [['src', 'even'], ['even', 'shape'], ['shape', 'out'], ['shape', 'peek']]);
    const run = await deployDocument(doc, { jobId: nameOf(input), kafkaClusters: { default: { brokers } } });
    const { job, snapshots } = await run.finished;
    expect(job.status().state).toBe('FINISHED');
    const out = await readTopic(brokers, output);
    expect(out.length).toBe(150);
    const values = out.map((m) => JSON.parse(m.value!)).sort((a, b) => a.id - b.id);
    expect(values[1]).toEqual({ id: 2, label: 'N2!', ts: new Date(1_700_000_000_020).toISOString() });
    expect(out.find((m) => JSON.parse(m.value!).id === 4)?.key).toBe('4');
    const last = snapshots[snapshots.length - 1]!;
    expect(last.state).toBe('FINISHED');
    expect(last.nodes.src?.recordsOutTotal).toBe(300);
    expect(last.nodes.even?.recordsOutTotal).toBe(150);
    expect(last.nodes.out?.recordsInTotal).toBe(150);
    expect(last.progress).toBe(1);
    // Preview rows cross from the worker thread: the latest 20, timestamps as ISO-8601.
    const peek = job.previewRows('peek');
    expect(peek).toHaveLength(20);
    expect(peek.every((r) => typeof r.ts === 'string' && (r.id as number) % 2 === 0)).toBe(true);
  });
});
