// Weir's embedded engine on the stateless pipe: kafka-source → map → kafka-sink, bounded,
// in a worker thread as the server deploys it; timed from the job's start (in its worker)
// until it has finished: every output record acknowledged by the broker and the offsets
// committed. The worker thread's boot before that is logged, not counted.
import { createEmbeddedEngine } from '@weir/runtime';
import type { BenchContext, RunResult, Workload } from '../lib/workload';

const BID_SCHEMA = [
  { name: 'auction', type: 'bigint' }, { name: 'bidder', type: 'bigint' }, { name: 'price', type: 'bigint' },
  { name: 'channel', type: 'string' }, { name: 'url', type: 'string' }, { name: 'dateTime', type: 'timestamp' },
  { name: 'extra', type: 'string' },
];

export const embeddedPipe: Workload = {
  figure: 'embeddedPipeRecordsPerSecond',
  description: 'embedded engine: kafka-source (json, bounded) → map → kafka-sink (json), worker thread',
  async run(ctx: BenchContext): Promise<RunResult> {
    const name = ctx.unique('bench-embedded').toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 63);
    const document = {
      version: 1,
      name,
      nodes: [
        { id: 'bids', kind: 'kafka-source', config: { topic: ctx.inputTopic, schema: BID_SCHEMA, startFrom: 'earliest', bounded: 'latest' } },
        {
          id: 'euros', kind: 'map', config: {
            select: [
              { name: 'auction', expr: 'auction' }, { name: 'bidder', expr: 'bidder' },
              { name: 'price_eur', expr: 'price * 0.9' }, { name: 'dateTime', expr: 'dateTime' },
            ],
          },
        },
        { id: 'out', kind: 'kafka-sink', config: { topic: `${name}-out` } },
      ],
      edges: [{ from: 'bids', to: 'euros' }, { from: 'euros', to: 'out' }],
    };
    const engine = createEmbeddedEngine({ mode: 'worker' });
    const deploy = { jobId: name, kafkaClusters: { default: { brokers: ctx.brokers } }, dataDir: '/tmp/weir-bench' };
    const compiled = engine.compile(document, deploy);
    if (!compiled.ok) throw new Error(`bench pipeline does not compile: ${compiled.problems.map((p) => p.message).join('; ')}`);
    const deployed = Date.now();
    const job = await engine.deploy(compiled.plan, deploy);
    const status = await job.done;
    const ms = (status.endedAt ?? Date.now()) - status.startedAt;
    ctx.log(`embedded job: worker boot ${status.startedAt - deployed} ms, run ${ms} ms`);
    await engine.close();
    if (status.state !== 'FINISHED') throw new Error(`bench job ended ${status.state}: ${status.error?.message ?? ''}`);
    const records = job.latestMetrics()?.nodes.out?.recordsInTotal ?? 0;
    if (records !== ctx.records) throw new Error(`bench job wrote ${records} of ${ctx.records} records`);
    return { records, ms };
  },
};
