import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  KAFKA_EVENTS, type KafkaMessage, type LiveAck, type SearchDoneEvent, type SearchMatchesEvent, type SearchProgressEvent,
  type SearchStartedEvent, type TailMessagesEvent, type TopicRatesEvent,
} from '@weir/protocol';
import type { TestApp, TestSession } from '../../../testing/test-app';
import { connect, connected, join, kafkaTestApp, leave, listen, produce, topicWith, uniqueName, waitFor, type Fixture } from './kafka-test-kit';

let t: TestApp;
let base: string;
let viewer: TestSession;
const sockets: Socket[] = [];
const CATEGORIES = ['toys', 'books', 'garden', 'food'];

function order(n: number) {
  return { order_id: `o-${n}`, amount: (n * 37) % 250, category: CATEGORIES[n % 4], ts: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString() };
}

const searchTopic = uniqueName('console-search');
const searchFixtures: Fixture[] = Array.from({ length: 3000 }, (_, n) => ({ partition: n % 3, key: `c-${n % 17}`, value: JSON.stringify(order(n)) }));

beforeAll(async () => {
  await topicWith(searchTopic, 3, [...searchFixtures, { partition: 0, value: 'not json at all' }, { partition: 1, value: JSON.stringify({ amount: 'lots', category: 'toys' }) }]);
  t = await kafkaTestApp();
  base = await listen(t);
  viewer = await t.login('viewer');
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t?.close();
});

async function socketFor(session: TestSession): Promise<Socket> {
  const s = connect(base, session, { origin: base });
  sockets.push(s);
  await connected(s);
  return s;
}

const id = () => Math.random().toString(36).slice(2, 12);

describe('search over the live socket', () => {
  it('streams exactly the matches, with progress counts that add up', async () => {
    const s = await socketFor(viewer);
    const room = `kafka-search:${id()}`;
    const matches: KafkaMessage[] = [];
    const progress: SearchProgressEvent[] = [];
    s.on(KAFKA_EVENTS.searchMatches, (e: SearchMatchesEvent) => matches.push(...e.messages));
    s.on(KAFKA_EVENTS.searchProgress, (e: SearchProgressEvent) => progress.push(e));
    const started = waitFor<SearchStartedEvent>(s, KAFKA_EVENTS.searchStarted, (e) => e.room === room);
    const done = waitFor<SearchDoneEvent>(s, KAFKA_EVENTS.searchDone, (e) => e.room === room);
    const ack = await join(s, room, { cluster: 'default', topic: searchTopic, expression: "amount > 100 AND category = 'toys'", maxMatches: 10_000 });
    expect(ack).toEqual({ ok: true, room });
    const start = await started;
    expect(start.inferred).toBe(true);
    expect(start.schema.map((f) => `${f.name}:${f.type}`)).toEqual(expect.arrayContaining(['amount:bigint', 'category:string', 'ts:timestamp', 'key:string', 'offset:bigint']));
    expect(start.total).toBe(3002);
    const end = await done;

    const expected = searchFixtures
      .map((f, n) => ({ f, o: order(n) }))
      .filter(({ o }) => o.amount > 100 && o.category === 'toys')
      .map(({ o }) => o.order_id)
      .sort();
    const got = matches.map((m) => (JSON.parse(m.value!.text) as { order_id: string }).order_id).sort();
    expect(got).toEqual(expected);
    expect(end).toMatchObject({ reason: 'end', scanned: 3002, matched: expected.length, total: 3002, notJson: 1, evalErrors: 1, error: null });
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.scanned).toBeGreaterThanOrEqual(progress[i - 1]!.scanned);
    await leave(s, room);
  });

  it('searches on key, partition and offset, and stops at the match cap', async () => {
    const s = await socketFor(viewer);
    const room = `kafka-search:${id()}`;
    const matches: KafkaMessage[] = [];
    s.on(KAFKA_EVENTS.searchMatches, (e: SearchMatchesEvent) => {
      if (e.room === room) matches.push(...e.messages);
    });
    const done = waitFor<SearchDoneEvent>(s, KAFKA_EVENTS.searchDone, (e) => e.room === room);
    await join(s, room, { cluster: 'default', topic: searchTopic, expression: "key = 'c-3' AND partition = 2 AND offset < 500", maxMatches: 5 });
    const end = await done;
    expect(end.reason).toBe('max-matches');
    expect(matches).toHaveLength(5);
    for (const m of matches) expect([m.partition, m.key?.text, m.offset < 500]).toEqual([2, 'c-3', true]);
  });

  it('ends at a message budget', async () => {
    const s = await socketFor(viewer);
    const room = `kafka-search:${id()}`;
    const done = waitFor<SearchDoneEvent>(s, KAFKA_EVENTS.searchDone, (e) => e.room === room);
    await join(s, room, { cluster: 'default', topic: searchTopic, expression: '', range: { from: 'earliest', maxMessages: 100 }, maxMatches: 100_000 });
    expect(await done).toMatchObject({ reason: 'max-messages', scanned: 100, matched: 100 });
  });

  it('refuses an expression with problems, naming them', async () => {
    const s = await socketFor(viewer);
    const ack = await join(s, `kafka-search:${id()}`, { cluster: 'default', topic: searchTopic, expression: "amount > 'x' AND nope = 1" });
    expect(ack.ok).toBe(false);
    if (ack.ok) return;
    expect(ack.error.code).toBe('EXPRESSION_INVALID');
    const problems = (ack.error.details as { problems: Array<{ code: string }> }).problems.map((p) => p.code);
    expect(problems).toContain('UNKNOWN_FIELD');
  });

  it('is cancelled by leaving: the room closes and no more events come', async () => {
    const big = uniqueName('console-search-big');
    await topicWith(big, 2, Array.from({ length: 60_000 }, (_, n) => ({ partition: n % 2, value: JSON.stringify({ n, pad: 'x'.repeat(100) }) })));
    const s = await socketFor(viewer);
    const room = `kafka-search:${id()}`;
    let left = false;
    let afterLeaving = 0;
    let doneBeforeLeaving = false;
    for (const event of [KAFKA_EVENTS.searchProgress, KAFKA_EVENTS.searchDone]) {
      s.on(event, (e: { room: string }) => {
        if (e.room !== room) return;
        if (left) afterLeaving++;
        else if (event === KAFKA_EVENTS.searchDone) doneBeforeLeaving = true;
      });
    }
    // Every message matches and is rendered and sent: a search that takes a while.
    const first = waitFor<SearchMatchesEvent>(s, KAFKA_EVENTS.searchMatches, (e) => e.room === room);
    await join(s, room, { cluster: 'default', topic: big, expression: '', maxMatches: 100_000 });
    await first;
    await leave(s, room);
    left = true;
    expect(doneBeforeLeaving).toBe(false);
    expect(t.app.live.rooms()).not.toContain(room);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(afterLeaving).toBe(0);
  });
});

