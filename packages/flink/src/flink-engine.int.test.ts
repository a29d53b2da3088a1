import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeployOptions } from '@weir/compiler';
import { testBrokers, uniqueName } from '@weir/kafka/testing';
import { MetricsSnapshotSchema, type MetricsSnapshot } from '@weir/model';
import { createFlinkEngine, isFlinkError, type FlinkEngine, type FlinkPlan } from './index';
import { readOutput, writeInput } from './testing/kafka-rows';
import { useTestFlink } from './testing/test-flink';

/** The Flink engine against a real cluster: deploy, live metrics, checkpoints, stop with a savepoint and restart from it, SQL errors. */

const cluster = useTestFlink();
let engine: FlinkEngine;
const run = uniqueName('fe');

beforeAll(() => {
  engine = createFlinkEngine({ restUrl: cluster().restUrl, gatewayUrl: cluster().gatewayUrl, dataDir: join('/tmp', 'weir-flink-engine') });
});

afterAll(async () => {
  await engine?.close();
});

const order = (i: number) => ({ order_id: `o-${i}`, amount: i * 10, ts: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString() });

function pipeline(input: string, output: string) {
  return {
    version: 1, name: 'engine-test', settings: { checkpointInterval: '1s' },
    nodes: [
      { id: 'orders', kind: 'kafka-source', config: { topic: input, startFrom: 'earliest', schema: [{ name: 'order_id', type: 'string' }, { name: 'amount', type: 'double' }, { name: 'ts', type: 'timestamp' }], eventTime: { field: 'ts' } } },
      { id: 'big', kind: 'filter', config: { where: 'amount >= 30' } },
      { id: 'out', kind: 'kafka-sink', config: { topic: output, key: ['order_id'] } },
    ],
    edges: [{ from: 'orders', to: 'big' }, { from: 'big', to: 'out' }],
  };
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('the Flink engine', () => {
  it('runs a job with live metrics and checkpoints, stops it with a savepoint and resumes from it', async () => {
    const input = `${run}.orders`;
    const output = `${run}.big`;
    await writeInput(testBrokers(), { orders: Array.from({ length: 10 }, (_, i) => order(i)) }, () => input);
    const options: DeployOptions = { jobId: `${run}-job`, kafkaClusters: { default: { brokers: testBrokers() } }, dataDir: join('/tmp', 'weir-flink-engine', run) };
    const compiled = engine.compile(pipeline(input, output), options);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    const job = await engine.deploy(compiled.plan, options);
    expect(job.status().externalId).toMatch(/^[0-9a-f]{32}$/);
    expect(job.status().externalUrl).toBe(`${cluster().restUrl}/#/job/running/${job.status().externalId}`);

    const snapshots: MetricsSnapshot[] = [];
    const reading = (async () => { for await (const s of job.metrics()) snapshots.push(s); })();
    const read = await until('all ten records counted', () => snapshots.find((s) => s.nodes.orders?.recordsOutTotal === 10 && s.nodes.out?.recordsInTotal === 7));
    expect(MetricsSnapshotSchema.parse(read)).toEqual(read);
    expect(read).toMatchObject({ state: 'RUNNING', progress: null });
    expect(read.nodes.big).toMatchObject({ recordsInTotal: 10, recordsOutTotal: 7 });
    const lagFree = await until('the source to be caught up', () => snapshots.find((s) => s.partitions.length === 1 && s.partitions[0]!.offset === 10));
    expect(lagFree.partitions[0]).toMatchObject({ node: 'orders', topic: input, partition: 0, endOffset: 10, lag: 0 });
    await until('a completed checkpoint', async () => (await job.checkpoints()).find((c) => c.outcome === 'COMPLETED' && c.kind === 'checkpoint'));
    expect(snapshots.at(-1)?.checkpoints.completed).toBeGreaterThan(0);

    const stopped = await job.stop({ savepoint: true });
    expect(stopped.state).toBe('CANCELED');
    expect(stopped.savepoint).toMatch(/^file:.*savepoint-/);
    await reading;
    expect((await job.done).state).toBe('CANCELED');

    // New input while the job is stopped; the restored job reads only that.
    await writeInput(testBrokers(), { orders: [order(10), order(11), order(2)] }, () => input);
    const resumed = await engine.deploy(compiled.plan, { ...options, restoreFrom: stopped.savepoint! });
    await until('the resumed job to write the new rows', async () => {
      const rows = await readOutput(testBrokers(), [output], 1000);
      return rows.length >= 9 ? rows : undefined;
    });
    await resumed.stop();
    const rows = await readOutput(testBrokers(), [output], 1000);
    expect(rows.map((r) => r.key).sort()).toEqual(['o-10', 'o-11', 'o-3', 'o-4', 'o-5', 'o-6', 'o-7', 'o-8', 'o-9']);
  }, 300_000);

  it('reports a statement Flink rejects, naming it and Flink\'s reason', async () => {
    const plan: FlinkPlan = {
      name: 'broken', sql: '', postgresTables: [], nodes: [], sources: [], kafkaSinks: [], bounded: true, warnings: [],
      statements: ["CREATE TABLE `t` (`a` INT) WITH ('connector' = 'no-such-connector')", 'INSERT INTO `t` SELECT 1'],
    };
    const err = await engine.deploy(plan, { jobId: `${run}-broken`, kafkaClusters: {}, dataDir: '/tmp/weir-flink-engine' }).catch((e: unknown) => e);
    expect(isFlinkError(err, 'FLINK_SQL_ERROR')).toBe(true);
    expect((err as Error).message).toContain('INSERT INTO `t` SELECT 1');
    expect((err as Error).message).toContain("'no-such-connector'");
  }, 60_000);
});
