import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeployOptions, Engine, JobStatus } from '@weir/compiler';
import { FIXTURES_DIR } from '@weir/compiler/testing/fixtures';
import { testBrokers, uniqueName } from '@weir/kafka/testing';
import { createEmbeddedEngine } from '@weir/runtime';
import { createFlinkEngine, type FlinkEngine } from './index';
import { canonicalRows, canonicalText } from './testing/canonical';
import { createTopics, readOutput, writeInput } from './testing/kafka-rows';
import { useTestFlink } from './testing/test-flink';

/**
 * Engine equivalence: every golden pipeline that runs on Flink (a `flink.sql` beside it) and
 * has an `input.json` runs bounded on the embedded engine and on Flink over the same input
 * topics, and both must write the same rows (as multisets; timestamps and doubles canonical).
 */

const DATABASE_URL = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : 'postgres://postgres@127.0.0.1:5432/test';
const run = uniqueName('eq').replace(/-/g, '_');

interface Doc {
  name: string;
  settings?: { delivery?: string; onError?: { policy: string; topic?: string } };
  nodes: Array<{ id: string; kind: string; config: Record<string, unknown> }>;
}

const cases = readdirSync(FIXTURES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('error_'))
  .map((d) => d.name)
  .filter((name) => existsSync(join(FIXTURES_DIR, name, 'flink.sql')) && existsSync(join(FIXTURES_DIR, name, 'input.json')))
  .sort();


/** The fixture for one engine: shared input topics, its own output topics and tables, every source bounded. */
function retarget(doc: Doc, engine: 'embedded' | 'flink', inputTopic: (t: string) => string): Doc {
  const copy = structuredClone(doc);
  for (const n of copy.nodes) {
    if (n.kind === 'kafka-source') {
      n.config.topic = inputTopic(n.config.topic as string);
      n.config.bounded = 'latest';
    } else if (n.kind === 'kafka-sink') {
      n.config.topic = `${run}.${doc.name}.${engine}.${n.config.topic as string}`;
    } else if (n.kind === 'postgres-sink') {
      n.config.table = `${(n.config.table as string).replace(/^.*\./, '')}_${engine}_${run}`.toLowerCase();
    }
  }
  const onError = copy.settings?.onError;
  if (onError?.topic) onError.topic = `${run}.${engine}.${onError.topic}`;
  return copy;
}

/** How a job ended, and whether it was restarted on the way (it then said RESTARTING). */
interface RunResult extends JobStatus {
  restarted: boolean;
}

async function runOn(engine: Engine, doc: Doc, jobId: string): Promise<RunResult> {
  const options: DeployOptions = {
    // Every Kafka connection a fixture names (`analytics`, …) is the test broker.
    jobId, kafkaClusters: Object.fromEntries(['default', ...doc.nodes.map((n) => n.config.cluster as string | undefined)]
      .filter((c): c is string => c !== undefined).map((c) => [c, { brokers: testBrokers() }])),
    postgresConnections: { default: { url: DATABASE_URL } }, dataDir: join('/tmp', 'weir-equivalence', jobId),
  };
  const compiled = engine.compile(doc, options);
  if (!compiled.ok) throw new Error(`${engine.name}: ${compiled.problems.map((p) => `${p.code} ${p.message}`).join('; ')}`);
  const job = await engine.deploy(compiled.plan, options);
  let restarted = false;
  const drain = (async () => {
    for await (const snapshot of job.metrics()) if (snapshot.state === 'RESTARTING') restarted = true;
  })();
  const status = await job.done;
  await drain;
  return { ...status, restarted };
}

function atLeastOnce(doc: Doc): boolean {
  return doc.settings?.delivery !== 'exactly-once';
}

/**
 * The records a kafka-sink of the fixture must write, worked out by hand from its input:
 * `expected/<topic>.json` (`[{ "key": text | null, "value": object }]`, any order), as the
 * canonical texts the engines' rows are compared by; undefined when the fixture has none.
 */
function expectedRows(dir: string, sink: Doc['nodes'][number]): string[] | undefined {
  const file = join(dir, 'expected', `${sink.config.topic as string}.json`);
  if (sink.kind !== 'kafka-sink' || !existsSync(file)) return undefined;
  const records = JSON.parse(readFileSync(file, 'utf8')) as Array<{ key: string | null; value: unknown }>;
  return records.map((r) => `${canonicalText(r.key)} ${canonicalText(JSON.stringify(r.value))}`).sort();
}

