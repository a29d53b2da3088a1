/**
 * The class for one line of node text: `truncate` (ellipsis, which needs an overflow clip)
 * only when the text may not fit; otherwise the line is not clipped at all.
 *
 * Every clip is a node in Chromium's property trees, and on a 150-node canvas Blink
 * re-layerizes and re-walks all of them on each pan frame and each live update: three
 * clipped lines per node cost ≈ 25 % of the layerization (bench/README.md). `maxChars` is
 * the most characters of the widest glyphs that fit the line's width; below it no text can
 * overflow, so the clip is never needed there.
 */
export function lineClass(text: string, maxChars: number): string {
  return text.length > maxChars ? 'truncate' : 'whitespace-nowrap';
}

/**
 * The lines of a node (w-56, 224 px): name in 14 px semibold next to a 32 px icon (≈ 130 px
 * left with a problem badge; 13 px for the widest glyph); kind in 12 px (≈ 11 px a glyph);
 * summary in 11 px monospace (6.6 px a glyph, ≈ 164 px with port labels).
 */
export const NODE_LINE_MAX_CHARS = { name: 10, kind: 12, summary: 24 } as const;
