import type { SourceOperator } from '@weir/compiler';
import type { PartitionMetrics } from '@weir/model';
import type { Admin, Batch, Consumer, Kafka } from '@weir/kafka';
import { createDecoder, type Decoder } from '../codec/decoder';
import { RuntimeError, messageOf } from '../errors/runtime-error';
import { SourceWatermarks, type PartitionFeed } from '../state/watermarks';
import { PartitionTable, type PartitionState } from './partition-table';
import type { GraphNode } from '../job/graph-node';
import type { SourceHost } from './source-host';
import { retryKafka } from './retry-kafka';
import { resolvePartitionRanges } from './start-positions';

export interface SourceTuning {
  /** How often the consumer looks for new partitions (kafkajs metadataMaxAge). */
  metadataMaxAgeMs: number;
  maxBytesPerPartition: number;
  maxBytes: number;
  maxWaitTimeInMs: number;
  sessionTimeoutMs: number;
}

/**
 * One `kafka-source` node: a kafkajs consumer (its own group, manual commits) that decodes
 * each batch and pushes the rows through the job synchronously. It stops fetching when the
 * job's sinks are full simply by not returning from `eachBatch` (kafkajs fetches the next
 * batch only after the handler returns), heartbeating meanwhile.
 */
export class KafkaSource {
  readonly id: string;
  readonly watermarks: SourceWatermarks | null;
  private readonly decode: Decoder;
  private readonly parts = new PartitionTable();
  private consumer: Consumer | null = null;
  private ended = false;
  /** What the group has committed, per partition (-1: nothing). */
  private readonly committed = new Map<number, number>();
  private inBatch: Promise<void> | null = null;
  private highFetch: Promise<void> | null = null;

  constructor(
    private readonly op: SourceOperator,
    private readonly node: GraphNode,
    private readonly kafka: Kafka,
    private readonly admin: Admin,
    private readonly host: SourceHost,
    private readonly tuning: SourceTuning,
    private readonly clock: () => number,
  ) {
    this.id = op.id;
    this.decode = createDecoder(op.format, op.schema);
    this.watermarks = op.eventTime === null
      ? null
      : new SourceWatermarks({ maxOutOfOrdernessMs: op.eventTime.maxOutOfOrdernessMs, idleTimeoutMs: op.eventTime.idleTimeoutMs, clock });
  }