async function tableRows(table: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(`SELECT * FROM "${table}"`)).rows;
  } finally {
    await client.end();
  }
}

const cluster = useTestFlink();
let flink: FlinkEngine;
const embedded = createEmbeddedEngine({ mode: 'in-thread' });

beforeAll(() => {
  flink = createFlinkEngine({ restUrl: cluster().restUrl, gatewayUrl: cluster().gatewayUrl, dataDir: join('/tmp', 'weir-equivalence') });
});

afterAll(async () => {
  await flink?.close();
  await embedded.close();
});

describe('the embedded engine and Flink write the same rows', () => {
  it('has fixtures to compare', () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  for (const name of cases) {
    it(name, async () => {
      const dir = join(FIXTURES_DIR, name);
      const doc = JSON.parse(readFileSync(join(dir, 'pipeline.json'), 'utf8')) as Doc;
      const input = JSON.parse(readFileSync(join(dir, 'input.json'), 'utf8')) as Record<string, unknown[]>;
      // Input topics of this case only, read by both engines.
      const inputTopic = (t: string) => `${run}.${name}.in.${t}`;
      await writeInput(testBrokers(), input, inputTopic);
      const docs = { embedded: retarget(doc, 'embedded', inputTopic), flink: retarget(doc, 'flink', inputTopic) };
      const topics = (d: Doc) => d.nodes.filter((n) => n.kind === 'kafka-sink').map((n) => n.config.topic as string);
      // Output topics made up front, as both engines would make them (3 partitions).
      await createTopics(testBrokers(), [...topics(docs.embedded), ...topics(docs.flink)], 3);
      const [onEmbedded, onFlink] = await Promise.all([
        runOn(embedded, docs.embedded, `${run}-${name}-e`),
        runOn(flink, docs.flink, `${run}-${name}-f`),
      ]);
      expect({ embedded: onEmbedded.state, flink: onFlink.state, error: onFlink.error ?? onEmbedded.error ?? null })
        .toEqual({ embedded: 'FINISHED', flink: 'FINISHED', error: null });

      const sinks = doc.nodes.filter((n) => n.kind === 'kafka-sink' || n.kind === 'postgres-sink');
      const [outE, outF] = await Promise.all([readOutput(testBrokers(), topics(docs.embedded)), readOutput(testBrokers(), topics(docs.flink))]);
      for (const sink of sinks) {
        const of = (d: Doc) => d.nodes.find((n) => n.id === sink.id)?.config as { topic?: string; table?: string };
        let rows: { embedded: string[]; flink: string[] };
        let asSet = false;
        if (sink.kind === 'kafka-sink') {
          const pick = (out: typeof outE, d: Doc) => out.filter((r) => r.topic === of(d).topic).map((r) => `${canonicalText(r.key)} ${canonicalText(r.value)}`).sort();
          rows = { embedded: pick(outE, docs.embedded), flink: pick(outF, docs.flink) };
          // at-least-once allows a restarted job (a broker request lost under load restarts it
          // from its last checkpoint) to write rows again: only then are rows compared as a set.
          if (atLeastOnce(doc) && (onEmbedded.restarted || onFlink.restarted)) {
            rows = { embedded: [...new Set(rows.embedded)], flink: [...new Set(rows.flink)] };
            asSet = true;
          }
        } else {
          rows = { embedded: canonicalRows(await tableRows(of(docs.embedded).table as string)), flink: canonicalRows(await tableRows(of(docs.flink).table as string)) };
        }
        expect({ sink: sink.id, rows: rows.flink }).toEqual({ sink: sink.id, rows: rows.embedded });
        expect(rows.embedded.length + rows.flink.length, `${name}/${sink.id} wrote nothing on either engine`).toBeGreaterThan(0);
        // Hand-worked results, where the fixture has them: both engines agreeing is not enough there.
        const listed = expectedRows(dir, sink);
        const expected = listed && asSet ? [...new Set(listed)] : listed;
        if (expected) expect({ sink: sink.id, rows: rows.embedded }).toEqual({ sink: sink.id, rows: expected });
      }
    }, 240_000);
  }
});
