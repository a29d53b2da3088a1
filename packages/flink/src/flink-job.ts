import { MetricsHub, type CheckpointRecord, type Job, type JobStatus, type StopResult } from '@weir/compiler';
import type { JobError, JobState, MetricsSnapshot } from '@weir/model';
import type { ExternalIo } from './external-io';
import { isFlinkError, javaErrorReason } from './flink-error';
import { jobOperators } from './flink-operators';
import type { FlinkPlan } from './flink-plan';
import { isFlinkTerminal, mapFlinkJobState } from './job-state';
import { buildSnapshot, emptyMemory, type MetricValues, type PollMemory, type SourcePartitions } from './metrics-mapping';
import { bindNodes, type NodeBinding } from './node-bindings';
import type { FlinkRestClient } from './rest-client';
import type { CheckpointingStats, JobDetails } from './rest-types';

export interface FlinkJobContext {
  rest: FlinkRestClient;
  io: ExternalIo;
  /** Where stop-with-savepoint writes (a `file://` URI or a path); absent: the cluster's default. */
  savepointDir?: string;
  /** Link to Flink's web UI for this job, when the cluster serves one. */
  webUiUrl?: string;
  pollIntervalMs?: number;
  /** How long Flink may stay unreachable before the job is reported FAILED. */
  unreachableAfterMs?: number;
}

/** A pipeline running on Flink, followed through the REST API once a second. */
export class FlinkJob implements Job {
  readonly done: Promise<JobStatus>;
  private current: JobStatus;
  private readonly hub = new MetricsHub();
  private resolveDone!: (s: JobStatus) => void;
  private memory: PollMemory = emptyMemory();
  private bindings: Map<string, NodeBinding> | null = null;
  private metricIds = new Map<string, string[]>();
  private polls = 0;
  private stopRequested = false;
  private ended = false;
  private timer: NodeJS.Timeout | null = null;
  private lastContact = Date.now();
  private savepoint: string | undefined;

  constructor(
    readonly id: string,
    readonly flinkJobId: string,
    private readonly plan: FlinkPlan,
    private readonly ctx: FlinkJobContext,
  ) {
    this.current = { state: 'CREATED', startedAt: Date.now(), externalId: flinkJobId, ...(ctx.webUiUrl ? { externalUrl: ctx.webUiUrl } : {}) };
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
  }

  /** Begins polling; the first snapshot follows within a second. */
  start(): void {
    const tick = async () => {
      this.timer = null;
      await this.poll().catch(() => undefined);
      if (!this.ended) this.timer = setTimeout(() => void tick(), this.ctx.pollIntervalMs ?? 1000);
    };
    void tick();
  }

  status(): JobStatus {
    return { ...this.current };
  }

  metrics(): AsyncIterable<MetricsSnapshot> {
    return this.hub.iterable();
  }

  latestMetrics(): MetricsSnapshot | null {
    return this.hub.latest();
  }

  async stop(options: { savepoint?: boolean } = {}): Promise<StopResult> {
    if (this.ended) return { state: this.current.state, ...(this.savepoint ? { savepoint: this.savepoint } : {}) };
    this.stopRequested = true;
    try {
      if (options.savepoint) {
        this.savepoint = await this.ctx.rest.stopWithSavepoint(this.flinkJobId, this.ctx.savepointDir);
      } else {
        await this.ctx.rest.cancel(this.flinkJobId);
      }
    } catch (err) {
      // Flink refuses to stop a job that has just ended on its own: then the end stands.
      const state = await this.ctx.rest.job(this.flinkJobId).then((j) => j.state, () => null);
      this.stopRequested = false;
      if (state === null || !isFlinkTerminal(state)) throw err;
    }
    const final = await this.done;
    return { state: final.state, ...(this.savepoint ? { savepoint: this.savepoint } : {}) };
  }

  async checkpoints(): Promise<CheckpointRecord[]> {
    const stats = await this.ctx.rest.checkpoints(this.flinkJobId);
    return stats.history.map((h) => ({
      id: h.id,
      time: h.trigger_timestamp,
      durationMs: h.end_to_end_duration ?? 0,
      sizeBytes: h.state_size ?? h.checkpointed_size ?? 0,
      outcome: h.status === 'COMPLETED' ? 'COMPLETED' : h.status === 'FAILED' ? 'FAILED' : 'IN_PROGRESS',
      kind: h.is_savepoint ? 'savepoint' : 'checkpoint',
      ...(h.external_path ? { location: h.external_path } : {}),
      ...(h.failure_message ? { failure: h.failure_message } : {}),
    }));
  }

  /** Ends following the job without touching it in Flink (the engine is closing). */
  detach(): void {
    if (!this.ended) this.finish(this.current.state === 'CREATED' ? 'CANCELED' : this.current.state);
  }

