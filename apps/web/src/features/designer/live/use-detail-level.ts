import { useStore } from '@xyflow/react';

/**
 * Below this zoom a node's numbers are a few pixels tall: nobody reads them, yet a live
 * 150-node canvas would still re-lay them out every second. There the overlay shows only
 * what reads at a glance — the busy/backpressure bar and the edge colours — as map tools
 * drop labels when zoomed out.
 */
export const LIVE_TEXT_MIN_ZOOM = 0.35;

/** Whether live numbers are shown at the current zoom; re-renders only when that flips. */
export function useLiveTextVisible(): boolean {
  return useStore((s) => s.transform[2] >= LIVE_TEXT_MIN_ZOOM);
}
