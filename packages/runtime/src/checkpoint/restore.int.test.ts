import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testBrokers, uniqueName } from '@weir/kafka/testing';
import type { Field } from '@weir/model/field';
import { kafkaSource, nameOf, pipeline } from '../testing/documents';
import { deployDocument, produce, waitFor, type InputMessage } from '../testing/kafka-io';
import { lastRun } from './last-run';

const T0 = Date.UTC(2026, 0, 1);
const SCHEMA: Field[] = [{ name: 'k', type: 'string' }, { name: 'v', type: 'int' }, { name: 'ts', type: 'timestamp' }];
const N = 400;

/** Record i: key k(i % 4), value i, time T0 + 100 ms · i, in partition i % 2. */
function input(from: number, to: number): InputMessage[] {
  const out: InputMessage[] = [];
  for (let i = from; i < to; i++) out.push({ partition: i % 2, value: JSON.stringify({ k: `k${i % 4}`, v: i, ts: T0 + i * 100 }) });
  return out;
}

/** 5 s tumbling windows per key over records 0..N-1: count and sum. */
function model(): string[] {
  const windows = new Map<string, { n: number; sum: number }>();
  for (let i = 0; i < N; i++) {
    const start = T0 + Math.floor((i * 100) / 5000) * 5000;
    const key = `k${i % 4}|${new Date(start).toISOString()}`;
    const w = windows.get(key) ?? { n: 0, sum: 0 };
    w.n++;
    w.sum += i;
    windows.set(key, w);
  }
  return [...windows].map(([key, w]) => `${key}|${w.n}|${w.sum}`).sort();
}

function doc(topic: string, bounded: boolean, startFrom = 'earliest'): unknown {
  return pipeline(nameOf(topic), [
    kafkaSource('src', topic, SCHEMA, { startFrom, eventTime: { field: 'ts', maxOutOfOrderness: '2s' }, ...(bounded ? {} : { bounded: undefined }) }),
    { id: 'win', kind: 'tumbling-window', config: { size: '5s', keyBy: ['k'], aggregates: [{ fn: 'count', as: 'n' }, { fn: 'sum', field: 'v', as: 's' }] } },
    { id: 'out', kind: 'preview-sink', config: { limit: 10_000 } },
  ], [['src', 'win'], ['win', 'out']]);
}

describe('checkpoints and restore on real Kafka', () => {
  it('a restarted job resumes from its latest checkpoint with its window state and source positions', async () => {
    const brokers = testBrokers();
    const topic = uniqueName('restore-in');
    const dataDir = await mkdtemp(join(tmpdir(), 'weir-restore-'));
    const jobId = nameOf(topic);
    const deploy = { jobId, kafkaClusters: { default: { brokers } }, dataDir };
    await produce(brokers, topic, 2, input(0, N / 2));

    // First run, unbounded: reads the first half, checkpoints, and is stopped.
    const first = await deployDocument(doc(topic, false), deploy, { mode: 'in-thread', tuning: { commitIntervalMs: 200 } });
    // A checkpoint taken after the whole first half was read: its state holds every open window.
    let readAt = Infinity;
    await waitFor('the first half read and checkpointed', () => {
      const m = first.job.latestMetrics();
      if (m === null) return false;
      if (readAt === Infinity && m.nodes.src?.recordsOutTotal === N / 2) readAt = m.time;
      return (m.checkpoints.lastCompleted?.time ?? -Infinity) > readAt;
    });
    await first.job.stop();
    const one = await first.finished;
    expect(one.job.status().state).toBe('CANCELED');
    const history = await one.job.checkpoints();
    expect(history.length).toBeGreaterThan(0);
    expect(history.every((h) => h.outcome === 'COMPLETED' && h.sizeBytes > 0 && h.kind === 'checkpoint')).toBe(true);
    const ids = history.map((h) => h.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const rowsOne = one.job.previewRows('out');
    // Windows still open at the stop live only in the checkpoint.
    expect(rowsOne.length).toBeLessThan(model().length);

    // Second run, bounded, same job id and data directory: only the rest of the input is read.
    await produce(brokers, topic, 2, input(N / 2, N));
    const second = await deployDocument(doc(topic, true), deploy, { mode: 'in-thread', tuning: { commitIntervalMs: 200 } });
    const two = await second.finished;
    expect(two.job.status().error).toBeUndefined();
    expect(two.job.status().state).toBe('FINISHED');
    const last = two.snapshots[two.snapshots.length - 1]!;
    // Totals count on from the checkpoint: the whole input, each record once.
    expect(last.nodes.src?.recordsOutTotal).toBe(N);
    expect(last.nodes.out?.recordsInTotal).toBe(model().length);
    expect(last.checkpoints.completed).toBeGreaterThan(history.filter((h) => h.outcome === 'COMPLETED').length);
    expect(last.checkpoints.lastCompleted?.id).toBeGreaterThan(Math.max(...ids));

    const all = [...rowsOne, ...two.job.previewRows('out')].map((r) => `${String(r.k)}|${String(r.window_start)}|${String(r.n)}|${String(r.s)}`).sort();
    expect(all).toEqual(model());
  });

  it('a bounded run that finished is not resumed: the next run is a new one and reads what was written since, none of it late', async () => {
    const brokers = testBrokers();
    const topic = uniqueName('rerun-in');
    const dataDir = await mkdtemp(join(tmpdir(), 'weir-rerun-'));
    const jobId = nameOf(topic);
    const deploy = { jobId, kafkaClusters: { default: { brokers } }, dataDir };
    const tuning = { commitIntervalMs: 200 };
    // startFrom committed (the default): each run reads what the runs before it did not.
    await produce(brokers, topic, 2, input(0, N / 2));
    const one = await (await deployDocument(doc(topic, true, 'committed'), deploy, { mode: 'in-thread', tuning })).finished;
    expect(one.job.status().state).toBe('FINISHED');
    const rowsOne = one.job.previewRows('out');
    // Its last checkpoint holds a watermark of +∞ (every window fired) and says the run finished.
    const previous = await lastRun(dataDir, jobId);
    expect(previous?.finished).toBe(true);

    // Nothing new: the new run reads nothing, and says so in its totals.
    const empty = await (await deployDocument(doc(topic, true, 'committed'), deploy, { mode: 'in-thread', tuning })).finished;
    expect(empty.job.status().state).toBe('FINISHED');
    expect(empty.snapshots.at(-1)?.nodes.src?.recordsOutTotal).toBe(0);

    await produce(brokers, topic, 2, input(N / 2, N));
    const two = await (await deployDocument(doc(topic, true, 'committed'), deploy, { mode: 'in-thread', tuning })).finished;
    expect(two.job.status().error).toBeUndefined();
    expect(two.job.status().state).toBe('FINISHED');
    const last = two.snapshots.at(-1)!;
    // A new run counts from zero, and a resumed +∞ watermark would have made every record late.
    expect(last.nodes.src?.recordsOutTotal).toBe(N / 2);
    expect(last.nodes.win?.lateRecords).toBe(0);
    const rowsTwo = two.job.previewRows('out');
    expect(rowsTwo.length).toBeGreaterThan(0);
    const all = [...rowsOne, ...rowsTwo].map((r) => `${String(r.k)}|${String(r.window_start)}|${String(r.n)}|${String(r.s)}`).sort();
    expect(all).toEqual(model());
    expect(last.checkpoints.lastCompleted?.id).toBeGreaterThan(previous?.checkpoint ?? Infinity);
  });
});
