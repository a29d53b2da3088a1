import type { Row } from '@weir/model/field';
import type { Operator, OperatorContext } from './operator';

/** A compiled expression: the expression compiler builds these from the syntax tree. */
export type RowFn = (row: Row) => unknown;

/** Passes a row only where the predicate is TRUE: NULL (or anything else) drops it, as SQL WHERE does. */
export class Filter implements Operator {
  constructor(private readonly predicate: RowFn) {}

  process(row: Row, ctx: OperatorContext): void {
    if (this.predicate(row) === true) ctx.emit(row);
  }

  onWatermark(_watermark: number, _ctx: OperatorContext): void {}

  snapshot(): null {
    return null;
  }

  restore(): void {}

  stateSize(): number {
    return 0;
  }
}
