// The figures issue #9 asks for, and the goals they are measured against — ratios within one
// run, printed and recorded, never asserted (the machine is shared; a test cannot time it).

/** Every figure `npm run bench` must record in results/latest.json. */
export const REQUIRED_FIGURES = [
  'rawPipeRecordsPerSecond', 'embeddedPipeRecordsPerSecond',
  'embeddedWindowRecordsPerSecond', 'flinkWindowRecordsPerSecond',
  'embeddedTumblingRecordsPerSecond', 'flinkTumblingRecordsPerSecond',
  'embeddedSessionRecordsPerSecond', 'flinkSessionRecordsPerSecond',
  'p50LatencyMs', 'p99LatencyMs', 'p99LatencyExactlyOnceMs',
  'embeddedWindowPeakRssMb',
] as const;

export const LATENCY_GOAL_MS = 50;

export interface Goal {
  figure: string;
  /** How the goal reads in the table. */
  text: string;
  /** The ratio compared with `target`: figure ÷ baseline, or figure ÷ limit for an upper bound. */
  ratio: number | null;
  target: number;
  /** Higher is better (throughput) or lower is better (latency). */
  atLeast: boolean;
  met: boolean | null;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function against(figures: Record<string, number>, figure: string, baseline: string, factor: number): Goal {
  const a = figures[figure];
  const b = figures[baseline];
  const ratio = a !== undefined && b !== undefined && b > 0 ? round3(a / b) : null;
  return { figure, text: `≥ ${factor.toFixed(1)} × ${baseline}`, ratio, target: factor, atLeast: true, met: ratio === null ? null : ratio >= factor };
}

function below(figures: Record<string, number>, figure: string, limit: number): Goal {
  const a = figures[figure];
  const ratio = a === undefined ? null : round3(a / limit);
  return { figure, text: `< ${limit} ms`, ratio, target: 1, atLeast: false, met: a === undefined ? null : a < limit };
}

/** The goals of issue #9, evaluated on one run's medians. */
export function evaluateGoals(figures: Record<string, number>): Goal[] {
  return [
    against(figures, 'embeddedPipeRecordsPerSecond', 'rawPipeRecordsPerSecond', 0.8),
    against(figures, 'embeddedWindowRecordsPerSecond', 'flinkWindowRecordsPerSecond', 1),
    against(figures, 'embeddedTumblingRecordsPerSecond', 'flinkTumblingRecordsPerSecond', 1),
    against(figures, 'embeddedSessionRecordsPerSecond', 'flinkSessionRecordsPerSecond', 1),
    below(figures, 'p99LatencyMs', LATENCY_GOAL_MS),
    below(figures, 'p99LatencyExactlyOnceMs', LATENCY_GOAL_MS),
  ];
}

export function missingFigures(figures: Record<string, number>): string[] {
  return REQUIRED_FIGURES.filter((f) => typeof figures[f] !== 'number' || !Number.isFinite(figures[f]));
}

export interface TableRow {
  figure: string;
  value: number | undefined;
  unit: string;
  goal: string;
  ratio: string;
}

/** One row per figure: its median, and where it has a goal, the goal, the ratio and whether it is met. */
export function tableRows(figures: Record<string, number>, units: Record<string, string>): TableRow[] {
  const goals = new Map(evaluateGoals(figures).map((g) => [g.figure, g]));
  const names = [...REQUIRED_FIGURES, ...Object.keys(figures).filter((f) => !(REQUIRED_FIGURES as readonly string[]).includes(f))];
  return names.map((figure) => {
    const g = goals.get(figure);
    return {
      figure,
      value: figures[figure],
      unit: units[figure] ?? 'records/s',
      goal: g?.text ?? '',
      ratio: g === undefined || g.ratio === null ? '' : `${g.ratio} ${g.met ? '(met)' : '(not met)'}`,
    };
  });
}

/** The table as printed on stdout and pasted into the README (Markdown). */
export function markdownTable(rows: TableRow[]): string {
  return [
    '| figure | median | unit | goal | ratio |',
    '|---|---:|---|---|---|',
    ...rows.map((r) => `| \`${r.figure}\` | ${r.value ?? 'missing'} | ${r.unit} | ${r.goal} | ${r.ratio} |`),
  ].join('\n');
}
