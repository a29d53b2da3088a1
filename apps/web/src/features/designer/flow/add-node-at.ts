import type { DesignDocument, Position } from '../document/design-document';
import { nodePosition } from '../document/design-document';
import { DEFAULT_NODE_SIZE } from './auto-layout';

/** Drag-and-drop and click-to-add centre the new node on the point; this turns a centre into the node's corner. */
export function cornerForCentre(centre: Position): Position {
  return { x: centre.x - DEFAULT_NODE_SIZE.width / 2, y: centre.y - DEFAULT_NODE_SIZE.height / 2 };
}

/** Steps down and right from `at` until no node sits there, so clicked-in nodes do not stack. */
export function freeSpot(doc: DesignDocument, at: Position, step = 32): Position {
  let spot = at;
  for (let i = 0; i < 50; i++) {
    const taken = doc.nodes.some((n) => {
      const p = nodePosition(n);
      return Math.abs(p.x - spot.x) < step && Math.abs(p.y - spot.y) < step;
    });
    if (!taken) return spot;
    spot = { x: spot.x + step, y: spot.y + step };
  }
  return spot;
}
