import { describe, expect, it } from 'vitest';
import { MetricsSnapshotSchema } from '@weir/model';
import { jobOperators } from './flink-operators';
import { buildSnapshot, emptyMemory, partitionOffsetMetric, type MetricValues, type PollInput } from './metrics-mapping';
import { bindNodes, type PlanNode } from './node-bindings';
import { AggregatedMetricsSchema, CheckpointingStatsSchema, JobDetailsSchema, type JobDetails } from './rest-types';
import recorded from './testdata/revenue-running.json';

const job = JobDetailsSchema.parse(recorded.job);
const nodes = recorded.plan.nodes as PlanNode[];
const { operators, upstream } = jobOperators(job);
const bindings = bindNodes(nodes, operators, upstream);
const topic = recorded.plan.sources[0]!.topic;

function values(metrics: Record<string, unknown>, scale = 1): MetricValues {
  return new Map(Object.entries(metrics).map(([vertex, list]) => [vertex, new Map(AggregatedMetricsSchema.parse(list)
    .map((m) => [m.id, /numRecords/.test(m.id) ? { ...m, sum: (m.sum ?? 0) * scale, max: (m.max ?? 0) * scale } : m]))]));
}

function input(over: Partial<PollInput>): PollInput {
  return {
    jobId: 'weir-job', time: recorded.job.now, state: 'RUNNING', nodes, bindings, job, values: values(recorded.metrics),
    checkpoints: CheckpointingStatsSchema.parse(recorded.checkpoints),
    sources: [{ node: 'orders', topic, partitions: [{ partition: 0, endOffset: 5, committedOffset: 5 }, { partition: 1, endOffset: 6, committedOffset: null }] }],
    bounded: false, error: null, ...over,
  };
}

describe('metrics snapshot from recorded Flink REST payloads', () => {
  const { snapshot, memory } = buildSnapshot(input({}), emptyMemory());

  it('is a valid snapshot of the shared schema', () => {
    expect(MetricsSnapshotSchema.parse(snapshot)).toEqual(snapshot);
  });

  it('counts records per node from the operators bound to it', () => {
    const totals = Object.fromEntries(Object.entries(snapshot.nodes).map(([id, n]) => [id, [n.recordsInTotal, n.recordsOutTotal]]));
    expect(totals).toEqual({ orders: [10, 10], big: [10, 7], 'per-minute': [7, 3], out: [3, 3] });
  });

  it('reads watermarks, with Flink\'s "none yet" as null', () => {
    expect(snapshot.nodes['per-minute']?.currentWatermark).toBe(1767225660000);
    const noWatermark = values({ [job.vertices[0]!.id]: [{ id: 'Source__orders$kafka[29].currentOutputWatermark', min: -9223372036854776000, max: -9223372036854776000, sum: 0 }] });
    expect(buildSnapshot(input({ values: noWatermark }), emptyMemory()).snapshot.nodes.orders?.currentWatermark).toBeNull();
  });

  it('takes partition positions from Flink (last offset read + 1) and end offsets from Kafka', () => {
    expect(snapshot.partitions.map((p) => [p.partition, p.offset, p.endOffset, p.lag])).toEqual([[0, 5, 5, 0], [1, 5, 6, 1]]);
    expect(partitionOffsetMetric('Source__orders$kafka[29].numRecordsOut', 'a.b', 2)).toBe('Source__orders$kafka[29].KafkaSourceReader.topic.a_b.partition.2.currentOffset');
  });

  it('reports checkpoints as Flink counts them', () => {
    const stats = CheckpointingStatsSchema.parse(recorded.checkpoints);
    expect(snapshot.checkpoints).toMatchObject({ completed: stats.counts.completed, failed: stats.counts.failed });
    expect(snapshot.checkpoints.lastCompleted?.id).toBe(stats.latest?.completed?.id);
  });

  it('turns counter and accumulated-time differences between polls into per-second rates', () => {
    const later: JobDetails = structuredClone(job);
    const v = later.vertices[1]!;
    v.metrics = { ...v.metrics!, 'accumulated-busy-time': v.metrics!['accumulated-busy-time'] + 250, 'accumulated-backpressured-time': v.metrics!['accumulated-backpressured-time'] + 600, 'accumulated-idle-time': v.metrics!['accumulated-idle-time'] + 150 };
    const next = buildSnapshot(input({ time: recorded.job.now + 2000, job: later, values: values(recorded.metrics, 3) }), memory).snapshot;
    expect(next.nodes.orders?.recordsOutPerSecond).toBe(10);
    expect(next.nodes.out).toMatchObject({ recordsInPerSecond: 3, busyTimeMsPerSecond: 125, backPressuredTimeMsPerSecond: 300, idleTimeMsPerSecond: 75, backpressure: 'LOW' });
  });

  it('keeps the last totals once the tasks end, and completes a bounded job', () => {
    const finished: JobDetails = { ...structuredClone(job), state: 'FINISHED', vertices: job.vertices.map((v) => ({ ...v, status: 'FINISHED' })) };
    const end = buildSnapshot(input({ state: 'FINISHED', job: finished, values: new Map(), bounded: true }), memory).snapshot;
    expect(end.nodes['per-minute']?.recordsOutTotal).toBe(3);
    // A source's total after the end is its vertex's read-records (records read from Kafka).
    expect(end.nodes.orders?.recordsOutTotal).toBe(job.vertices[0]!.metrics!['read-records']);
    expect(end.progress).toBe(1);
    expect(end.partitions.map((p) => p.lag)).toEqual([0, 0]);
  });

  it('estimates a bounded job\'s progress from records read and lag', () => {
    expect(buildSnapshot(input({ bounded: true }), emptyMemory()).snapshot.progress).toBeCloseTo(10 / 11);
  });
});