describe('live tail', () => {
  it('delivers new messages until paused, and resumes from where it paused without a gap', async () => {
    const topic = uniqueName('console-tail');
    await topicWith(topic, 2, [{ partition: 0, value: 'old' }]);
    const s = await socketFor(viewer);
    const room = `kafka-tail:${id()}`;
    const seen: string[] = [];
    let cursor: string | null = null;
    s.on(KAFKA_EVENTS.tailMessages, (e: TailMessagesEvent, ack: () => void) => {
      if (e.room === room) {
        seen.push(...e.messages.map((m) => m.value!.text));
        cursor = e.cursor;
      }
      ack();
    });
    expect(await join(s, room, { cluster: 'default', topic })).toEqual({ ok: true, room });
    await produce(topic, Array.from({ length: 50 }, (_, i) => ({ partition: i % 2, value: `live-${i}` })));
    await expect.poll(() => seen.length, { timeout: 20_000 }).toBe(50);
    expect(seen).not.toContain('old');

    await leave(s, room);
    expect(t.app.live.rooms()).not.toContain(room);
    await produce(topic, Array.from({ length: 10 }, (_, i) => ({ partition: i % 2, value: `while-paused-${i}` })));
    const resumed = `kafka-tail:${id()}`;
    const more: string[] = [];
    s.on(KAFKA_EVENTS.tailMessages, (e: TailMessagesEvent, ack?: () => void) => {
      if (e.room === resumed) more.push(...e.messages.map((m) => m.value!.text));
      ack?.();
    });
    expect(cursor).toMatch(/^0:\d+,1:\d+$/);
    expect((await join(s, resumed, { cluster: 'default', topic, from: 'cursor', cursor })).ok).toBe(true);
    await expect.poll(() => more.length, { timeout: 20_000 }).toBe(10);
    expect(more.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `while-paused-${i}`).sort());
    await leave(s, resumed);
  });
});

describe('sampled rooms', () => {
  it('sends topic rates on each sample', async () => {
    const s = await socketFor(viewer);
    const rates = waitFor<TopicRatesEvent>(s, KAFKA_EVENTS.topicRates, (e) => e.topics.some((x) => x.name === searchTopic));
    const ack: LiveAck = await join(s, 'kafka-topics:default', { cluster: 'default' });
    expect(ack.ok).toBe(true);
    await (await t.app.kafka.cluster('default')).sampler.sampleNow();
    const e = await rates;
    expect(e.topics.find((x) => x.name === searchTopic)!.messages).toBe(3002);
  });

  it('refuses a room name that does not match its params', async () => {
    const s = await socketFor(viewer);
    const ack = await join(s, 'kafka-topics:other', { cluster: 'default' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
