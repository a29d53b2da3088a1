import type { FlinkOperator } from './flink-operators';

/** A Weir node as the metrics mapping needs it. */
export interface PlanNode {
  id: string;
  kind: string;
  /** Upstream node ids. */
  inputs: string[];
}

export interface MetricRef {
  vertexId: string;
  metric: string;
}

/**
 * Where a Weir node's numbers are in Flink's metrics. A node's records in and out are sums of
 * operator counters; its busy, backpressured and idle time are those of its home vertex.
 */
export interface NodeBinding {
  node: string;
  vertexId: string | null;
  recordsIn: MetricRef[];
  recordsOut: MetricRef[];
  watermark: MetricRef | null;
  late: MetricRef[];
  /** The Kafka source operator, whose metrics hold per-partition offsets. */
  sourceOperator: MetricRef | null;
  /**
   * The vertex counter that equals this node's records in and out, for after the tasks end
   * (their operator metrics go with them, the vertex totals stay): a source vertex's
   * `read-records` are the records it read from Kafka, a sink vertex's `write-records` those it wrote.
   */
  vertexTotal: { vertexId: string; counter: 'read-records' | 'write-records' } | null;
}

const ref = (op: FlinkOperator, metric: string): MetricRef => ({ vertexId: op.vertexId, metric: `${op.metricPrefix}.${metric}` });
const WINDOW_KINDS = new Set(['tumbling-window', 'sliding-window', 'session-window', 'count-window']);
const isWindowOp = (op: FlinkOperator) => /Window/.test(op.type) && !/^Local/.test(op.type) && !/TableFunction$/.test(op.type);
const isJoinOp = (op: FlinkOperator) => /Join$/.test(op.type);

function empty(node: string): NodeBinding {
  return { node, vertexId: null, recordsIn: [], recordsOut: [], watermark: null, late: [], sourceOperator: null, vertexTotal: null };
}

/**
 * Binds each node to Flink operators, in the node's topological order:
 * - a source to `Source: <id>` or `Source: <id>$kafka` (the table Weir's SQL declares for it);
 * - a sink to `<id>: Writer` (or `Sink: <id>`);
 * - windows and joins, in order, to the window-aggregate and join operators in the job graph's
 *   order; a two-phase window counts its input at its local (pre-aggregating) operator;
 * - a filter, map or union to the unclaimed operators (Calc) chained after its input's, which
 *   the planner fuses: every node fused into one Calc gets that Calc's numbers. With none, the
 *   node passes on what its input emitted.
 */
