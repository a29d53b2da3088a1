// Weir's embedded engine on the stateless pipe: kafka-source → map → kafka-sink, bounded,
// in a worker thread as the server deploys it; timed from the job's start (in its worker)
// until it has finished: every output record acknowledged by the broker and the offsets
// committed. The worker thread's boot before that is logged, not counted.
import { createEmbeddedEngine } from '@weir/runtime';
import { documentName, pipeDocument } from '../lib/documents';
import type { BenchContext, RunResult, Workload } from '../lib/workload';

export const embeddedPipe: Workload = {
  figure: 'embeddedPipeRecordsPerSecond',
  description: 'embedded engine: kafka-source (json, bounded) → map → kafka-sink (json), worker thread',
  async run(ctx: BenchContext): Promise<RunResult> {
    const name = documentName(ctx.unique('bench-embedded'));
    const document = pipeDocument(name, ctx.inputTopic, `${name}-out`, true);
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
