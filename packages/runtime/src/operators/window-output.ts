import type { Row } from '@weir/model/field';
import type { Acc, AggregateSet } from '../state/aggregates';

/**
 * Builds a window's output row: the key fields, window_start, window_end, then the
 * aggregates in order. Every row gets its properties in the same order, so they share
 * one hidden class.
 */
export class WindowRowBuilder {
  private readonly keyNames: string[];

  constructor(
    keyBy: readonly string[],
    private readonly aggs: AggregateSet,
  ) {
    this.keyNames = [...keyBy];
  }

  build(keyValues: readonly unknown[], start: number | null, end: number | null, acc: Acc): Row {
    const out: Row = {};
    const names = this.keyNames;
    for (let i = 0; i < names.length; i++) out[names[i]!] = keyValues[i];
    out.window_start = start;
    out.window_end = end;
    this.aggs.writeResults(acc, out);
    return out;
  }
}
