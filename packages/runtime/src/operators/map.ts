import type { Row } from '@weir/model/field';
import { OperatorParamsError, parseParams } from './errors';
import type { RowFn } from './filter';
import type { Operator, OperatorContext } from './operator';
import { MapParamsSchema, type MapParams } from './params';

/**
 * Builds a new row per input row: with keepInput the input fields first (in schema
 * order), then each `select` field from its compiled expression. Field lists are fixed
 * at construction, so every output row is built the same way and shares one shape.
 */
export class MapOperator implements Operator {
  private readonly inputFields: string[];
  private readonly names: string[];
  private readonly fns: RowFn[];

  constructor(params: MapParams, exprs: readonly RowFn[]) {
    const p = parseParams('map', MapParamsSchema, params);
    if (exprs.length !== p.select.length) {
      throw new OperatorParamsError('map', 'select', `names ${p.select.length} fields but ${exprs.length} expressions were given`);
    }
    this.inputFields = p.keepInput ? [...p.inputFields] : [];
    this.names = [...p.select];
    this.fns = [...exprs];
  }

  process(row: Row, ctx: OperatorContext): void {
    const out: Row = {};
    const { inputFields, names, fns } = this;
    for (let i = 0; i < inputFields.length; i++) out[inputFields[i]!] = row[inputFields[i]!] ?? null;
    for (let i = 0; i < names.length; i++) out[names[i]!] = fns[i]!(row) ?? null;
    ctx.emit(out);
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
