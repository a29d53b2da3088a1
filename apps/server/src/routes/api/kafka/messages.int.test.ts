import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBodySchema, AuditResponseSchema, BrowseResponseSchema, ExportLineSchema, ProduceResponseSchema, type BrowseResponse } from '@weir/protocol';
import type { TestApp, TestSession } from '../../../testing/test-app';
import { kafkaTestApp, topicWith, uniqueName, type Fixture } from './kafka-test-kit';

let t: TestApp;
let viewer: TestSession;
let operator: TestSession;
const topic = uniqueName('console-messages');
const url = `/api/kafka/clusters/default/topics/${topic}`;
const T0 = Date.UTC(2026, 0, 1);
const PER_PARTITION = 30;

// Message i of partition p is the (3i + p)-th in time: the partitions interleave.
const fixtures: Fixture[] = [];
for (let i = 0; i < PER_PARTITION; i++) {
  for (let p = 0; p < 3; p++) {
    const n = 3 * i + p;
    fixtures.push({ partition: p, key: `k-${n}`, value: JSON.stringify({ n, p, i, amount: n * 10 }), timestamp: T0 + n * 1000, headers: n === 4 ? { trace: 'abc', bin: Buffer.from([0, 255]) } : {} });
  }
}

beforeAll(async () => {
  await topicWith(topic, 3, fixtures);
  t = await kafkaTestApp();
  [viewer, operator] = await Promise.all([t.login('viewer'), t.login('operator')]);
});
afterAll(async () => t?.close());

