import { editDistance } from '../suggest';

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
      const d = field.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name.toLowerCase(), field.toLowerCase(), limit);
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
