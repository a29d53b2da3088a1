import type { ScenarioResult } from './scenario';

const COLUMNS = ['scenario', 'records in', 'records out', 'missing', 'duplicates', 'dead letters', 'job restarts', 'time to recover', 'result'] as const;

/** The suite's table, as Markdown (it goes into docs/runtime.md as printed). `job restarts`: the job's own restarts from its checkpoint, in its process. */
export function chaosTable(results: readonly ScenarioResult[]): string {
  const rows = results.map((r) => [
    r.scenario,
    String(r.recordsIn),
    String(r.recordsOut),
    String(r.missing),
    String(r.duplicates),
    r.deadLetters === null ? '—' : String(r.deadLetters),
    String(r.restarts),
    r.recoverMs.length === 0 ? '—' : r.recoverMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', '),
    r.ok ? 'pass' : `FAIL: ${r.problems.join('; ').slice(0, 200)}`,
  ]);
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(COLUMNS), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
