import type { Row } from '@weir/model/field';
import type { Operator, OperatorContext } from './operator';

/**
 * Merges inputs of the same schema: rows pass unchanged. Its watermark is the
 * combination of its inputs' (WatermarkCombiner in state/watermarks.ts), which the
 * runtime computes before calling onWatermark.
 */
export class Union implements Operator {
  process(row: Row, ctx: OperatorContext): void {
    ctx.emit(row);
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
