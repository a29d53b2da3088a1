import type {
  ChainStep, EmbeddedOperator, EmbeddedPlan, ExpressionSpec, JoinOperator, SinkOperator, SourceOperator, WindowOperator,
} from '@weir/compiler';
import { analyzeExpression } from '@weir/model';
import type { Row } from '@weir/model/field';
import { RuntimeError } from '../errors/runtime-error';
import { CountWindow } from '../operators/count-window';
import { EventTimeError } from '../operators/errors';
import { Filter, type RowFn } from '../operators/filter';
import { IntervalJoin } from '../operators/interval-join';
import { MapOperator } from '../operators/map';
import type { Operator } from '../operators/operator';
import { SessionWindow } from '../operators/session-window';
import { SlidingWindow } from '../operators/sliding-window';
import { TumblingWindow } from '../operators/tumbling-window';
import { Union } from '../operators/union';
import type { WindowFunctions } from '../operators/tumbling-window';
import type { Sink } from '../sinks/sink';
import { GraphNode, type NodeHost } from './graph-node';

export interface Graph {
  /** In plan (topological) order; one per document node. */
  nodes: GraphNode[];
  byId: Map<string, GraphNode>;
  sources: SourceOperator[];
  sinks: { op: SinkOperator; sink: Sink }[];
}

export interface GraphFactories {
  sink(op: SinkOperator): Sink;
  /** Processing time for nodes without event time (read once per batch, not per record). */
  now(): number;
}

/**
 * Builds the run-time graph of a plan: the single place where plan operators become
 * operator instances. Chains are unrolled into one node per document node (metrics are
 * per node) that still call each other directly.
 */
export function buildGraph(plan: EmbeddedPlan, host: NodeHost, factories: GraphFactories): Graph {
  const nodes: GraphNode[] = [];
  const byId = new Map<string, GraphNode>();
  const sources: SourceOperator[] = [];
  const sinks: { op: SinkOperator; sink: Sink }[] = [];
  const add = (id: string, kind: GraphNode['kind'], op: Operator | null, sink: Sink | null, eventTime: boolean, outWm?: (wm: number) => number) => {
    const node = new GraphNode(nodes.length, id, kind, host, op, sink, eventTime, outWm ?? null);
    nodes.push(node);
    byId.set(id, node);
    return node;
  };
  const input = (id: string, of: string): GraphNode => {
    const node = byId.get(id);
    if (node === undefined) throw new RuntimeError('BAD_PLAN', `operator ${of}: input ${id} is not an earlier operator of the plan`, of);
    return node;
  };

  for (const op of plan.operators) {
    switch (op.kind) {
      case 'source':
        sources.push(op);
        add(op.id, 'source', null, null, op.eventTime !== null);
        break;
      case 'chain': {
        let prev = input(op.input, op.id);
        op.steps.forEach((step) => {
          const node = add(step.node, 'operator', chainStep(step), null, op.eventTime !== null);
          prev.connect(node);
          prev = node;
        });
        break;
      }
      case 'union': {
        const node = add(op.id, 'operator', new Union(), null, op.eventTime !== null);
        for (const from of op.inputs) input(from, op.id).connect(node);
        break;
      }
      case 'window': {
        const node = add(op.id, 'operator', windowOperator(op, factories.now), null, op.eventTime !== null);
        input(op.input, op.id).connect(node);
        break;
      }
      case 'interval-join': {
        const join = joinOperator(op);
        const node = add(op.id, 'operator', join, null, true, (wm) => join.outputWatermark(wm));
        input(op.left, op.id).connect(node, 'left');
        input(op.right, op.id).connect(node, 'right');
        break;
      }
      case 'sink': {
        const sink = factories.sink(op);
        sinks.push({ op, sink });
        const node = add(op.id, 'sink', null, sink, false);
        input(op.input, op.id).connect(node);
        break;
      }
      default:
        unknownOperator(op);
    }
  }
  return { nodes, byId, sources, sinks };
}

function unknownOperator(op: never): never {
  throw new RuntimeError('BAD_PLAN', `unknown operator kind ${(op as EmbeddedOperator).kind}`);
}

function compile(spec: ExpressionSpec, node: string, what: string, expectBoolean: boolean): RowFn {
  const result = analyzeExpression(spec.text, spec.schema, expectBoolean ? { expect: 'boolean' } : {});
  if (!result.ok || result.evaluate === undefined) {
    throw new RuntimeError('BAD_PLAN', `node ${node}: ${what} does not compile: ${result.problems.map((p) => p.message).join('; ')}`, node);
  }
  return result.evaluate;
}

function chainStep(step: ChainStep): Operator {
  if (step.kind === 'filter') return new Filter(compile(step.where, step.node, 'where', true));
  const exprs = step.exprs.map((e, i) => compile(e, step.node, `select ${step.params.select[i]}`, false));
  return new MapOperator(step.params, exprs);
}

/**
 * A record's time is `row[field] + offsetMs` (the offset is −1 below a window, whose
 * results sit at window_end − 1 ms); the operators read a bare field, so an offset or
 * processing time is handed over as a time function.
 */
function windowOperator(op: WindowOperator, now: () => number): Operator {
  const time = op.time;
  let fns: WindowFunctions = {};
  let params = op.params;
  if (time === null) {
    fns = { timeOf: () => now() };
    params = { ...params, timeField: null };
  } else if (time.offsetMs !== 0) {
    fns = { timeOf: offsetTime(time.field, time.offsetMs) };
    params = { ...params, timeField: null };
  }
  switch (params.type) {
    case 'tumbling':
      return new TumblingWindow(params, fns);
    case 'sliding':
      return new SlidingWindow(params, fns);
    case 'session':
      return new SessionWindow(params, fns);
    case 'count':
      return new CountWindow(params, fns);
  }
}

function offsetTime(field: string, offsetMs: number): (row: Row) => number | null {
  return (row) => {
    const v = row[field];
    if (v === null || v === undefined) return null;
    if (typeof v === 'number' && Number.isFinite(v)) return v + offsetMs;
    throw new EventTimeError(field, v);
  };
}

function joinOperator(op: JoinOperator): IntervalJoin {
  const { leftTime, rightTime } = op;
  return new IntervalJoin(op.params, {
    ...(leftTime.offsetMs !== 0 ? { leftTimeOf: offsetTime(leftTime.field, leftTime.offsetMs) } : {}),
    ...(rightTime.offsetMs !== 0 ? { rightTimeOf: offsetTime(rightTime.field, rightTime.offsetMs) } : {}),
  });
}