  get bounded(): boolean {
    return this.op.bounded !== null;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /**
   * Checks the topic and fixes where each partition starts (and, bounded, ends). `restored`:
   * the positions of the checkpoint the job resumes from, which win over `startFrom`.
   */
  async prepare(restored?: ReadonlyMap<number, number>): Promise<void> {
    const { topic, groupId } = this.op;
    const topics = await this.admin.listTopics();
    if (!topics.includes(topic)) {
      throw new RuntimeError('TOPIC_NOT_FOUND', `kafka-source ${this.id}: topic ${topic} does not exist`, this.id);
    }
    const ranges = await retryKafka(() => resolvePartitionRanges(this.admin, topic, groupId, this.op.startFrom, this.op.bounded));
    const states = ranges.map((r) => {
      const at = restored?.get(r.partition);
      // Clamped into the log like any start; a bounded end never lies before the start.
      const start = at === undefined ? r.start : Math.min(Math.max(at, r.low), r.high);
      return this.addPartition(r.partition, start, r.end === null ? null : Math.max(start, r.end), r.high);
    });
    // Only once all are known: finishing the last open partition ends the source.
    for (const st of states) if (st.end !== null && st.start >= st.end) this.finishPartition(st);
    const [committed] = await retryKafka(() => this.admin.fetchOffsets({ groupId, topics: [topic] }));
    for (const p of committed?.partitions ?? []) this.committed.set(p.partition, Number(p.offset));
  }

  /** Starts consuming; a bounded source whose partitions are all empty ends at once. */
  async start(): Promise<void> {
    if (this.bounded && this.parts.allFinished()) {
      this.end();
      return;
    }
    const consumer = this.kafka.consumer({
      groupId: this.op.groupId,
      metadataMaxAge: this.tuning.metadataMaxAgeMs,
      maxBytesPerPartition: this.tuning.maxBytesPerPartition,
      maxBytes: this.tuning.maxBytes,
      minBytes: 1,
      maxWaitTimeInMs: this.tuning.maxWaitTimeInMs,
      sessionTimeout: this.tuning.sessionTimeoutMs,
      heartbeatInterval: Math.max(500, Math.floor(this.tuning.sessionTimeoutMs / 10)),
      allowAutoTopicCreation: false,
      retry: { retries: 5 },
    });
    this.consumer = consumer;
    // Runs after the group's assignment and before the first fetch: the place to position
    // the consumer (kafkajs applies seeks at its next fetch). After a rebalance this also
    // resumes where the job stands rather than at the older committed offset.
    consumer.on(consumer.events.GROUP_JOIN, (e) => {
      for (const p of e.payload.memberAssignment[this.op.topic] ?? []) {
        const st = this.parts.get(p);
        if (st === undefined) {
          // A partition added while running: read from its start (kafkajs: fromBeginning).
          if (!this.bounded) this.addPartition(p, 0, null, 0);
          continue;
        }
        if (!st.finished) consumer.seek({ topic: this.op.topic, partition: p, offset: String(st.position) });
      }
    });
    // A batch of only control records (transaction markers) or aborted messages never
    // reaches eachBatch; its offsets still count as read, or a bounded source whose input
    // ends with a transaction marker would never reach its end offset.
    consumer.on(consumer.events.END_BATCH_PROCESS, (e) => {
      if (e.payload.batchSize !== 0 || e.payload.topic !== this.op.topic) return;
      const st = this.parts.get(e.payload.partition);
      if (st !== undefined) this.skipTo(st, Number(e.payload.lastOffset) + 1);
    });
    consumer.on(consumer.events.CRASH, (e) => {
      if (!e.payload.restart) this.host.fail(new RuntimeError('SOURCE_FAILED', `kafka-source ${this.id}: consumer stopped: ${messageOf(e.payload.error)}`, this.id, { cause: e.payload.error }), this.id);
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [this.op.topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 1,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        const work = this.onBatch(batch, resolveOffset, heartbeat, () => isRunning() && !isStale()).catch((err: unknown) => {
          // Never let kafkajs retry a batch the job has failed on.
          this.host.fail(err, this.id);
        });
        this.inBatch = work;
        await work;
        this.inBatch = null;
      },
    });
    const done = this.parts.all().filter((p) => p.finished).map((p) => p.partition);
    if (done.length > 0) consumer.pause([{ topic: this.op.topic, partitions: done }]);
  }

  private addPartition(partition: number, start: number, end: number | null, high: number): PartitionState {
    return this.parts.add(partition, start, end, high, this.watermarks?.partition(partition) ?? NO_FEED);
  }

  private async onBatch(batch: Batch, resolveOffset: (o: string) => void, heartbeat: () => Promise<void>, live: () => boolean): Promise<void> {
    const host = this.host;
    const st = this.parts.get(batch.partition) ?? this.addPartition(batch.partition, 0, this.bounded ? 0 : null, 0);
    const high = Number(batch.highWatermark);
    if (high > st.high) st.high = high;
    if (st.finished || host.stopping) return;
    const messages = batch.messages;
    const end = st.end ?? Infinity;
    const origin = host.origin;
    origin.sourceNode = this.id;
    origin.topic = this.op.topic;
    origin.partition = st.partition;
    const timeField = this.op.eventTime?.field ?? null;
    const feed = st.feed;
    const node = this.node;
    host.batchStarted();
    let lastTime: number | null = st.lastTime;
    let resolved: string | null = null;
    for (let i = 0; i < messages.length; i++) {
      const m = messages[i]!;
      const offset = Number(m.offset);
      if (offset >= end) break;
      if (offset < st.position) continue;
      origin.offset = offset;
      origin.message = m;
      node.recordsIn++;
      let row;
      try {
        row = this.decode(m.value);
      } catch (err) {
        if (!host.decodeFailed(this.id, err)) return;
        row = null;
      }
      if (row !== null) {
        if (timeField !== null) {
          const t = row[timeField] as number | null;
          feed.observe(t);
          if (t !== null) lastTime = t;
        }
        node.emit(row);
      }
      st.position = offset + 1;
      resolved = m.offset;
      if (host.fullSinks > 0) {
        resolveOffset(m.offset);
        st.lastTime = timeField === null ? Number(m.timestamp) : lastTime;
        await host.waitForSinks(heartbeat);
        if (host.stopping || !live()) return;
        host.batchStarted();
      }
    }
    if (resolved !== null) {
      resolveOffset(resolved);
      const last = messages[messages.length - 1];
      st.lastTime = timeField === null ? (last ? Number(last.timestamp) : st.lastTime) : lastTime;
    }
    // Control records after the last message of the batch are read too.
    this.skipTo(st, Number(batch.lastOffset()) + 1);
    host.batchDone();
    // A rebalance under way (a dead instance evicted from the group) is kafkajs's to handle:
    // it rejoins and the GROUP_JOIN seek puts the consumer back where the job stands.
    await heartbeat().catch(() => {});
  }

  /** Moves a partition past offsets that carry no records (up to its end), then checks whether it is done. */
  private skipTo(st: PartitionState, next: number): void {
    const to = st.end === null ? next : Math.min(next, st.end);
    if (to > st.position) st.position = to;
    if (st.end !== null && st.position >= st.end) this.finishPartition(st);
  }

  private finishPartition(st: PartitionState): void {
    if (st.finished) return;
    st.finished = true;
    this.watermarks?.finishPartition(st.partition);
    this.consumer?.pause([{ topic: this.op.topic, partitions: [st.partition] }]);
    if (this.parts.allFinished()) this.end();
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.watermarks?.endOfInput();
    this.host.sourceEnded(this.id);
  }

  /** The positions to commit at a barrier: the next offset of every partition. */
  positions(): Map<number, number> {
    return this.parts.positions();
  }

  /**
   * Commits the positions that differ from what the group has committed (at-least-once:
   * called once the sinks acknowledged everything read before them). Through the running
   * consumer, so a commit never races the group; a source without a consumer (its bounded
   * input was empty) has nothing to commit. A failed commit is retried at the next barrier.
   */
  async commit(positions: Map<number, number>): Promise<void> {
    const consumer = this.consumer;
    if (consumer === null) return;
    const moved = [...positions].filter(([p, o]) => o !== (this.committed.get(p) ?? -1));
    if (moved.length === 0) return;
    try {
      await consumer.commitOffsets(moved.map(([partition, offset]) => ({ topic: this.op.topic, partition, offset: String(offset) })));
    } catch {
      // A rebalance or coordinator move: what was not committed now is committed by the next barrier.
      return;
    }
    for (const [p, o] of moved) this.committed.set(p, o);
  }

  /** Refreshes high watermarks (for lag while the consumer is held back); at most one request at a time. */
  refreshEndOffsets(): void {
    if (this.highFetch !== null) return;
    this.highFetch = this.admin.fetchTopicOffsets(this.op.topic).then(
      (offsets) => {
        for (const o of offsets) this.parts.raiseHigh(o.partition, Number(o.high));
      },
      () => {},
    ).finally(() => {
      this.highFetch = null;
    });
  }

  partitionMetrics(now: number): PartitionMetrics[] {
    return this.parts.metrics(this.id, this.op.topic, this.watermarks?.isIdle === true, now);
  }

  /** Bounded input: [records read, records to read]. */
  progress(): [number, number] {
    return this.parts.progress();
  }

  /** Stops reading (the job is stopping): pauses every partition and waits for the batch in hand. */
  async quiesce(): Promise<void> {
    const consumer = this.consumer;
    if (consumer === null) return;
    try {
      consumer.pause([{ topic: this.op.topic }]);
    } catch {
      // Not running (it crashed or never joined): nothing is fetched anyway.
    }
    await this.inBatch;
  }

  async disconnect(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = null;
    if (consumer !== null) await consumer.disconnect().catch(() => {});
  }
}

const NO_FEED: PartitionFeed = { observe() {} };
