import type { DeployOptions, EmbeddedPlan, JobStatus, SinkOperator, StopResult } from '@weir/compiler';
import { ExprEvalError, type JobError, type JobState, type MetricsSnapshot } from '@weir/model';
import type { Row } from '@weir/model/field';
import { DecodeError } from '../codec/coerce';
import { RuntimeError, messageOf } from '../errors/runtime-error';
import { EventTimeError } from '../operators/errors';
import { DeadLetterWriter } from '../sinks/dead-letter';
import { KafkaSink } from '../sinks/kafka-sink';
import { PostgresSink } from '../sinks/postgres-sink';
import { PreviewSink, type PreviewRow } from '../sinks/preview-sink';
import type { AckedWriter, Sink, SinkHost } from '../sinks/sink';
import { KafkaSource } from '../source/kafka-source';
import type { RecordOrigin, SourceHost } from '../source/source-host';
import { buildGraph, type Graph } from './build-graph';
import { OffsetCommitter, type Checkpointer } from './checkpointer';
import type { GraphNode, NodeHost } from './graph-node';
import { KafkaClients } from './kafka-clients';
import { MetricsBuilder } from './metrics-builder';
import { TimeAccounting } from './time-accounting';
import { TuningSchema, type Tuning, type TuningInput } from './tuning';
import { Shutdown, withTimeout } from './shutdown';

export interface JobEvents {
  status(status: JobStatus): void;
  snapshot(snapshot: MetricsSnapshot): void;
  /** Rows a preview sink received since the last call. */
  preview(node: string, rows: PreviewRow[]): void;
}

export interface JobRunnerOptions {
  jobId: string;
  plan: EmbeddedPlan;
  deploy: DeployOptions;
  events: JobEvents;
  tuning?: TuningInput;
  clock?: () => number;
  /** What completes a barrier; default: commit source offsets (at-least-once). */
  checkpointer?: (sources: ReadonlyMap<string, KafkaSource>) => Checkpointer;
}

/** Thrown through the operator chain to abandon a record and fail the job (onError: fail). */
class JobAbort extends Error {
  constructor(readonly error: RuntimeError) {
    super(error.message);
  }
}

/**
 * One job in the current thread: sources read, rows run through the graph synchronously,
 * sinks buffer and flush. Offsets are committed at barriers once the sinks acknowledged
 * what was read before them. Lifecycle: CREATED → RUNNING → FINISHED (bounded input read,
 * every window fired), CANCELED (stop), FAILED.
 */
export class JobRunner implements SourceHost, SinkHost, NodeHost {
  readonly origin: RecordOrigin = { sourceNode: '', topic: '', partition: 0, offset: 0, message: null };
  fullSinks = 0;
  stopping = false;
  private readonly tuning: Tuning;
  private readonly clock: () => number;
  private readonly clients: KafkaClients;
  private readonly graph: Graph;
  private readonly sources = new Map<string, KafkaSource>();
  private readonly previews: PreviewSink[] = [];
  private readonly writers: AckedWriter[] = [];
  private deadLetters: DeadLetterWriter | null = null;
  private readonly accounting: TimeAccounting;
  private readonly checkpointer: Checkpointer;
  private metrics: MetricsBuilder | null = null;
  private state: JobState = 'CREATED';
  private error: JobError | null = null;
  private readonly startedAt: number;
  private endedAt: number | undefined;
  private now: number;
  private barrierId = 0;
  private barrierRunning: Promise<void> | null = null;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly shutdown = new Shutdown();
  private readonly upstreamCache = new Map<string, number[]>();
  private resolveDone!: (s: JobStatus) => void;
  readonly done: Promise<JobStatus>;

  constructor(private readonly options: JobRunnerOptions) {
    this.tuning = TuningSchema.parse(options.tuning ?? {});
    this.clock = options.clock ?? Date.now;
    this.startedAt = this.clock();
    this.now = this.startedAt;
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
    this.clients = new KafkaClients(options.deploy.kafkaClusters, `weir-${options.jobId}`, this.tuning.connectTimeoutMs);
    this.graph = buildGraph(options.plan, this, { sink: (op) => this.createSink(op), now: () => this.now });
    this.accounting = new TimeAccounting(this.graph.nodes.length, this.clock);
    this.checkpointer = (options.checkpointer ?? ((s) => new OffsetCommitter(s)))(this.sources);
  }

  get id(): string {
    return this.options.jobId;
  }

  status(): JobStatus {
    return {
      state: this.state,
      startedAt: this.startedAt,
      ...(this.endedAt !== undefined ? { endedAt: this.endedAt } : {}),
      ...(this.error !== null ? { error: this.error } : {}),
    };
  }

