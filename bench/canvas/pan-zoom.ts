/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: the DOM types are for them.
import type { Page } from '@playwright/test';

/**
 * A point of the canvas where a drag pans (the empty pane, not a node, an edge label, the
 * controls or the minimap), searched in a fixed order so every run drags from the same
 * kind of place.
 */
async function panePoint(page: Page): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane');
    if (!pane) return null;
    const r = pane.getBoundingClientRect();
    for (let fy = 0.5; fy < 0.9; fy += 0.04) {
      for (const fx of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
        for (const sign of [1, -1]) {
          const x = r.left + r.width * fx;
          const y = r.top + r.height * (sign > 0 ? fy : 1 - fy);
          if (document.elementFromPoint(x, y) === pane) return { x, y };
        }
      }
    }
    return null;
  });
  if (!p) throw new Error('no empty pane to drag from: the canvas is covered');
  return p;
}

const DRAGS: readonly [number, number][] = [[320, 0], [0, 160], [-320, 0], [0, -160]];

/**
 * What a person does on a big canvas, for `ms`: drag the pane around (each drag 24 pointer
 * moves) and zoom in and out with the wheel at the centre, in a fixed cycle that comes back
 * to where it started. Input goes through CDP as real pointer and wheel events.
 */
export async function panAndZoom(page: Page, ms: number): Promise<{ drags: number; wheels: number }> {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('the canvas is not on the page');
  const centre = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
  const until = Date.now() + ms;
  let drags = 0;
  let wheels = 0;
  let cycle = 0;
  while (Date.now() < until) {
    const [dx, dy] = DRAGS[cycle % DRAGS.length]!;
    const from = await panePoint(page);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + dx, from.y + dy, { steps: 24 });
    await page.mouse.up();
    drags++;
    // Zoom in on even cycles and back out on odd ones, so the view stays around the pipeline.
    await page.mouse.move(centre.x, centre.y);
    const direction = cycle % 2 === 0 ? -1 : 1;
    for (let i = 0; i < 6 && Date.now() < until; i++) {
      await page.mouse.wheel(0, direction * 100);
      wheels++;
      await page.waitForTimeout(30);
    }
    cycle++;
  }
  return { drags, wheels };
}
