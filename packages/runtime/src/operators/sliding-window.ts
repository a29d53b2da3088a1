import { parseParams } from './errors';
import { timeAccessor } from './event-time';
import { PaneWindow } from './pane-window';
import { SlidingWindowParamsSchema, type SlidingWindowParams } from './params';
import type { WindowFunctions } from './tumbling-window';

/**
 * Windows [k·slide, k·slide + size), aligned to the epoch (UTC), computed from panes of
 * `slide` ms (one partial aggregate per key per slide; see pane-window.ts).
 */
export class SlidingWindow extends PaneWindow {
  constructor(params: SlidingWindowParams, fns: WindowFunctions = {}) {
    const p = parseParams('sliding-window', SlidingWindowParamsSchema, params);
    super({
      operator: 'sliding-window',
      keyBy: p.keyBy,
      aggregates: p.aggregates,
      sizeMs: p.sizeMs,
      slideMs: p.slideMs,
      time: timeAccessor('sliding-window', p.timeField, fns.timeOf),
    });
  }
}
