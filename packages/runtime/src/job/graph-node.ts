import type { Row } from '@weir/model/field';
import type { Operator, OperatorContext, Port } from '../operators/operator';
import { WatermarkCombiner } from '../state/watermarks';
import type { Sink } from '../sinks/sink';

/** What a node reports to its job: failures (per the onError policy) and late records. */
export interface NodeHost {
  /** Applies the onError policy to a record `node` failed on; throws to fail the job. */
  recordFailed(node: GraphNode, err: unknown, row: Row | null): void;
  late(node: GraphNode, row: Row): void;
}

interface Edge {
  node: GraphNode;
  port: Port | undefined;
  /** This node's input number at the child (for watermark combining). */
  input: number;
}

/**
 * One document node at run time: a source, one operator (a chain step, union, window or
 * join) or a sink. Rows are pushed synchronously from node to node (the plan's chains run
 * without any hop between them); the node counts what passes, and carries watermarks
 * downstream, combining them where it has several inputs.
 */
export class GraphNode implements OperatorContext {
  recordsIn = 0;
  recordsOut = 0;
  lateRecords = 0;
  errors = 0;
  watermark = -Infinity;
  idle = false;
  readonly children: Edge[] = [];
  private inputs = 0;
  private combiner: WatermarkCombiner | null = null;

  constructor(
    readonly index: number,
    readonly id: string,
    readonly kind: 'source' | 'operator' | 'sink',
    private readonly host: NodeHost,
    readonly op: Operator | null,
    readonly sink: Sink | null,
    /** False for processing-time nodes, whose watermark is not reported. */
    readonly eventTime: boolean,
    /** A join holds the watermark back by its interval (IntervalJoin.outputWatermark). */
    private readonly outputWatermark: ((wm: number) => number) | null = null,
  ) {}

  connect(child: GraphNode, port?: Port): void {
    this.children.push({ node: child, port, input: child.inputs++ });
    if (child.inputs > 1) child.combiner = new WatermarkCombiner(child.inputs);
  }

  push(row: Row, port?: Port): void {
    this.recordsIn++;
    if (this.sink !== null) {
      this.sink.write(row);
      return;
    }
    try {
      (this.op as Operator).process(row, this, port);
    } catch (err) {
      this.host.recordFailed(this, err, row);
    }
  }

  /** OperatorContext: an operator's output row (also a source's decoded row). */
  emit(row: Row): void {
    this.recordsOut++;
    const children = this.children;
    for (let i = 0; i < children.length; i++) {
      const c = children[i]!;
      c.node.push(row, c.port);
    }
  }

  late(row: Row): void {
    this.lateRecords++;
    this.host.late(this, row);
  }

  /** A watermark (and idleness) from input `input`; fires what it completes and passes it on. */
  advance(input: number, watermark: number, idle: boolean): void {
    let wm = watermark;
    let isIdle = idle;
    if (this.combiner !== null) {
      wm = this.combiner.update(input, watermark, idle);
      isIdle = this.combiner.isIdle;
    }
    const moved = wm > this.watermark;
    if (!moved && isIdle === this.idle) return;
    this.idle = isIdle;
    if (moved) {
      this.watermark = wm;
      if (this.op !== null) {
        try {
          this.op.onWatermark(wm, this);
        } catch (err) {
          this.host.recordFailed(this, err, null);
        }
      }
    }
    const out = this.outputWatermark === null ? this.watermark : this.outputWatermark(this.watermark);
    for (const c of this.children) c.node.advance(c.input, out, this.idle);
  }

  stateSize(): number {
    if (this.sink !== null) return this.sink.pending;
    return this.op?.stateSize() ?? 0;
  }
}
