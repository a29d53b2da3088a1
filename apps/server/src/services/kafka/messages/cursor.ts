/** Per-partition positions as `partition:offset` pairs joined by commas, in partition order. */
export function encodeCursor(positions: ReadonlyMap<number, number>): string | null {
  if (positions.size === 0) return null;
  return [...positions].sort((a, b) => a[0] - b[0]).map(([p, o]) => `${p}:${o}`).join(',');
}

export function decodeCursor(text: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const pair of text.split(',')) {
    const [p, o] = pair.split(':');
    out.set(Number(p), Number(o));
  }
  return out;
}