  private async poll(): Promise<void> {
    if (this.ended) return;
    const time = Date.now();
    let job: JobDetails;
    try {
      job = await this.ctx.rest.job(this.flinkJobId);
      this.lastContact = time;
    } catch (err) {
      if (isFlinkError(err, 'FLINK_UNREACHABLE') && time - this.lastContact > (this.ctx.unreachableAfterMs ?? 60_000)) {
        this.current = { ...this.current, error: { code: 'FLINK_UNREACHABLE', message: (err as Error).message, time } };
        this.finish('FAILED');
      }
      return;
    }
    const terminal = isFlinkTerminal(job.state);
    let state: JobState = mapFlinkJobState(job.state);
    // A job Weir stopped is CANCELED, also when Flink says FINISHED after stop-with-savepoint.
    if (terminal && this.stopRequested && state !== 'FAILED') state = 'CANCELED';
    if (this.bindings === null && job.vertices.length > 0) {
      const { operators, upstream } = jobOperators(job);
      this.bindings = bindNodes(this.plan.nodes, operators, upstream);
    }
    const [values, checkpoints, sources, error] = await Promise.all([
      terminal ? Promise.resolve(new Map() as MetricValues) : this.readMetrics(job).catch(() => new Map() as MetricValues),
      this.ctx.rest.checkpoints(this.flinkJobId).catch((): CheckpointingStats | null => null),
      this.ctx.io.sourcePartitions(this.plan).catch((): SourcePartitions[] => []),
      state === 'FAILED' || state === 'FAILING' || state === 'RESTARTING' ? this.failure() : Promise.resolve(null),
    ]);
    this.polls += 1;
    const { snapshot, memory } = buildSnapshot({
      jobId: this.id, time, state, nodes: this.plan.nodes, bindings: this.bindings ?? new Map(), job, values,
      checkpoints, sources, bounded: this.plan.bounded, error,
    }, this.memory);
    this.memory = memory;
    this.current = {
      ...this.current,
      state,
      startedAt: job['start-time'] > 0 ? job['start-time'] : this.current.startedAt,
      ...(error ? { error } : {}),
      ...(terminal ? { endedAt: job['end-time'] > 0 ? job['end-time'] : time } : {}),
      ...(this.ctx.webUiUrl ? { externalUrl: this.ctx.webUiUrl.replace('/running/', terminal ? '/completed/' : '/running/') } : {}),
    };
    this.hub.publish(snapshot);
    if (terminal) this.finish(state);
  }

  private async readMetrics(job: JobDetails): Promise<MetricValues> {
    const values: MetricValues = new Map();
    if (!this.bindings) return values;
    const wanted = new Map<string, Set<string>>();
    const want = (vertexId: string, metric: string) => {
      let set = wanted.get(vertexId);
      if (!set) wanted.set(vertexId, (set = new Set()));
      set.add(metric);
    };
    for (const b of this.bindings.values()) {
      for (const r of [...b.recordsIn, ...b.recordsOut, ...b.late, ...(b.watermark ? [b.watermark] : [])]) want(r.vertexId, r.metric);
      if (b.sourceOperator) {
        const s = b.sourceOperator;
        want(s.vertexId, s.metric.replace(/\.numRecordsOut$/, '.currentEmitEventTimeLag'));
        const source = this.plan.sources.find((x) => x.node === b.node);
        // Partition offsets are per partition the reader was assigned; learn them from the metric ids.
        for (const id of await this.metricIdsOf(job, s.vertexId)) {
          if (source && id.startsWith(s.metric.slice(0, s.metric.lastIndexOf('.'))) && id.endsWith('.currentOffset')) want(s.vertexId, id);
        }
      }
    }
    const running = new Set(job.vertices.filter((v) => v.status === 'RUNNING').map((v) => v.id));
    await Promise.all([...wanted].filter(([v]) => running.has(v)).map(async ([vertexId, ids]) => {
      const got = await this.ctx.rest.vertexMetrics(this.flinkJobId, vertexId, [...ids]);
      values.set(vertexId, new Map(got.map((m) => [m.id, m])));
    }));
    return values;
  }

  private async metricIdsOf(job: JobDetails, vertexId: string): Promise<string[]> {
    const known = this.metricIds.get(vertexId);
    // Partitions can be added while the job runs: look again now and then.
    if (known && known.length > 0 && this.polls % 30 !== 0) return known;
    const vertex = job.vertices.find((v) => v.id === vertexId);
    if (vertex?.status !== 'RUNNING') return known ?? [];
    const ids = await this.ctx.rest.vertexMetricIds(this.flinkJobId, vertexId).catch(() => known ?? []);
    this.metricIds.set(vertexId, ids);
    return ids;
  }

  private async failure(): Promise<JobError | null> {
    const ex = await this.ctx.rest.exceptions(this.flinkJobId).catch(() => null);
    const entry = ex?.exceptionHistory?.entries[0];
    const trace = entry?.stacktrace ?? ex?.['root-exception'] ?? null;
    if (!trace) return null;
    const node = entry?.taskName ? this.plan.nodes.find((n) => entry.taskName?.includes(`${n.id}[`) || entry.taskName?.includes(`${n.id}$kafka[`))?.id : undefined;
    return { code: 'FLINK_JOB_FAILED', message: javaErrorReason(trace), ...(node ? { node } : {}), time: entry?.timestamp ?? Date.now() };
  }

  private finish(state: JobState): void {
    if (this.ended) return;
    this.ended = true;
    if (this.timer) clearTimeout(this.timer);
    this.current = { ...this.current, state, endedAt: this.current.endedAt ?? Date.now() };
    this.hub.end();
    void this.ctx.io.close();
    this.resolveDone(this.status());
  }
}
