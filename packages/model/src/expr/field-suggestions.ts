/** Edit distance (Levenshtein), giving up once every path exceeds `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length] as number;
}

/**
 * The text after "unknown field `x`": the close candidates ("did you mean `amount`?"),
 * or, when none is close, the fields there are.
 */
export function unknownFieldHint(name: string, fields: readonly string[]): string {
  if (fields.length === 0) return '; the input has no fields';
  // Long names (hostile input) are not compared: the cost is quadratic in their length.
  const limit = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
  const scored: { field: string; d: number }[] = [];
  if (name.length <= 200) {
    for (const field of fields) {
      const d = field.toLowerCase() === name.toLowerCase() ? 0 : distance(name.toLowerCase(), field.toLowerCase(), limit);
      if (d <= limit) scored.push({ field, d });
    }
  }
  scored.sort((x, y) => x.d - y.d);
  const quote = (f: string) => `\`${f.replaceAll('`', '``')}\``;
  if (scored.length > 0) {
    const names = scored.slice(0, 3).map((s) => quote(s.field));
    const caseOnly = scored[0]?.d === 0 ? ' (field names are case-sensitive)' : '';
    return `; did you mean ${names.join(' or ')}?${caseOnly}`;
  }
  const shown = fields.slice(0, 12).map(quote).join(', ');
  return `; the input fields are ${shown}${fields.length > 12 ? ', …' : ''}`;
}
