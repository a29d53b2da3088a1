import { JobStateSchema, type JobState, type MetricsSnapshot } from '@weir/model';

/** What /metrics needs to know of one job besides its snapshot. */
export interface PrometheusJob {
  id: string;
  pipeline: string;
  engine: string;
  state: JobState;
  /** Epoch ms the current run started; null before it starts. */
  startedAt: number | null;
  snapshot: MetricsSnapshot | null;
}

type Labels = Record<string, string | number>;

/** Prometheus text format 0.0.4: backslash, double quote and newline are escaped in label values. */
export function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

const LEVEL = { OK: 0, LOW: 1, HIGH: 2 } as const;

class Families {
  private readonly families = new Map<string, { help: string; type: 'gauge' | 'counter'; lines: string[] }>();

  add(name: string, type: 'gauge' | 'counter', help: string, labels: Labels, value: number): void {
    let f = this.families.get(name);
    if (!f) this.families.set(name, (f = { help, type, lines: [] }));
    const l = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(String(v))}"`).join(',');
    f.lines.push(`${name}${l ? `{${l}}` : ''} ${formatValue(value)}`);
  }

  text(): string {
    const out: string[] = [];
    for (const [name, f] of this.families) out.push(`# HELP ${name} ${f.help}`, `# TYPE ${name} ${f.type}`, ...f.lines);
    return `${out.join('\n')}\n`;
  }
}

/**
 * Every job's state and its newest snapshot in Prometheus text format: job states, per-node
 * rates, totals, time split, backpressure, watermark, late records and errors, per-partition
 * lag, and checkpoints. Counters are the snapshot's totals (they restart with the job).
 */
export function formatPrometheus(jobs: readonly PrometheusJob[], now: number): string {
  const m = new Families();
  const counts = new Map<JobState, number>(JobStateSchema.options.map((s) => [s, 0]));
  for (const j of jobs) counts.set(j.state, (counts.get(j.state) ?? 0) + 1);
  for (const [state, n] of counts) m.add('weir_jobs', 'gauge', 'Jobs by state.', { state }, n);

  for (const j of jobs) {
    const job = { job: j.id, pipeline: j.pipeline };
    m.add('weir_job_state', 'gauge', 'A job: 1 with its current state and engine.', { ...job, engine: j.engine, state: j.state }, 1);
    if (j.startedAt !== null && j.state === 'RUNNING') m.add('weir_job_uptime_seconds', 'gauge', 'Seconds since the running job started.', job, Math.max(0, (now - j.startedAt) / 1000));
    const s = j.snapshot;
    if (!s) continue;
    m.add('weir_job_snapshot_timestamp_seconds', 'gauge', 'When the newest metrics snapshot was taken.', job, s.time / 1000);
    for (const [node, n] of Object.entries(s.nodes)) {
      const l = { ...job, node };
      m.add('weir_node_records_in_total', 'counter', 'Records a node received since the job started.', l, n.recordsInTotal);
      m.add('weir_node_records_out_total', 'counter', 'Records a node emitted since the job started.', l, n.recordsOutTotal);
      m.add('weir_node_records_in_per_second', 'gauge', 'Records a node received in the last second.', l, n.recordsInPerSecond);
      m.add('weir_node_records_out_per_second', 'gauge', 'Records a node emitted in the last second.', l, n.recordsOutPerSecond);
      m.add('weir_node_busy_time_ms_per_second', 'gauge', 'Milliseconds of the last second a node spent working.', l, n.busyTimeMsPerSecond);
      m.add('weir_node_backpressured_time_ms_per_second', 'gauge', 'Milliseconds of the last second a node waited on its downstream.', l, n.backPressuredTimeMsPerSecond);
      m.add('weir_node_idle_time_ms_per_second', 'gauge', 'Milliseconds of the last second a node had nothing to do.', l, n.idleTimeMsPerSecond);
      m.add('weir_node_backpressure_level', 'gauge', "Backpressure as Flink grades it: 0 OK (<= 10%), 1 LOW (<= 50%), 2 HIGH.", l, LEVEL[n.backpressure]);
      if (n.currentWatermark !== null) m.add('weir_node_watermark_timestamp_seconds', 'gauge', "A node's current event-time watermark.", l, n.currentWatermark / 1000);
      m.add('weir_node_late_records_total', 'counter', 'Records that arrived after the watermark passed their window.', l, n.lateRecords);
      m.add('weir_node_errors_total', 'counter', 'Records a node failed on.', l, n.errors);
      if (n.stateSize !== undefined) m.add('weir_node_state_size', 'gauge', 'Live keys, panes or buffered rows of a stateful node.', l, n.stateSize);
    }
    for (const p of s.partitions) {
      const l = { ...job, node: p.node, topic: p.topic, partition: p.partition };
      m.add('weir_partition_lag_records', 'gauge', 'Records between the source position and the partition end.', l, p.lag);
      if (p.lagMs !== null) m.add('weir_partition_lag_seconds', 'gauge', 'Now minus the event time of the last record read.', l, p.lagMs / 1000);
      m.add('weir_partition_offset', 'gauge', 'The next offset the source reads.', l, p.offset);
      m.add('weir_partition_end_offset', 'gauge', "The partition's end offset as last seen.", l, p.endOffset);
    }
    const c = s.checkpoints;
    m.add('weir_checkpoints_completed_total', 'counter', 'Checkpoints completed.', job, c.completed);
    m.add('weir_checkpoints_failed_total', 'counter', 'Checkpoints failed.', job, c.failed);
    m.add('weir_checkpoint_in_progress', 'gauge', '1 while a checkpoint is being taken.', job, c.inProgress ? 1 : 0);
    if (c.lastCompleted) {
      m.add('weir_checkpoint_last_id', 'gauge', 'Id of the last completed checkpoint.', job, c.lastCompleted.id);
      m.add('weir_checkpoint_last_duration_seconds', 'gauge', 'Duration of the last completed checkpoint.', job, c.lastCompleted.durationMs / 1000);
      m.add('weir_checkpoint_last_size_bytes', 'gauge', 'Size of the last completed checkpoint.', job, c.lastCompleted.sizeBytes);
      m.add('weir_checkpoint_last_timestamp_seconds', 'gauge', 'When the last completed checkpoint was triggered.', job, c.lastCompleted.time / 1000);
    }
  }
  return m.text();
}
