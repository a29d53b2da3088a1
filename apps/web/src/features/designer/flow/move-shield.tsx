import { ViewportPortal } from '@xyflow/react';
import { useCallback, useMemo, useRef, type RefObject } from 'react';
import { DOT_GRID_EXTENT } from './dot-grid';

/**
 * While the view pans or zooms, a transparent element above every node and edge takes the
 * pointer. Chromium hit-tests each pointer and wheel event; over a canvas of 150 nodes that
 * is a walk through some nine hundred layers, ≈ 2 ms a move on the bench machine, and the
 * pointer crossing nodes restyles their hover state. With the shield up the first thing hit
 * is the shield (bench/README.md: hit testing 1.3 s → 0.07 s in 10 s of panning). It is a
 * pointer target from the first move of a gesture to its end, so a click never meets it.
 *
 * It sits in the viewport (inside the element whose listeners pan and zoom, so a wheel on it
 * still zooms), is always laid out and paints nothing: only its `pointer-events` changes.
 * Shown and hidden instead, or placed in the pane outside the viewport's layer, it cost more
 * paint and raster than it saved (measured the same way).
 */
export function useMoveShield(): { ref: RefObject<HTMLDivElement | null>; onMove: () => void; onMoveEnd: () => void } {
  const ref = useRef<HTMLDivElement | null>(null);
  // An attribute, not React state: raising the shield must not re-render the canvas.
  const onMove = useCallback(() => {
    const el = ref.current;
    if (el && !el.hasAttribute('data-moving')) el.setAttribute('data-moving', '');
  }, []);
  const onMoveEnd = useCallback(() => ref.current?.removeAttribute('data-moving'), []);
  return useMemo(() => ({ ref, onMove, onMoveEnd }), [onMove, onMoveEnd]);
}

export function MoveShield({ shieldRef }: { shieldRef: RefObject<HTMLDivElement | null> }) {
  return (
    <ViewportPortal>
      <div
        ref={shieldRef}
        className="weir-move-shield"
        data-testid="canvas-move-shield"
        aria-hidden="true"
        style={{ left: -DOT_GRID_EXTENT, top: -DOT_GRID_EXTENT, width: 2 * DOT_GRID_EXTENT, height: 2 * DOT_GRID_EXTENT }}
      />
    </ViewportPortal>
  );
}