export function bindNodes(nodes: readonly PlanNode[], operators: readonly FlinkOperator[], upstream: Map<string, string[]>): Map<string, NodeBinding> {
  const bindings = new Map<string, NodeBinding>();
  const claimed = new Set<FlinkOperator>();
  const anchor = new Map<string, FlinkOperator | null>();
  const take = (pred: (op: FlinkOperator) => boolean) => {
    const op = operators.find((o) => !claimed.has(o) && pred(o));
    if (op) claimed.add(op);
    return op;
  };

  const alone = (op: FlinkOperator, pred: (o: FlinkOperator) => boolean) => operators.filter((o) => o.vertexId === op.vertexId && pred(o)).length === 1;
  for (const n of nodes) {
    const b = empty(n.id);
    let op: FlinkOperator | undefined;
    if (n.kind === 'kafka-source') {
      op = take((o) => o.type === 'Source' && (o.table === n.id || o.table === `${n.id}$kafka`));
      if (op) {
        Object.assign(b, { recordsIn: [ref(op, 'numRecordsOut')], recordsOut: [ref(op, 'numRecordsOut')], watermark: ref(op, 'currentOutputWatermark'), sourceOperator: ref(op, 'numRecordsOut') });
        if (op.index === 0) b.vertexTotal = { vertexId: op.vertexId, counter: 'read-records' };
      }
    } else if (n.kind.endsWith('-sink')) {
      op = take((o) => (o.type === 'Writer' || o.type === 'Sink') && o.table === n.id);
      if (op) {
        Object.assign(b, { recordsIn: [ref(op, 'numRecordsIn')], recordsOut: [ref(op, 'numRecordsIn')], watermark: ref(op, 'currentInputWatermark') });
        if (alone(op, (o) => o.type === 'Writer' || o.type === 'Sink')) b.vertexTotal = { vertexId: op.vertexId, counter: 'write-records' };
      }
      if (op) operators.filter((o) => o.type === 'Committer' && o.table === n.id).forEach((c) => claimed.add(c));
    } else if (WINDOW_KINDS.has(n.kind)) {
      op = take(isWindowOp);
      if (op) {
        const local = localPhaseOf(op, operators, upstream);
        if (local) claimed.add(local);
        Object.assign(b, {
          recordsIn: [ref(local ?? op, 'numRecordsIn')], recordsOut: [ref(op, 'numRecordsOut')],
          watermark: ref(op, 'currentOutputWatermark'), late: [ref(op, 'numLateRecordsDropped'), ...(local ? [ref(local, 'numLateRecordsDropped')] : [])],
        });
      }
    } else if (n.kind === 'interval-join') {
      op = take(isJoinOp);
      if (op) Object.assign(b, { recordsIn: [ref(op, 'numRecordsIn')], recordsOut: [ref(op, 'numRecordsOut')], watermark: ref(op, 'currentOutputWatermark') });
    }
    if (op) b.vertexId = op.vertexId;
    bindings.set(n.id, b);
    anchor.set(n.id, op ?? null);
  }

  for (const n of nodes) {
    if (n.kind !== 'filter' && n.kind !== 'map' && n.kind !== 'union') continue;
    const b = bindings.get(n.id) as NodeBinding;
    let last: FlinkOperator | null = null;
    for (const input of n.inputs) {
      const from = anchor.get(input) ?? null;
      const fused = from ? operators.filter((o) => o.vertexId === from.vertexId && o.index > from.index && !claimed.has(o)) : [];
      // Only the run of unclaimed operators right after the input's.
      const run: FlinkOperator[] = [];
      for (const o of fused) {
        if (run.length > 0 && o.index !== (run[run.length - 1] as FlinkOperator).index + 1) break;
        if (run.length === 0 && from && o.index !== from.index + 1) break;
        run.push(o);
      }
      const inputBinding = bindings.get(input);
      if (run.length > 0) {
        const first = run[0] as FlinkOperator;
        last = run[run.length - 1] as FlinkOperator;
        b.recordsIn.push(ref(first, 'numRecordsIn'));
        b.recordsOut.push(ref(last, 'numRecordsOut'));
        b.vertexId = last.vertexId;
        b.watermark = ref(last, 'currentOutputWatermark');
      } else if (inputBinding) {
        // Fused into its input's operator (a Calc already bound upstream), or planned away.
        b.recordsIn.push(...inputBinding.recordsOut);
        b.recordsOut.push(...inputBinding.recordsOut);
        b.vertexId ??= inputBinding.vertexId;
        b.watermark ??= inputBinding.watermark;
        last ??= from;
      }
    }
    anchor.set(n.id, last);
  }
  return bindings;
}

/** The LocalWindowAggregate feeding a GlobalWindowAggregate: the last operator of an upstream vertex. */
function localPhaseOf(op: FlinkOperator, operators: readonly FlinkOperator[], upstream: Map<string, string[]>): FlinkOperator | undefined {
  if (!/^Global/.test(op.type) || op.index !== 0) return undefined;
  for (const up of upstream.get(op.vertexId) ?? []) {
    const chain = operators.filter((o) => o.vertexId === up);
    const tail = chain[chain.length - 1];
    if (tail && /^Local/.test(tail.type)) return tail;
  }
  return undefined;
}
