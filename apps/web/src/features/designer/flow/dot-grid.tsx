import { ViewportPortal } from '@xyflow/react';

/**
 * How far the dot grid reaches from the origin, in flow pixels, each way. The canvas's
 * translate extent is the same square, so the view never runs past the dots.
 */
export const DOT_GRID_EXTENT = 50_000;
export const CANVAS_TRANSLATE_EXTENT: [[number, number], [number, number]] = [
  [-DOT_GRID_EXTENT, -DOT_GRID_EXTENT],
  [DOT_GRID_EXTENT, DOT_GRID_EXTENT],
];

/**
 * The canvas's dotted background, drawn inside the viewport so it moves with the nodes.
 *
 * React Flow's `<Background>` is an SVG pattern the size of the pane whose offset follows the
 * viewport: every pan or zoom frame repaints and re-rasterizes the whole pane. Here the dots
 * are one element in the viewport's own compositor layer (`will-change: transform` in
 * canvas.css), so panning moves pixels already rasterized instead of painting new ones —
 * on a software compositor the difference between ≈ 27 and ≈ 42 frames a second for a
 * 150-node canvas (bench/README.md). It looks the same: 20 px apart, scaled with the zoom.
 */
export function DotGrid() {
  return (
    <ViewportPortal>
      <div
        className="weir-dot-grid"
        data-testid="canvas-dot-grid"
        aria-hidden="true"
        style={{ left: -DOT_GRID_EXTENT, top: -DOT_GRID_EXTENT, width: 2 * DOT_GRID_EXTENT, height: 2 * DOT_GRID_EXTENT }}
      />
    </ViewportPortal>
  );
}
