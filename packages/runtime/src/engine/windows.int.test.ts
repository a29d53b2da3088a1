import { describe, expect, it } from 'vitest';
import { testBrokers, uniqueName } from '@weir/kafka/testing';
import type { Field } from '@weir/model/field';
import { kafkaSource, nameOf, pipeline, type NodeSpec } from '../testing/documents';
import { deployDocument, produce, type InputMessage } from '../testing/kafka-io';
import { countModel, sessionModel, slidingModel, type Agg, type Rec, type WindowRow } from '../testing/window-model';

const T0 = Date.UTC(2026, 0, 1);
const KEYS = ['a', 'b', 'c', 'd', 'e', null] as const;
const PARTITION: Record<string, number> = { a: 0, b: 1, c: 2, d: 0, e: 1, null: 2 };
const SCHEMA: Field[] = [
  { name: 'k', type: 'string' }, { name: 'v', type: 'bigint' }, { name: 'd', type: 'double' },
  { name: 's', type: 'string' }, { name: 'ts', type: 'timestamp' },
];

/** A seeded stream: per partition, times rising 400 ms a record with up to 1.5 s of disorder (under maxOutOfOrderness 2 s). */
function makeInput(): { messages: InputMessage[]; recs: Rec[] } {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const messages: InputMessage[] = [];
  const recs: Rec[] = [];
  const seqOfKey = new Map<string | null, number>();
  const step = [0, 0, 0];
  for (let i = 0; i < 360; i++) {
    const key = KEYS[Math.floor(rnd() * KEYS.length)]!;
    const partition = PARTITION[String(key)]!;
    const base = T0 + step[partition]! * 400;
    step[partition]!++;
    const time = rnd() < 0.03 ? null : base + Math.floor(rnd() * 1500);
    const v = rnd() < 0.1 ? null : Math.floor(rnd() * 100) - 20;
    const d = rnd() < 0.1 ? null : Math.floor(rnd() * 400) / 4;
    const s = rnd() < 0.1 ? null : `s${Math.floor(rnd() * 8)}`;
    // Timestamps arrive both as epoch milliseconds and as ISO-8601 text.
    const ts = time === null ? null : i % 2 === 0 ? time : new Date(time).toISOString();
    messages.push({ partition, value: JSON.stringify({ k: key, v, d, s, ts }) });
    const seq = seqOfKey.get(key) ?? 0;
    seqOfKey.set(key, seq + 1);
    recs.push({ key, time, seq, values: { v, d, s } });
  }
  return { messages, recs };
}

const AGGS_ALL: Agg[] = [
  { fn: 'count', as: 'n' }, { fn: 'sum', field: 'v', as: 'sum_v' }, { fn: 'avg', field: 'd', as: 'avg_d' },
  { fn: 'min', field: 's', as: 'min_s' }, { fn: 'max', field: 'v', as: 'max_v' }, { fn: 'count_distinct', field: 's', as: 'distinct_s' },
  { fn: 'first', field: 'v', as: 'first_v' }, { fn: 'last', field: 's', as: 'last_s' },
];
const AGGS_SLIDE: Agg[] = [{ fn: 'count', as: 'n' }, { fn: 'sum', field: 'd', as: 'sum_d' }, { fn: 'min', field: 'v', as: 'min_v' }, { fn: 'max', field: 's', as: 'max_s' }];
const AGGS_SESSION: Agg[] = [{ fn: 'count', as: 'n' }, { fn: 'sum', field: 'v', as: 'sum_v' }, { fn: 'first', field: 's', as: 'first_s' }, { fn: 'last', field: 'v', as: 'last_v' }];
const AGGS_COUNT: Agg[] = [{ fn: 'count', as: 'n' }, { fn: 'sum', field: 'v', as: 'sum_v' }, { fn: 'max', field: 'd', as: 'max_d' }, { fn: 'count_distinct', field: 'v', as: 'distinct_v' }];

