import { describe, expect, it } from 'vitest';
import { chaosTable } from './chaos-table';

describe('chaosTable', () => {
  it('prints one aligned Markdown row per scenario with recovery times and failures', () => {
    const table = chaosTable([
      { scenario: 'a', recordsIn: 10, recordsOut: 10, missing: 0, duplicates: 0, unexpected: 0, deadLetters: 7, restarts: 1, recoverMs: [1500, 250], ok: true, problems: [] },
      { scenario: 'bb', recordsIn: 10, recordsOut: 9, missing: 1, duplicates: 0, unexpected: 0, deadLetters: null, restarts: 0, recoverMs: [], ok: false, problems: ['1 missing'] },
    ]).split('\n');
    expect(table).toHaveLength(4);
    expect(table[0]).toMatch(/^\| scenario \| records in \| records out \| missing \| duplicates \| dead letters \| job restarts \| time to recover +\| result +\|$/);
    expect(table[2]).toContain('| 7            | 1            | 1.5 s, 0.3 s ');
    expect(table[3]).toContain('FAIL: 1 missing');
    expect(new Set(table.map((l) => l.length)).size).toBe(1);
  });
});
