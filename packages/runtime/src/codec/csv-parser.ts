/**
 * One CSV record (RFC 4180): fields separated by commas; a field in double quotes may
 * hold commas, line breaks and doubled quotes (`""` is one `"`). A Kafka message is one
 * record, so a trailing CR/LF is dropped. Unquoted empty fields come back as null (SQL's
 * NULL), quoted empty fields as ''. Throws a CsvError on a stray or unterminated quote.
 */
export class CsvError extends Error {
  override readonly name = 'CsvError';
}

export function parseCsvRecord(text: string): (string | null)[] {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  const out: (string | null)[] = [];
  let i = 0;
  for (;;) {
    if (i < end && text.charCodeAt(i) === 34) {
      // Quoted field: runs to the quote not followed by another quote.
      let value = '';
      let from = i + 1;
      let j = from;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1 || q >= end) throw new CsvError(`unterminated quoted field starting at character ${i + 1}`);
        if (q + 1 < end && text.charCodeAt(q + 1) === 34) {
          value += text.slice(from, q + 1);
          j = q + 2;
          from = j;
          continue;
        }
        value += text.slice(from, q);
        i = q + 1;
        break;
      }
      out.push(value);
      if (i === end) return out;
      if (text.charCodeAt(i) !== 44) throw new CsvError(`unexpected character after a quoted field at character ${i + 1}`);
      i++;
      continue;
    }
    let comma = text.indexOf(',', i);
    if (comma === -1 || comma > end) comma = end;
    const field = text.slice(i, comma);
    if (field.includes('"')) throw new CsvError(`a quote inside an unquoted field at character ${i + field.indexOf('"') + 1}`);
    out.push(field === '' ? null : field);
    if (comma === end) return out;
    i = comma + 1;
  }
}
