import type { Row } from '@weir/model/field';

/** What an operator may do with its output; it never sees the engine. */
export interface OperatorContext {
  emit(row: Row): void;
  /** A record whose windows (or join partners) are all closed: counted, and dead-lettered where configured. */
  late(row: Row, reason: 'late'): void;
}

export type Port = 'left' | 'right';

/**
 * One node of the embedded plan. Calls for one operator are never concurrent.
 * Watermarks only move forward: a watermark at or below the current one is ignored.
 */
export interface Operator {
  /** `port` is only for joins. */
  process(row: Row, ctx: OperatorContext, port?: Port): void;
  /** Fires what the watermark completes; +Infinity (end of bounded input) fires everything. */
  onWatermark(watermark: number, ctx: OperatorContext): void;
  /** Complete, JSON-serialisable state. */
  snapshot(): unknown;
  /** Replaces the operator's state with a snapshot (of an operator with the same params). */
  restore(state: unknown): void;
  /** Live keys, panes, sessions or buffered rows: for metrics and tests. */
  stateSize(): number;
}
