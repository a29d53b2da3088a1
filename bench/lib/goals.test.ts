import { describe, expect, it } from 'vitest';
import { evaluateGoals, markdownTable, missingFigures, REQUIRED_FIGURES, tableRows } from './goals';

const figures = {
  rawPipeRecordsPerSecond: 10_000, embeddedPipeRecordsPerSecond: 9_000,
  embeddedWindowRecordsPerSecond: 20_000, flinkWindowRecordsPerSecond: 25_000,
  embeddedTumblingRecordsPerSecond: 30_000, flinkTumblingRecordsPerSecond: 15_000,
  embeddedSessionRecordsPerSecond: 30_000, flinkSessionRecordsPerSecond: 30_000,
  p50LatencyMs: 5, p99LatencyMs: 20, p99LatencyExactlyOnceMs: 150, embeddedWindowPeakRssMb: 180,
};

describe('bench goals', () => {
  it('names the figures the issue asks for and finds those missing', () => {
    expect(missingFigures(figures)).toEqual([]);
    const { p99LatencyMs: _, ...without } = figures;
    expect(missingFigures({ ...without, flinkWindowRecordsPerSecond: Number.NaN })).toEqual(['flinkWindowRecordsPerSecond', 'p99LatencyMs']);
    expect(REQUIRED_FIGURES).toHaveLength(12);
  });

  it('compares each goal as a ratio within the run', () => {
    const goals = Object.fromEntries(evaluateGoals(figures).map((g) => [g.figure, g]));
    expect(goals.embeddedPipeRecordsPerSecond).toMatchObject({ ratio: 0.9, met: true });
    expect(goals.embeddedWindowRecordsPerSecond).toMatchObject({ ratio: 0.8, met: false });
    expect(goals.embeddedTumblingRecordsPerSecond).toMatchObject({ ratio: 2, met: true });
    expect(goals.embeddedSessionRecordsPerSecond).toMatchObject({ ratio: 1, met: true });
    expect(goals.p99LatencyMs).toMatchObject({ ratio: 0.4, met: true });
    expect(goals.p99LatencyExactlyOnceMs).toMatchObject({ ratio: 3, met: false });
    expect(evaluateGoals({}).every((g) => g.ratio === null && g.met === null)).toBe(true);
  });

  it('prints every figure, extra ones after the required', () => {
    const table = markdownTable(tableRows({ ...figures, searchScanRecordsPerSecond: 1 }, { p99LatencyMs: 'ms' }));
    expect(table).toContain('| `p99LatencyMs` | 20 | ms | < 50 ms | 0.4 (met) |');
    expect(table).toContain('| `embeddedWindowRecordsPerSecond` | 20000 | records/s | ≥ 1.0 × flinkWindowRecordsPerSecond | 0.8 (not met) |');
    expect(table.trim().split('\n')).toHaveLength(2 + 13);
    expect(table.split('\n').at(-1)).toContain('searchScanRecordsPerSecond');
  });
});
