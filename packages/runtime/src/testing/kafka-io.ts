// Helpers for the runtime's integration tests (real Kafka): write input, read output, run a document.
import type { DeployOptions } from '@weir/compiler';
import { createKafka, ensureTopics, type IHeaders } from '@weir/kafka';
import type { MetricsSnapshot } from '@weir/model';
import { createEmbeddedEngine, type EmbeddedEngineOptions } from '../engine/embedded-engine';
import type { EmbeddedJob } from '../engine/embedded-job';

export interface InputMessage {
  partition: number;
  value: string | null;
  key?: string | null;
  timestamp?: number;
}

export async function createTopic(brokers: string, topic: string, partitions: number): Promise<void> {
  const admin = createKafka({ brokers }).admin();
  await admin.connect();
  try {
    await ensureTopics(admin, [{ topic, partitions }]);
  } finally {
    await admin.disconnect();
  }
}

/** Creates the topic with `partitions` and writes the messages in order. */
export async function produce(brokers: string, topic: string, partitions: number, messages: readonly InputMessage[]): Promise<void> {
  await createTopic(brokers, topic, partitions);
  const producer = createKafka({ brokers }).producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    for (let i = 0; i < messages.length; i += 1000) {
      await producer.send({
        topic,
        acks: -1,
        messages: messages.slice(i, i + 1000).map((m) => ({
          partition: m.partition, key: m.key ?? null, value: m.value,
          ...(m.timestamp !== undefined ? { timestamp: String(m.timestamp) } : {}),
        })),
      });
    }
  } finally {
    await producer.disconnect();
  }
}

export interface OutputMessage {
  partition: number;
  offset: number;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/** Every message of a topic up to its current end, read with a throwaway group. */
export async function readTopic(brokers: string, topic: string, timeoutMs = 30_000): Promise<OutputMessage[]> {
  const kafka = createKafka({ brokers });
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic);
  const ends = new Map(offsets.map((o) => [o.partition, Number(o.high)]));
  const lows = new Map(offsets.map((o) => [o.partition, Number(o.low)]));
  await admin.disconnect();
  const total = [...ends].reduce((n, [p, high]) => n + high - (lows.get(p) ?? 0), 0);
  const out: OutputMessage[] = [];
  if (total === 0) return out;
  const consumer = kafka.consumer({ groupId: `read-${topic}-${Date.now()}-${Math.random().toString(36).slice(2)}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`read ${out.length} of ${total} messages of ${topic} in ${timeoutMs} ms`)), timeoutMs);
    void consumer.run({
      eachMessage: async ({ partition, message }) => {
        const offset = Number(message.offset);
        if (offset >= (ends.get(partition) ?? 0)) return;
        out.push({
          partition, offset,
          key: message.key === null ? null : message.key.toString('utf8'),
          value: message.value === null ? null : message.value.toString('utf8'),
          headers: headersOf(message.headers),
        });
        if (out.length >= total) {
          clearTimeout(timer);
          resolve();
        }
      },
    }).catch(reject);
  });
  await consumer.disconnect();
  return out.sort((a, b) => a.partition - b.partition || a.offset - b.offset);
}

function headersOf(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) if (v !== undefined) out[k] = Buffer.isBuffer(v) ? v.toString('utf8') : String(v);
  return out;
}

export interface RunResult {
  job: EmbeddedJob;
  snapshots: MetricsSnapshot[];
}

/** Compiles a document for the embedded engine and deploys it; `finished` waits for the end. */
export async function deployDocument(
  document: unknown,
  deploy: Omit<DeployOptions, 'dataDir'> & { dataDir?: string },
  engineOptions: EmbeddedEngineOptions = {},
): Promise<{ job: EmbeddedJob; snapshots: MetricsSnapshot[]; finished: Promise<RunResult> }> {
  const engine = createEmbeddedEngine(engineOptions);
  const options: DeployOptions = { dataDir: '/tmp/weir-test', ...deploy };
  const compiled = engine.compile(document, options);
  if (!compiled.ok) throw new Error(`document does not compile: ${compiled.problems.map((p) => `${p.code} ${p.message}`).join('; ')}`);
  const job = await engine.deploy(compiled.plan, options);
  const snapshots: MetricsSnapshot[] = [];
  const collecting = (async () => {
    for await (const s of job.metrics()) snapshots.push(s);
  })();
  const finished = job.done.then(async () => {
    await collecting;
    return { job, snapshots };
  });
  return { job, snapshots, finished };
}

/** Polls `check` until it returns true, failing with `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