  /** Connects, prepares sources and sinks, and starts consuming; failures end the job as FAILED. */
  start(): Promise<void> {
    this.opening ??= this.open().catch((err: unknown) => this.fail(err, undefined));
    return this.opening;
  }

  private async open(): Promise<void> {
    const plan = this.options.plan;
    const onError = plan.settings.onError;
    const firstCluster = this.graph.sources[0]?.cluster ?? 'default';
    for (const op of this.graph.sources) await this.clients.admin(op.cluster, op.id);
    for (const { op } of this.graph.sinks) {
      if (op.sink === 'kafka') await this.clients.ensureTopic(op.cluster, op.id, op.topic, this.tuning.createdTopicPartitions);
    }
    if (onError.policy === 'dead-letter') {
      await this.clients.ensureTopic(firstCluster, 'settings.onError', onError.topic, this.tuning.createdTopicPartitions);
      const limits = { capacity: this.tuning.kafkaSinkCapacity, batchSize: this.tuning.kafkaSinkBatchSize, maxInFlight: this.tuning.kafkaSinkMaxInFlight };
      this.deadLetters = new DeadLetterWriter(onError.topic, this.clients.producer(firstCluster, 'settings.onError'), limits, this);
      this.writers.push(this.deadLetters);
    }
    await this.clients.connectProducers();
    for (const { sink } of this.graph.sinks) await sink.open();
    for (const op of this.graph.sources) {
      const node = this.graph.byId.get(op.id) as GraphNode;
      const admin = await this.clients.admin(op.cluster, op.id);
      const source = new KafkaSource(op, node, this.clients.kafka(op.cluster, op.id), admin, this, this.tuning, this.clock);
      this.sources.set(op.id, source);
    }
    for (const source of this.sources.values()) await source.prepare();
    this.metrics = new MetricsBuilder(this.id, this.graph.nodes, [...this.sources.values()], this.accounting, this.clock);
    if (this.stopping) return;
    this.setState('RUNNING');
    this.every(this.tuning.tickIntervalMs, () => this.tick());
    this.every(this.tuning.metricsIntervalMs, () => this.publishMetrics());
    this.every(this.tuning.commitIntervalMs ?? plan.settings.checkpointIntervalMs, () => void this.barrier().catch((err) => this.fail(err, undefined)));
    for (const source of this.sources.values()) {
      if (this.stopping) return;
      await source.start();
    }
  }

  private createSink(op: SinkOperator): Sink {
    switch (op.sink) {
      case 'kafka': {
        const limits = { capacity: this.tuning.kafkaSinkCapacity, batchSize: this.tuning.kafkaSinkBatchSize, maxInFlight: this.tuning.kafkaSinkMaxInFlight };
        const sink = new KafkaSink(op, this.clients.producer(op.cluster, op.id), limits, this);
        this.writers.push(sink);
        return sink;
      }
      case 'postgres': {
        const url = this.options.deploy.postgresConnections?.[op.connection]?.url;
        if (url === undefined) {
          throw new RuntimeError('CONNECTION_MISSING', `postgres-sink ${op.id}: no PostgreSQL connection named ${op.connection} is configured`, op.id);
        }
        const limits = { capacity: this.tuning.postgresSinkCapacity, batchSize: this.tuning.postgresSinkBatchSize, maxInFlight: 1 };
        const sink = new PostgresSink(op, url, limits, this);
        this.writers.push(sink);
        return sink;
      }
      case 'preview': {
        const sink = new PreviewSink(op);
        this.previews.push(sink);
        return sink;
      }
    }
  }

  // ---------------------------------------------------------------- the record path

  batchStarted(): void {
    this.accounting.busy();
  }

  batchDone(): void {
    this.origin.message = null;
    this.advanceWatermarks();
    for (const w of this.writers) w.nudge();
    this.accounting.idle();
  }

  async waitForSinks(heartbeat: () => Promise<void>): Promise<void> {
    const full = this.writers.filter((w) => w.full);
    const waitedOn = full.flatMap((w) => this.graph.byId.get(w.id)?.index ?? []);
    this.accounting.backpressured(this.upstreamOf(waitedOn), waitedOn);
    try {
      while (this.fullSinks > 0 && !this.stopping) {
        const drained = Promise.all(full.map((w) => w.whenDrained())).then(() => true, () => true);
        await this.shutdown.race(drained, 1_000);
        await heartbeat().catch(() => {});
      }
    } finally {
      this.accounting.busy();
    }
  }

  fullChanged(full: boolean): void {
    this.fullSinks += full ? 1 : -1;
  }

