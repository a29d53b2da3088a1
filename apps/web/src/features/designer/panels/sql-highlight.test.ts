import { describe, expect, it } from 'vitest';
import { tokenizeSql } from './sql-highlight';

describe('tokenizeSql', () => {
  it('marks keywords, strings, quoted identifiers, numbers and comments, and keeps the text whole', () => {
    const sql = "-- revenue\nSELECT `category`, SUM(amount) FROM orders WHERE category <> 'it''s' AND amount > 10.5";
    const tokens = tokenizeSql(sql);
    expect(tokens.map((t) => t.text).join('')).toBe(sql);
    expect(tokens.filter((t) => t.kind === 'keyword').map((t) => t.text)).toEqual(['SELECT', 'FROM', 'WHERE', 'AND']);
    expect(tokens.find((t) => t.kind === 'string')?.text).toBe("'it''s'");
    expect(tokens.find((t) => t.kind === 'identifier')?.text).toBe('`category`');
    expect(tokens.find((t) => t.kind === 'comment')?.text).toBe('-- revenue');
    expect(tokens.find((t) => t.kind === 'number')?.text).toBe('10.5');
  });
});
