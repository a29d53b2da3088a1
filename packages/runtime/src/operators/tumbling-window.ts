import { parseParams } from './errors';
import { timeAccessor, type TimeOf } from './event-time';
import { PaneWindow } from './pane-window';
import { TumblingWindowParamsSchema, type TumblingWindowParams } from './params';

export interface WindowFunctions {
  /** Required when params.timeField is null: the record's time (e.g. processing time). */
  timeOf?: TimeOf;
}

/**
 * Windows [k·size, (k+1)·size), aligned to the epoch (UTC); a tumbling window is a
 * sliding window whose slide is its size, one pane per window (see pane-window.ts).
 */
export class TumblingWindow extends PaneWindow {
  constructor(params: TumblingWindowParams, fns: WindowFunctions = {}) {
    const p = parseParams('tumbling-window', TumblingWindowParamsSchema, params);
    super({
      operator: 'tumbling-window',
      keyBy: p.keyBy,
      aggregates: p.aggregates,
      sizeMs: p.sizeMs,
      slideMs: p.sizeMs,
      time: timeAccessor('tumbling-window', p.timeField, fns.timeOf),
    });
  }
}