  decodeFailed(sourceNode: string, err: unknown): boolean {
    const node = this.graph.byId.get(sourceNode) as GraphNode;
    if (!(err instanceof DecodeError)) {
      this.fail(err, sourceNode);
      return false;
    }
    const o = this.origin;
    const message = `kafka-source ${sourceNode}: record at ${o.topic} partition ${o.partition} offset ${o.offset} cannot be decoded: ${err.message}`;
    return this.applyPolicy(node, 'DECODE_FAILED', message, null);
  }

  recordFailed(node: GraphNode, err: unknown): void {
    if (err instanceof JobAbort) throw err;
    if (!(err instanceof ExprEvalError || err instanceof EventTimeError)) {
      throw new JobAbort(new RuntimeError('INTERNAL', `node ${node.id}: ${messageOf(err)}`, node.id, { cause: err }));
    }
    if (!this.applyPolicy(node, 'EVAL_FAILED', `node ${node.id}: ${err.message}`, null)) {
      throw new JobAbort(new RuntimeError('EVAL_FAILED', `node ${node.id}: ${err.message}`, node.id));
    }
  }

  late(node: GraphNode, row: Row): void {
    if (this.deadLetters === null) return;
    const message = `record is late at node ${node.id} (watermark ${new Date(node.watermark).toISOString()})`;
    this.deadLetters.write({ reason: 'late', code: 'LATE_RECORD', message, node: node.id, origin: this.currentOrigin(), fallbackValue: this.rowText(row) });
  }

  /** skip / dead-letter: counts the error and returns true; fail: fails the job and returns false. */
  private applyPolicy(node: GraphNode, code: 'DECODE_FAILED' | 'EVAL_FAILED', message: string, row: Row | null): boolean {
    const policy = this.options.plan.settings.onError;
    if (policy.policy === 'fail') {
      this.fail(new RuntimeError(code, message, node.id), node.id);
      return false;
    }
    node.errors++;
    if (this.deadLetters !== null) {
      this.deadLetters.write({ reason: 'error', code, message, node: node.id, origin: this.currentOrigin(), fallbackValue: row === null ? 'null' : this.rowText(row) });
    }
    return true;
  }

  private currentOrigin() {
    const o = this.origin;
    if (o.message === null) return null;
    return { topic: o.topic, partition: o.partition, offset: o.offset, key: o.message.key ?? null, value: o.message.value ?? null };
  }

  /** A row without a source record behind it (emitted by a window), for a dead letter. */
  private rowText(row: Row): string {
    return JSON.stringify(row);
  }

  /** The nodes from which one of `sinks` can be reached (nodes are in topological order). */
  private upstreamOf(sinks: number[]): number[] {
    const key = sinks.join(',');
    let up = this.upstreamCache.get(key);
    if (up === undefined) {
      const reach = new Set<number>(sinks);
      const nodes = this.graph.nodes;
      for (let i = nodes.length - 1; i >= 0; i--) {
        if (nodes[i]!.children.some((c) => reach.has(c.node.index))) reach.add(i);
      }
      up = [...reach].filter((i) => !sinks.includes(i)).sort((a, b) => a - b);
      this.upstreamCache.set(key, up);
    }
    return up;
  }

  // ---------------------------------------------------------------- time

  private advanceWatermarks(): void {
    this.origin.message = null;
    for (const source of this.sources.values()) {
      const node = this.graph.byId.get(source.id) as GraphNode;
      try {
        if (source.watermarks !== null) node.advance(0, source.watermarks.update(), source.watermarks.isIdle);
        else node.advance(0, source.isEnded ? Infinity : this.now, false);
      } catch (err) {
        this.fail(err instanceof JobAbort ? err.error : err, source.id);
      }
    }
  }

  private tick(): void {
    this.now = this.clock();
    if (this.fullSinks > 0 || this.stopping) return;
    const mode = this.accounting.current;
    this.accounting.busy();
    this.advanceWatermarks();
    for (const w of this.writers) w.nudge();
    if (mode === 'idle') this.accounting.idle();
  }

  sourceEnded(): void {
    this.advanceWatermarks();
    // Finishing stops the consumers, which waits for the batch in hand: not from inside it.
    if ([...this.sources.values()].every((s) => s.isEnded)) setImmediate(() => void this.stop().catch(() => {}));
  }

  // ---------------------------------------------------------------- barriers, metrics

  /** Captures source positions now, and completes the barrier once the sinks acknowledged everything before it. */
  barrier(): Promise<void> {
    if (this.barrierRunning !== null) return this.barrierRunning;
    const positions = new Map([...this.sources].map(([id, s]) => [id, s.positions()]));
    const acked = this.writers.map((w) => w.whenAcked(w.appended));
    const barrier = { id: ++this.barrierId, time: this.clock(), positions };
    this.barrierRunning = Promise.all(acked)
      .then(() => this.checkpointer.complete(barrier))
      .finally(() => {
        this.barrierRunning = null;
      });
    return this.barrierRunning;
  }

