import type { JobStatus, StopResult } from '@weir/compiler';
import type { JobError, JobState } from '@weir/model';
import type { Row } from '@weir/model/field';
import { RuntimeError, messageOf } from '../errors/runtime-error';
import type { SinkHost } from '../sinks/sink';
import { KafkaSource } from '../source/kafka-source';
import type { RecordOrigin, SourceHost } from '../source/source-host';
import { buildGraph, type Graph } from './build-graph';
import { OffsetCommitter, type Barrier, type Checkpointer } from './checkpointer';
import { CheckpointCoordinator } from '../checkpoint/checkpoint-coordinator';
import { CheckpointStore } from '../checkpoint/checkpoint-store';
import { positionsFromJson, type CheckpointFile } from '../checkpoint/checkpoint-file';
import { chooseRestorePoint, startsAnew } from '../checkpoint/restore-point';
import { JobTransactions } from '../checkpoint/job-transactions';
import { isFenced } from '@weir/kafka/transactional-producer';
import type { GraphNode, NodeHost } from './graph-node';
import { JobSinks } from './job-sinks';
import { KafkaClients } from './kafka-clients';
import { MetricsBuilder } from './metrics-builder';
import { JobAbort, RecordErrors } from './record-errors';
import { TimeAccounting } from './time-accounting';
import { TuningSchema, type Tuning } from './tuning';
import { toJobError, type JobRunnerOptions } from './job-options';
import { upstreamOf } from './upstream';
import { Shutdown, withTimeout } from './shutdown';

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
  private readonly sinks: JobSinks;
  private errors: RecordErrors;
  private readonly accounting: TimeAccounting;
  private readonly checkpointer: Checkpointer;
  private readonly coordinator: CheckpointCoordinator | null;
  private readonly store: CheckpointStore;
  /** Exactly-once only: the job's transactional producer. */
  private readonly transactions: JobTransactions | null;
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
    this.transactions = options.plan.settings.delivery === 'exactly-once' && options.checkpointer === undefined ? this.createTransactions() : null;
    const transactions = this.transactions;
    this.sinks = new JobSinks(this.tuning, this.clients, options.deploy, this, transactions === null ? null : () => transactions.sender);
    this.graph = buildGraph(options.plan, this, { sink: (op) => this.sinks.create(op), now: () => this.now });
    this.accounting = new TimeAccounting(this.graph.nodes.length, this.clock);
    this.store = new CheckpointStore(options.deploy.dataDir, options.jobId, this.tuning.checkpointsRetained);
    if (options.checkpointer !== undefined) {
      this.coordinator = null;
      this.checkpointer = options.checkpointer(this.sources);
    } else {
      const offsets = new OffsetCommitter(this.sources);
      this.coordinator = new CheckpointCoordinator({
        jobId: options.jobId, delivery: options.plan.settings.delivery, store: this.store, clock: this.clock,
        commit: { commit: (b) => (transactions === null ? offsets.complete(b) : transactions.commit(b)) },
        failOnCommitError: transactions !== null,
      });
      this.checkpointer = this.coordinator;
    }
    this.errors = new RecordErrors(options.plan.settings.onError, null, this);
  }

  /**
   * One transaction spans every Kafka write and offset of the job, so exactly-once needs
   * its sources and Kafka sinks on one cluster.
   */
  private createTransactions(): JobTransactions {
    const plan = this.options.plan;
    const sources = plan.operators.flatMap((op) => (op.kind === 'source' ? [op] : []));
    const clusters = new Set([
      ...sources.map((op) => op.cluster),
      ...plan.operators.flatMap((op) => (op.kind === 'sink' && op.sink === 'kafka' ? [op.cluster] : [])),
    ]);
    const cluster = [...clusters][0] ?? 'default';
    if (clusters.size > 1) {
      throw new RuntimeError('BAD_PLAN', `settings.delivery: exactly-once needs every Kafka source and sink on one cluster; this pipeline uses ${[...clusters].join(', ')}`);
    }
    const interval = this.tuning.commitIntervalMs ?? plan.settings.checkpointIntervalMs;
    return new JobTransactions(this.clients.kafka(cluster, 'settings.delivery'), `${plan.settings.transactionalIdPrefix}.${cluster}`, interval, sources);
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
      this.errors = new RecordErrors(onError, await this.sinks.deadLetters(firstCluster, onError.topic), this);
    }
    await this.clients.connectProducers();
    // Fences every older instance before the committed offsets are read to choose the snapshot.
    await this.transactions?.begin();
    for (const { sink } of this.graph.sinks) await sink.open();
    for (const op of this.graph.sources) {
      const node = this.graph.byId.get(op.id) as GraphNode;
      const admin = await this.clients.admin(op.cluster, op.id);
      const source = new KafkaSource(op, node, this.clients.kafka(op.cluster, op.id), admin, this, this.tuning, this.clock);
      this.sources.set(op.id, source);
    }
    const restored = await this.restore();
    const positions = restored === null ? null : positionsFromJson(restored.positions);
    for (const source of this.sources.values()) await source.prepare(positions?.get(source.id));
    this.metrics = new MetricsBuilder(this.id, this.graph.nodes, [...this.sources.values()], this.accounting, this.clock, () => this.checkpointMetrics());
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

  /** Picks the checkpoint to resume from, restores operator state from it, and returns it (null: a fresh start). */
  private async restore(): Promise<CheckpointFile | null> {
    if (this.coordinator === null) return null;
    this.barrierId = await this.coordinator.init();
    const groups = await Promise.all(this.graph.sources.map(async (op) => ({ topic: op.topic, groupId: op.groupId, admin: await this.clients.admin(op.cluster, op.id) })));
    const file = await chooseRestorePoint(this.store, this.id, this.options.plan.settings.delivery === 'exactly-once', this.options.deploy.restoreFrom, groups);
    if (file === null) return null;
    if (startsAnew(file, this.options.deploy.restoreFrom)) {
      this.previousRunFinished = file.id;
      return null;
    }
    for (const node of this.graph.nodes) {
      if (node.op === null || !(node.id in file.operators)) continue;
      try {
        node.op.restore(file.operators[node.id]);
      } catch (err) {
        throw new RuntimeError('CHECKPOINT_INCOMPATIBLE', `node ${node.id}: checkpoint ${file.id} does not fit this operator: ${messageOf(err)}`, node.id, { cause: err });
      }
    }
    for (const node of this.graph.nodes) {
      const c = file.counters?.[node.id];
      if (c === undefined) continue;
      node.recordsIn = c.recordsIn;
      node.recordsOut = c.recordsOut;
      node.lateRecords = c.lateRecords;
      node.errors = c.errors;
    }
    this.restoredFrom = file.id;
    return file;
  }

  /** The checkpoint this run resumed from (null: it started fresh). */
  restoredFrom: number | null = null;
  /** The last checkpoint of a bounded run that finished, which this run did not resume (null: there was none). */
  previousRunFinished: number | null = null;

  /** Whether this run completed a checkpoint of its own (a restart strategy's sign of progress). */
  get completedCheckpoint(): boolean {
    return this.coordinator?.lastCompletedCheckpoint != null;
  }

  private checkpointMetrics() {
    return this.coordinator?.metrics() ?? { lastCompleted: null, inProgress: null, completed: 0, failed: 0 };
  }

  // ---------------------------------------------------------------- the record path

  batchStarted(): void {
    this.accounting.busy();
  }

  batchDone(): void {
    this.origin.message = null;
    this.advanceWatermarks();
    for (const w of this.sinks.writers) w.nudge();
    this.accounting.idle();
  }

  async waitForSinks(heartbeat: () => Promise<void>): Promise<void> {
    const full = this.sinks.writers.filter((w) => w.full);
    const waitedOn = full.flatMap((w) => this.graph.byId.get(w.id)?.index ?? []);
    this.accounting.backpressured(this.upstream(waitedOn), waitedOn);
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
    return this.errors.decodeFailed(this.graph.byId.get(sourceNode) as GraphNode, err);
  }

  recordFailed(node: GraphNode, err: unknown, row: Row | null): void {
    this.errors.recordFailed(node, err, row);
  }

  late(node: GraphNode, row: Row): void {
    this.errors.late(node, row);
  }

  private upstream(sinks: number[]): number[] {
    const key = sinks.join(',');
    let up = this.upstreamCache.get(key);
    if (up === undefined) this.upstreamCache.set(key, (up = upstreamOf(this.graph.nodes, sinks)));
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
    for (const w of this.sinks.writers) w.nudge();
    if (mode === 'idle') this.accounting.idle();
  }

  sourceEnded(): void {
    this.advanceWatermarks();
    // Finishing stops the consumers, which waits for the batch in hand: not from inside it.
    if ([...this.sources.values()].every((s) => s.isEnded)) setImmediate(() => void this.stop().catch(() => {}));
  }

  // ---------------------------------------------------------------- barriers, metrics

  /** Captures source positions now, and completes the barrier once the sinks acknowledged everything before it. */
  barrier(finished = false): Promise<void> {
    if (this.barrierRunning !== null) return this.barrierRunning;
    const positions = new Map([...this.sources].map(([id, s]) => [id, s.positions()]));
    // Taken in the same synchronous step as the positions: no record can fall between them.
    const operators: Record<string, unknown> = {};
    const counters: Barrier['counters'] = {};
    if (this.coordinator !== null) {
      for (const node of this.graph.nodes) {
        if (node.op !== null) operators[node.id] = node.op.snapshot();
        counters[node.id] = { recordsIn: node.recordsIn, recordsOut: node.recordsOut, lateRecords: node.lateRecords, errors: node.errors };
      }
    }
    // Exactly-once: rows after the barrier wait for the next transaction.
    const held = this.sinks.transactional;
    for (const w of held) w.hold(w.appended);
    const acked = this.sinks.writers.map((w) => w.whenAcked(w.appended));
    const barrier: Barrier = { id: ++this.barrierId, time: this.clock(), positions, operators, counters, finished };
    this.coordinator?.started(barrier);
    this.barrierRunning = Promise.all(acked)
      .then(() => this.checkpointer.complete(barrier))
      .finally(() => {
        this.barrierRunning = null;
        for (const w of held) w.release();
      });
    return this.barrierRunning;
  }

  private publishMetrics(): void {
    if (this.metrics === null) return;
    for (const s of this.sources.values()) s.refreshEndOffsets();
    for (const p of this.sinks.previews) {
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
      await withTimeout(this.drainAndCommit(ended), this.tuning.stopTimeoutMs, `sinks did not flush within ${this.tuning.stopTimeoutMs} ms`);
    } catch (err) {
      if (this.error === null) this.error = toJobError(new RuntimeError('STOP_TIMEOUT', `stopping: ${messageOf(err)}; offsets after the last commit were not committed`), undefined, this.clock());
    }
    await this.teardown();
    this.end(this.error !== null && this.error.code !== 'STOP_TIMEOUT' ? 'FAILED' : ended ? 'FINISHED' : 'CANCELED');
    return { state: this.state };
  }

  /** `ended`: all bounded input was read, so this last checkpoint marks the run as finished. */
  private async drainAndCommit(ended: boolean): Promise<void> {
    for (const s of this.sources.values()) await s.quiesce();
    this.clearTimers();
    await this.barrierRunning?.catch(() => {});
    await this.barrier(ended);
    for (const s of this.sources.values()) await s.disconnect();
  }

  /** Fails the job: no commit past what was acknowledged before; FAILING then FAILED. */
  fail(err: unknown, node: string | undefined): void {
    if (this.isTerminal() || this.state === 'FAILING' || this.error !== null) return;
    this.error = toJobError(this.asFenced(err instanceof JobAbort ? err.error : err), node, this.clock());
    this.setState('FAILING');
    this.stopping = true;
    this.shutdown.trigger();
    setImmediate(() => void this.failTeardown());
  }

  /**
   * Exactly-once: a failure that comes from being fenced (a sink's send refused for an old
   * producer epoch, say) is PRODUCER_FENCED, whatever wrapped it: another instance runs the
   * job now, and the restart strategy must not start this one again to fence it in turn.
   */
  private asFenced(err: unknown): unknown {
    if (this.transactions === null || (err instanceof RuntimeError && err.code === 'PRODUCER_FENCED') || !isFenced(err)) return err;
    return new RuntimeError('PRODUCER_FENCED', `transactional id ${this.transactions.transactionalId}: another instance of this job took over (${messageOf(err)})`, err instanceof RuntimeError ? err.node : undefined, { cause: err });
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
    // A producer whose broker is gone can retry for minutes; the job's end must not wait on it.
    await withTimeout(this.transactions?.close() ?? Promise.resolve(), this.tuning.stopTimeoutMs, 'the transactional producer did not close').catch(() => {});
    await withTimeout(this.clients.close(), this.tuning.stopTimeoutMs, 'the Kafka clients did not close').catch(() => {});
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