async function browse(query: string, as = viewer): Promise<BrowseResponse> {
  const res = await t.call(as, { method: 'GET', url: `${url}/messages?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return BrowseResponseSchema.parse(res.json());
}
const ns = (r: BrowseResponse) => r.messages.map((m) => (JSON.parse(m.value!.text) as { n: number }).n);

describe('browsing messages', () => {
  it('reads the oldest messages from earliest, across partitions in time order', async () => {
    const r = await browse('from=earliest&limit=10');
    expect(ns(r)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(r.direction).toBe('forward');
    expect(r.partitions).toEqual([0, 1, 2].map((partition) => ({ partition, low: 0, high: PER_PARTITION })));
  });

  it('reads the newest messages from latest, newest first', async () => {
    expect(ns(await browse('from=latest&limit=5'))).toEqual([89, 88, 87, 86, 85]);
  });

  it('reads one partition from an offset', async () => {
    const r = await browse('from=offset&offset=25&partition=1&limit=10');
    expect(r.messages.map((m) => [m.partition, m.offset])).toEqual([25, 26, 27, 28, 29].map((o) => [1, o]));
  });

  it('reads from a timestamp: the first message at or after it in each partition', async () => {
    const r = await browse(`from=timestamp&timestamp=${new Date(T0 + 60_500).toISOString()}&limit=4`);
    expect(ns(r)).toEqual([61, 62, 63, 64]);
  });

  it('pages forward and backward with cursors, every message once', async () => {
    const seen: number[] = [];
    let page = await browse('from=earliest&limit=25');
    seen.push(...ns(page));
    while (page.next.forward) {
      page = await browse(`from=cursor&direction=forward&cursor=${page.next.forward}&limit=25`);
      seen.push(...ns(page));
    }
    expect(seen).toEqual(Array.from({ length: 90 }, (_, n) => n));

    const newest = await browse('from=latest&limit=10');
    const older = await browse(`from=cursor&direction=backward&cursor=${newest.next.backward}&limit=10`);
    expect(ns(older)).toEqual([79, 78, 77, 76, 75, 74, 73, 72, 71, 70]);
  });

  it('shows keys, JSON values pretty-printed, headers (binary ones in hex) and timestamps', async () => {
    const [m] = (await browse('from=offset&offset=1&partition=1&limit=1')).messages;
    expect(m).toMatchObject({ partition: 1, offset: 1, timestamp: new Date(T0 + 4000).toISOString(), key: { format: 'text', text: 'k-4' } });
    expect(m!.value).toMatchObject({ format: 'json', text: JSON.stringify({ n: 4, p: 1, i: 1, amount: 40 }, null, 2) });
    expect(m!.headers).toEqual([
      { key: 'trace', value: { format: 'text', text: 'abc', size: 3, truncated: false } },
      { key: 'bin', value: { format: 'hex', text: '00 ff', size: 2, truncated: false } },
    ]);
  });

  it('answers 404 for a partition the topic does not have', async () => {
    const res = await t.call(viewer, { method: 'GET', url: `${url}/messages?partition=7` });
    expect(res.statusCode).toBe(404);
  });
});

describe('producing', () => {
  it('lets an operator produce a message with headers to a partition, and shows it', async () => {
    const res = await t.call(operator, {
      method: 'POST', url: `${url}/messages`,
      payload: { key: 'mine', value: '{"hello":"world"}', headers: [{ key: 'h', value: 'v' }], partition: 2, validateJson: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { partition, offset } = ProduceResponseSchema.parse(res.json());
    expect([partition, offset]).toEqual([2, PER_PARTITION]);
    const [m] = (await browse(`from=offset&offset=${offset}&partition=2&limit=1`)).messages;
    expect(m).toMatchObject({ key: { text: 'mine' }, value: { format: 'json' }, headers: [{ key: 'h', value: { text: 'v' } }] });

    const admin = await t.login('admin');
    const log = AuditResponseSchema.parse((await t.call(admin, { method: 'GET', url: '/api/audit?limit=20' })).json());
    const entry = log.entries.find((e) => e.action === 'topic.produce' && e.target === `topic:default/${topic}`);
    expect(entry).toMatchObject({ user: { name: operator.user.name }, details: { partition: 2, offset: PER_PARTITION } });
    // The audit names what was written where, never the message itself.
    expect(JSON.stringify(entry)).not.toContain('hello');
  });

  it('refuses a value that should be JSON and is not, saying where', async () => {
    const res = await t.call(operator, { method: 'POST', url: `${url}/messages`, payload: { value: '{"a": 1,}', validateJson: true } });
    expect(res.statusCode).toBe(422);
    const body = ApiErrorBodySchema.parse(res.json());
    expect(body.error.code).toBe('INVALID_JSON');
    expect(body.error.message).toMatch(/line 1, column \d+/);
  });

  it('refuses a viewer with 403', async () => {
    const res = await t.call(viewer, { method: 'POST', url: `${url}/messages`, payload: { value: 'x' } });
    expect(res.statusCode).toBe(403);
    expect(ApiErrorBodySchema.parse(res.json()).error.details).toMatchObject({ required: 'operator' });
  });
});

describe('exporting', () => {
  it('streams only the matches as JSON lines to an operator', async () => {
    const expression = encodeURIComponent('amount >= 700 AND p = 1');
    const res = await t.call(operator, { method: 'GET', url: `${url}/export?expression=${expression}&from=earliest` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/x-ndjson/);
    expect(res.headers['content-disposition']).toMatch(new RegExp(`attachment; filename="${topic}-.*\\.jsonl"`));
    const lines = res.body.trim().split('\n').map((l) => ExportLineSchema.parse(JSON.parse(l)));
    const expected = fixtures.filter((f) => f.partition === 1 && (JSON.parse(f.value as string) as { amount: number }).amount >= 700);
    expect(lines.map((l) => (l.value as { n: number }).n).sort((a, b) => a - b)).toEqual(expected.map((f) => (JSON.parse(f.value as string) as { n: number }).n));
    expect(lines[0]).toMatchObject({ topic, partition: 1, valueEncoding: 'json', keyEncoding: 'text' });
  });

  it('refuses a viewer, and answers a bad expression before streaming', async () => {
    expect((await t.call(viewer, { method: 'GET', url: `${url}/export` })).statusCode).toBe(403);
    const bad = await t.call(operator, { method: 'GET', url: `${url}/export?expression=${encodeURIComponent('nope > 1')}` });
    expect(bad.statusCode).toBe(422);
    expect(ApiErrorBodySchema.parse(bad.json()).error.code).toBe('EXPRESSION_INVALID');
  });
});