function windowNode(id: string, kind: string, config: Record<string, unknown>, aggs: Agg[]): NodeSpec {
  return { id, kind, config: { keyBy: ['k'], ...config, aggregates: aggs } };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Model rows in the shape the preview sink shows them. */
function expected(rows: WindowRow[], keyed = true): Record<string, unknown>[] {
  return rows.map((r) => ({ ...(keyed ? { k: r.key } : {}), window_start: iso(r.start), window_end: iso(r.end), ...r.aggs }));
}

function sortRows(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const key = (r: Record<string, unknown>) => `${String(r.k)}|${String(r.window_start)}|${String(r.window_end)}`;
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function expectRows(actual: Record<string, unknown>[], model: Record<string, unknown>[]): void {
  const a = sortRows(actual);
  const m = sortRows(model);
  expect(a.length).toBe(m.length);
  a.forEach((row, i) => {
    const want = m[i]!;
    for (const [name, value] of Object.entries(want)) {
      if (typeof value === 'number' && !Number.isInteger(value)) expect(row[name], `${name} of ${JSON.stringify(want)}`).toBeCloseTo(value, 9);
      else expect(row[name], `${name} of ${JSON.stringify(want)}`).toEqual(value);
    }
    expect(Object.keys(row)).toEqual(Object.keys(want));
  });
}

describe('windows on real Kafka', () => {
  it('computes tumbling, sliding, session, count and global windows with every aggregate, as the model does', async () => {
    const brokers = testBrokers();
    const topic = uniqueName('windows-in');
    const { messages, recs } = makeInput();
    await produce(brokers, topic, 3, messages);
    const preview = (id: string): NodeSpec => ({ id, kind: 'preview-sink', config: { limit: 10_000 } });
    const doc = pipeline(nameOf(topic), [
      kafkaSource('src', topic, SCHEMA, { eventTime: { field: 'ts', maxOutOfOrderness: '2s' } }),
      windowNode('tumble', 'tumbling-window', { size: '5s' }, AGGS_ALL),
      windowNode('slide', 'sliding-window', { size: '6s', slide: '2s' }, AGGS_SLIDE),
      windowNode('session', 'session-window', { gap: '1s' }, AGGS_SESSION),
      windowNode('counts', 'count-window', { size: 5, slide: 3 }, AGGS_COUNT),
      { id: 'global', kind: 'tumbling-window', config: { size: '10s', keyBy: [], aggregates: [{ fn: 'count', as: 'n' }, { fn: 'sum', field: 'v', as: 'sum_v' }] } },
      preview('tumble-out'), preview('slide-out'), preview('session-out'), preview('counts-out'), preview('global-out'),
    ], [
      ['src', 'tumble'], ['src', 'slide'], ['src', 'session'], ['src', 'counts'], ['src', 'global'],
      ['tumble', 'tumble-out'], ['slide', 'slide-out'], ['session', 'session-out'], ['counts', 'counts-out'], ['global', 'global-out'],
    ]);
    const run = await deployDocument(doc, { jobId: nameOf(topic), kafkaClusters: { default: { brokers } } }, { mode: 'in-thread' });
    const { job, snapshots } = await run.finished;
    expect(job.status().error).toBeUndefined();
    expect(job.status().state).toBe('FINISHED');

    expectRows(job.previewRows('tumble-out'), expected(slidingModel(recs, 5000, 5000, AGGS_ALL)));
    expectRows(job.previewRows('slide-out'), expected(slidingModel(recs, 6000, 2000, AGGS_SLIDE)));
    expectRows(job.previewRows('session-out'), expected(sessionModel(recs, 1000, AGGS_SESSION)));
    expectRows(job.previewRows('counts-out'), expected(countModel(recs, 5, 3, AGGS_COUNT)));
    const global = recs.map((r) => ({ ...r, key: null }));
    expectRows(job.previewRows('global-out'), expected(slidingModel(global, 10_000, 10_000, [{ fn: 'count', as: 'n' }, { fn: 'sum', field: 'v', as: 'sum_v' }]), false));

    const last = snapshots[snapshots.length - 1]!;
    expect(last.nodes.src?.recordsOutTotal).toBe(360);
    expect(last.nodes.tumble?.lateRecords).toBe(0);
    expect(last.nodes.tumble?.stateSize).toBe(0);
    expect(last.partitions.map((p) => p.lag)).toEqual([0, 0, 0]);
  });
});
