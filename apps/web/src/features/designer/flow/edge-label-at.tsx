import { EdgeLabelRenderer } from '@xyflow/react';
import type { ReactNode } from 'react';

/**
 * Places an edge label centred on a point of the flow without a CSS transform: a zero-size
 * box at the point, its child centred on it by flex (an overflowing flex item is centred on
 * both sides). React Flow's examples use `translate(-50%, -50%) translate(x, y)`, and every
 * transform is a node in Chromium's property trees: with one per label, Blink re-layerized
 * ~150 more of them on every pan frame of a big pipeline (bench/README.md: with the handles
 * and the live bar, p95 frame time −23 %, dropped frames −60 %).
 */
export function EdgeLabelAt({ x, y, children }: { x: number; y: number; children: ReactNode }) {
  return (
    <EdgeLabelRenderer>
      <div className="pointer-events-none absolute flex h-0 w-0 items-center justify-center" style={{ left: x, top: y }}>
        {children}
      </div>
    </EdgeLabelRenderer>
  );
}
