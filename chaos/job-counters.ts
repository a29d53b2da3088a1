import { join } from 'node:path';
import { createKafka } from '@weir/kafka';
import { checkpointIdOfMetadata, type NodeCounters } from '@weir/runtime/checkpoint/checkpoint-file';
import { CheckpointStore } from '@weir/runtime/checkpoint/checkpoint-store';

/**
 * The job's own totals at its end, across every restart: those of the checkpoint its
 * committed offsets name (what a next start would resume and count on from; the stop's last
 * checkpoint, taken after everything was read). Node totals live in checkpoints, so records
 * replayed after a crash are not counted twice.
 */
export async function committedCounters(brokers: string, groupId: string, topic: string, dataDir: string, jobId: string): Promise<Record<string, NodeCounters> | null> {
  const admin = createKafka({ brokers }).admin();
  await admin.connect();
  let id: number | null = null;
  try {
    const [t] = await admin.fetchOffsets({ groupId, topics: [topic] });
    for (const p of t?.partitions ?? []) {
      const named = checkpointIdOfMetadata((p as { metadata?: string | null }).metadata);
      if (named !== null && (id === null || named > id)) id = named;
    }
  } finally {
    await admin.disconnect();
  }
  if (id === null) return null;
  // `weir run` keeps a pipeline's files under <WEIR_DATA_DIR>/runs/<name>.
  const file = await new CheckpointStore(join(dataDir, 'runs', jobId), jobId).load(id);
  return file?.counters ?? null;
}

/** `weir run`'s closing line: the records its sources read and its sinks wrote, from the job's final metrics. */
export function closingTotals(log: string): { read: number; written: number } | null {
  const m = /(?:finished|stopped) after [^:]+: ([\d,]+) records read, ([\d,]+) written/.exec(log);
  if (m === null) return null;
  return { read: Number(m[1]!.replace(/,/g, '')), written: Number(m[2]!.replace(/,/g, '')) };
}

export interface CounterFacts {
  /** Every input offset (records and sentinels). */
  inputOffsets: number;
  /** Messages a read_committed reader sees in the output topic (sentinel results included). */
  outputMessages: number;
  /** Dead letters a read_committed reader sees; null without a dead-letter topic. */
  deadLetters: number | null;
  /** Stateless pipelines write one row per good record; window pipelines aggregate. */
  oneOutPerRecord: boolean;
}

/** Where the job's totals disagree with its output, its dead letters or its input (exactly-once: they must agree exactly). */
export function counterProblems(counters: Record<string, NodeCounters> | null, closing: { read: number; written: number } | null, f: CounterFacts): string[] {
  if (counters === null) return ['no committed checkpoint with node totals to compare with the output'];
  const src = counters.src;
  const sink = counters.sink;
  if (src === undefined || sink === undefined) return [`the committed checkpoint has no totals for nodes src and sink (${Object.keys(counters).join(', ')})`];
  const problems: string[] = [];
  const expect = (what: string, actual: number, expected: number) => {
    if (actual !== expected) problems.push(`${what}: the job counts ${actual}, expected ${expected}`);
  };
  expect('records the source read', src.recordsIn, f.inputOffsets);
  expect('records the source read = decoded + failed', src.recordsIn, src.recordsOut + src.errors);
  expect('rows the sink wrote vs the output topic', sink.recordsIn, f.outputMessages);
  if (f.oneOutPerRecord) expect('rows the source decoded vs the output topic', src.recordsOut, f.outputMessages);
  if (f.deadLetters !== null) expect('source errors vs the dead-letter topic', src.errors, f.deadLetters);
  else expect('source errors', src.errors, 0);
  if (closing === null) problems.push("weir run's closing line (records read, written) is missing from the last instance's output");
  else {
    expect("records read in weir run's closing line vs the source's total", closing.read, src.recordsOut);
    expect("rows written in weir run's closing line vs the sink's total", closing.written, sink.recordsIn);
  }
  return problems;
}
