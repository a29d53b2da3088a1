import { describe, expect, it } from 'vitest';
import { testBrokers, uniqueName } from '@weir/kafka/testing';
import type { Field } from '@weir/model/field';
import { kafkaSource, nameOf, pipeline } from '../testing/documents';
import { deployDocument, produce, type InputMessage } from '../testing/kafka-io';

const T0 = Date.UTC(2026, 0, 1);
const LEFT: Field[] = [{ name: 'id', type: 'int' }, { name: 'note', type: 'string' }, { name: 't', type: 'timestamp' }];
const RIGHT: Field[] = [{ name: 'order_id', type: 'int' }, { name: 'note', type: 'string' }, { name: 't', type: 'timestamp' }];

interface Side { key: number | null; note: string; t: number | null }

/** Rows per partition with rising times and up to 1 s of disorder (maxOutOfOrderness 2 s); some NULL keys and times. */
function side(prefix: string, count: number, seed0: number): { rows: Side[]; messages: InputMessage[] } {
  let seed = seed0;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const rows: Side[] = [];
  const messages: InputMessage[] = [];
  for (let i = 0; i < count; i++) {
    const partition = i % 3;
    const key = rnd() < 0.05 ? null : Math.floor(rnd() * 25);
    const t = rnd() < 0.03 ? null : T0 + Math.floor(i / 3) * 300 + Math.floor(rnd() * 1000);
    const row = { key, note: `${prefix}${i}`, t };
    rows.push(row);
    messages.push({ partition, value: JSON.stringify(prefix === 'L' ? { id: key, note: row.note, t } : { order_id: key, note: row.note, t }) });
  }
  return { rows, messages };
}

describe('interval join on real Kafka', () => {
  it('emits every pair with equal keys and right.t in [left.t − 1 s, left.t + 3 s], as a nested loop does', async () => {
    const brokers = testBrokers();
    const leftTopic = uniqueName('join-left');
    const rightTopic = uniqueName('join-right');
    const left = side('L', 240, 11);
    const right = side('R', 240, 23);
    await produce(brokers, leftTopic, 3, left.messages);
    await produce(brokers, rightTopic, 3, right.messages);
    const eventTime = { field: 't', maxOutOfOrderness: '2s' };
    const doc = pipeline(nameOf(leftTopic), [
      kafkaSource('orders', leftTopic, LEFT, { eventTime }),
      kafkaSource('payments', rightTopic, RIGHT, { eventTime }),
      { id: 'j', kind: 'interval-join', config: { on: [{ left: 'id', right: 'order_id' }], within: { lower: '-1s', upper: '3s' } } },
      { id: 'out', kind: 'preview-sink', config: { limit: 10_000 } },
    ], [['orders', 'j', 'left'], ['payments', 'j', 'right'], ['j', 'out']]);
    const run = await deployDocument(doc, { jobId: nameOf(leftTopic), kafkaClusters: { default: { brokers } } }, { mode: 'in-thread' });
    const { job, snapshots } = await run.finished;
    expect(job.status().error).toBeUndefined();
    expect(job.status().state).toBe('FINISHED');

    const iso = (ms: number) => new Date(ms).toISOString();
    const want: string[] = [];
    for (const l of left.rows) {
      for (const r of right.rows) {
        if (l.key === null || r.key === null || l.t === null || r.t === null || l.key !== r.key) continue;
        if (r.t >= l.t - 1000 && r.t <= l.t + 3000) {
          want.push(JSON.stringify({ id: l.key, note: l.note, t: iso(l.t), order_id: r.key, note_right: r.note, t_right: iso(r.t) }));
        }
      }
    }
    const got = job.previewRows('out').map((row) => JSON.stringify(row));
    expect(want.length).toBeGreaterThan(50);
    expect(got.sort()).toEqual(want.sort());
    const last = snapshots[snapshots.length - 1]!;
    expect(last.nodes.j?.lateRecords).toBe(0);
    // Buffered rows are dropped as the watermark passes them; at +∞ nothing is left.
    expect(last.nodes.j?.stateSize).toBe(0);
    const mid = snapshots.find((s) => (s.nodes.j?.recordsInTotal ?? 0) > 0 && s.state === 'RUNNING');
    if (mid) expect(mid.nodes.j?.stateSize ?? 0).toBeLessThanOrEqual(480);
  });
});
