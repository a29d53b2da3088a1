import { describe, expect, it } from 'vitest';
import { revenueDocument } from '../document/test-documents';
import { cornerForCentre, freeSpot } from './add-node-at';

describe('placing new nodes', () => {
  it('centres a node on the drop point', () => {
    expect(cornerForCentre({ x: 300, y: 100 })).toEqual({ x: 190, y: 64 });
  });

  it('steps away from nodes already there', () => {
    const doc = revenueDocument();
    expect(freeSpot(doc, { x: 250, y: 0 })).toEqual({ x: 282, y: 32 });
    expect(freeSpot(doc, { x: 100, y: 300 })).toEqual({ x: 100, y: 300 });
  });
});
