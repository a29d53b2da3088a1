// For the Kafka console's integration tests: a server on the real broker, fixtures written
// straight to Kafka, and a socket.io client with the session cookie.
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { createKafka, type IHeaders } from '@weir/kafka';
import { testBrokers, uniqueName } from '@weir/kafka/testing';
import { LIVE_EVENTS, type LiveAck } from '@weir/protocol';
import { startTestApp, type TestApp, type TestSession } from '../../../testing/test-app';

export { uniqueName };

export async function kafkaTestApp(): Promise<TestApp> {
  return startTestApp({ config: { kafkaBrokers: testBrokers() } });
}

export interface Fixture {
  partition: number;
  key?: string | null;
  value: string | Buffer | null;
  timestamp?: number;
  headers?: IHeaders;
}

/** Creates a topic and writes messages to the partitions they name, in order. */
export async function topicWith(topic: string, partitions: number, messages: readonly Fixture[] = []): Promise<void> {
  const kafka = createKafka({ brokers: testBrokers() });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
  await produce(topic, messages);
}

export async function produce(topic: string, messages: readonly Fixture[]): Promise<void> {
  if (messages.length === 0) return;
  const producer = createKafka({ brokers: testBrokers() }).producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    for (let i = 0; i < messages.length; i += 5000) {
      await producer.send({
        topic,
        acks: -1,
        messages: messages.slice(i, i + 5000).map((m) => ({
          partition: m.partition,
          key: m.key ?? null,
          value: m.value,
          ...(m.timestamp !== undefined ? { timestamp: String(m.timestamp) } : {}),
          ...(m.headers ? { headers: m.headers } : {}),
        })),
      });
    }
  } finally {
    await producer.disconnect();
  }
}

/** Listens on a free port (the live socket needs a real HTTP server); returns the base URL. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
}

/** A socket as a browser on `origin` with `session`'s cookie would open it. */
export function connect(base: string, session: TestSession | null, options: { origin?: string } = {}): Socket {
  const headers: Record<string, string> = {};
  if (session) headers.cookie = session.cookie;
  if (options.origin !== undefined) headers.origin = options.origin;
  return io(base, { transports: ['websocket'], extraHeaders: headers, reconnection: false, forceNew: true });
}

export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

export function refused(socket: Socket): Promise<Error & { data?: { code?: string } }> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('the socket connected')));
    socket.once('connect_error', resolve);
  });
}

export function join(socket: Socket, room: string, params?: unknown): Promise<LiveAck> {
  return socket.timeout(30_000).emitWithAck(LIVE_EVENTS.join, { room, params }) as Promise<LiveAck>;
}

export function leave(socket: Socket, room: string): Promise<LiveAck> {
  return socket.timeout(10_000).emitWithAck(LIVE_EVENTS.leave, { room }) as Promise<LiveAck>;
}

/** Resolves with the first event `event` for which `test` holds (or rejects after `ms`). */
export function waitFor<T>(socket: Socket, event: string, test: (payload: T) => boolean, ms = 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, on);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    function on(payload: T, ack?: () => void) {
      ack?.();
      if (!test(payload)) return;
      clearTimeout(timer);
      socket.off(event, on);
      resolve(payload);
    }
    socket.on(event, on);
  });
}