  private publishMetrics(): void {
    if (this.metrics === null) return;
    for (const s of this.sources.values()) s.refreshEndOffsets();
    for (const p of this.previews) {
      const rows = p.takeNew();
      if (rows.length > 0) this.options.events.preview(p.id, rows);
    }
    this.options.events.snapshot(this.metrics.build(this.state, this.error));
  }

  private every(ms: number, fn: () => void): void {
    const t = setInterval(fn, ms);
    this.timers.push(t);
  }

  private setState(state: JobState): void {
    this.state = state;
    this.options.events.status(this.status());
  }

  // ---------------------------------------------------------------- the end

  /**
   * Stops the job: no more records, sinks flushed, and the offsets of everything they
   * acknowledged committed. FINISHED when all (bounded) input was read, else CANCELED.
   */
  stop(options: { savepoint?: boolean } = {}): Promise<StopResult> {
    if (options.savepoint === true) {
      return Promise.reject(new RuntimeError('SAVEPOINTS_UNAVAILABLE', 'the embedded engine does not take savepoints yet; stop without one'));
    }
    this.finishing ??= this.finish();
    return this.finishing;
  }

  private finishing: Promise<StopResult> | null = null;
  private opening: Promise<void> | null = null;

  private async finish(): Promise<StopResult> {
    if (this.isTerminal() || this.state === 'FAILING') return this.done.then((s) => ({ state: s.state }));
    const ended = this.sources.size > 0 && [...this.sources.values()].every((s) => s.isEnded);
    if (!ended) this.setState('CANCELLING');
    this.stopping = true;
    this.shutdown.trigger();
    await this.opening;
    if (this.isTerminal() || this.currentState === 'FAILING') return this.done.then((s) => ({ state: s.state }));
    try {
      await withTimeout(this.drainAndCommit(), this.tuning.stopTimeoutMs, `sinks did not flush within ${this.tuning.stopTimeoutMs} ms`);
    } catch (err) {
      if (this.error === null) this.error = toJobError(new RuntimeError('STOP_TIMEOUT', `stopping: ${messageOf(err)}; offsets after the last commit were not committed`), undefined, this.clock());
    }
    await this.teardown();
    this.end(this.error !== null && this.error.code !== 'STOP_TIMEOUT' ? 'FAILED' : ended ? 'FINISHED' : 'CANCELED');
    return { state: this.state };
  }

  private async drainAndCommit(): Promise<void> {
    for (const s of this.sources.values()) await s.quiesce();
    this.clearTimers();
    await this.barrierRunning?.catch(() => {});
    await this.barrier();
    for (const s of this.sources.values()) await s.disconnect();
  }

  /** Fails the job: no commit past what was acknowledged before; FAILING then FAILED. */
  fail(err: unknown, node: string | undefined): void {
    if (this.isTerminal() || this.state === 'FAILING' || this.error !== null) return;
    this.error = toJobError(err instanceof JobAbort ? err.error : err, node, this.clock());
    this.setState('FAILING');
    this.stopping = true;
    this.shutdown.trigger();
    setImmediate(() => void this.failTeardown());
  }

  private async failTeardown(): Promise<void> {
    this.clearTimers();
    await withTimeout(Promise.all([...this.sources.values()].map((s) => s.quiesce())), this.tuning.stopTimeoutMs, 'consumers did not stop').catch(() => {});
    await withTimeout(Promise.all([...this.sources.values()].map((s) => s.disconnect())), this.tuning.stopTimeoutMs, 'consumers did not disconnect').catch(() => {});
    await this.teardown();
    this.end('FAILED');
  }

  private async teardown(): Promise<void> {
    this.clearTimers();
    for (const { sink } of this.graph.sinks) await sink.close().catch(() => {});
    await this.clients.close();
  }

  private end(state: JobState): void {
    if (this.isTerminal()) return;
    this.endedAt = this.clock();
    this.setState(state);
    this.publishMetrics();
    this.resolveDone(this.status());
  }

  /** The state as of now (a getter, so that checks after an await are not narrowed away). */
  private get currentState(): JobState {
    return this.state;
  }

  private isTerminal(): boolean {
    return this.state === 'FINISHED' || this.state === 'CANCELED' || this.state === 'FAILED';
  }

  private clearTimers(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers.length = 0;
  }
}

export function toJobError(err: unknown, node: string | undefined, time: number): JobError {
  const code = err instanceof RuntimeError ? err.code : typeof (err as { code?: unknown })?.code === 'string' ? (err as { code: string }).code : 'INTERNAL';
  const where = err instanceof RuntimeError ? err.node : node;
  return { code, message: messageOf(err), ...(where !== undefined ? { node: where } : {}), time };
}
