import type { AggregatePlan, LogicalOperatorOf } from '../logical-plan';
import { nodeProblem, type FlinkContext, type Statement } from './context';
import { freshName, relationColumns, type Relation } from './relation';
import { flinkType } from './types';
import { ident, indent, interval } from './sql-text';

type TimeWindowOp = LogicalOperatorOf<'tumbling-window' | 'sliding-window' | 'session-window'>;

/** Columns a window table function adds; an input column of the same name must step aside. */
const TVF_COLUMNS = ['window_start', 'window_end', 'window_time'];

/**
 * A time window as a window table-valued function grouped by its bounds and keys:
 * TUMBLE, HOP (slide, then size) or SESSION (partitioned by the keys). The result keeps
 * `window_time` (window_end − 1 ms) as its hidden rowtime, so windows can be chained.
 */
export function windowViews(ctx: FlinkContext, op: TimeWindowOp, input: Relation): Statement[] {
  const statements: Statement[] = [];
  if (input.rowtime === null) {
    nodeProblem(ctx, 'NO_EVENT_TIME', op.id, undefined, 'a time window on Flink needs an event-time input');
    return statements;
  }
  let source = input;
  /** Input column name → the name the window function sees. */
  const renamed = new Map<string, string>();
  const names = relationColumns(input, true);
  if (names.some((n) => TVF_COLUMNS.includes(n))) {
    const taken = new Set([...ctx.fieldNames, ...names]);
    const select = names.map((n) => {
      if (!TVF_COLUMNS.includes(n)) return ident(n);
      const alias = freshName(`${n}$in`, taken);
      taken.add(alias);
      renamed.set(n, alias);
      return `${ident(n)} AS ${ident(alias)}`;
    });
    const name = `${op.id}$input`;
    statements.push({
      comment: [`'${op.id}': its input with ${[...renamed.keys()].map((n) => `'${n}'`).join(', ')} renamed for the window function`],
      sql: `CREATE TEMPORARY VIEW ${ident(name)} AS\nSELECT\n${select.map((s) => indent(s)).join(',\n')}\nFROM ${ident(input.name)}`,
    });
    source = { ...input, name, rowtime: renamed.get(input.rowtime) ?? input.rowtime };
  }
  const col = (name: string): string => ident(renamed.get(name) ?? name);
  const keys = op.keyFields;
  const select = [
    ...keys.map((k) => (renamed.has(k) ? `${col(k)} AS ${ident(k)}` : ident(k))),
    ident('window_start'),
    ident('window_end'),
    ...op.aggregates.map((a) => `${aggregateSql(a, col)} AS ${ident(a.as)}`),
    `${ident('window_time')} AS ${ident(ctx.rowtimeColumn)}`,
  ];
  const groupBy = [ident('window_start'), ident('window_end'), ident('window_time'), ...keys.map(col)];
  ctx.relations.set(op.id, { name: op.id, columns: op.schema, rowtime: ctx.rowtimeColumn, hiddenRowtime: true });
  statements.push({
    comment: [`${describe(op)} '${op.id}'${keys.length > 0 ? ` per ${keys.map((k) => `'${k}'`).join(', ')}` : ''}`],
    sql: [
      `CREATE TEMPORARY VIEW ${ident(op.id)} AS`,
      'SELECT',
      select.map((s) => indent(s)).join(',\n'),
      `FROM TABLE(\n  ${tableFunction(op, ident(source.name), ident(source.rowtime as string), keys.map(col))})`,
      `GROUP BY ${groupBy.join(', ')}`,
    ].join('\n'),
  });
  return statements;
}

function tableFunction(op: TimeWindowOp, table: string, time: string, keys: string[]): string {
  switch (op.kind) {
    case 'tumbling-window':
      return `TUMBLE(TABLE ${table}, DESCRIPTOR(${time}), ${interval(op.durations.sizeMs as number)})`;
    case 'sliding-window':
      return `HOP(TABLE ${table}, DESCRIPTOR(${time}), ${interval(op.durations.slideMs as number)}, ${interval(op.durations.sizeMs as number)})`;
    case 'session-window': {
      const partition = keys.length === 0 ? '' : ` PARTITION BY ${keys.length === 1 ? keys[0] : `(${keys.join(', ')})`}`;
      return `SESSION(TABLE ${table}${partition}, DESCRIPTOR(${time}), ${interval(op.durations.gapMs as number)})`;
    }
  }
}

function describe(op: TimeWindowOp): string {
  switch (op.kind) {
    case 'tumbling-window':
      return 'Tumbling window';
    case 'sliding-window':
      return 'Sliding window';
    case 'session-window':
      return 'Session window';
  }
}

/**
 * An aggregate with the result type of pipeline-format.md: SUM of integers is BIGINT (Flink
 * would keep INT and overflow), AVG is DOUBLE (Flink's AVG of INT is INT), COUNT is BIGINT.
 */
export function aggregateSql(a: AggregatePlan, col: (name: string) => string): string {
  const x = a.field === null ? '' : col(a.field);
  switch (a.fn) {
    case 'count':
      return 'COUNT(*)';
    case 'count_distinct':
      return `COUNT(DISTINCT ${x})`;
    case 'sum':
      return a.inputType === 'double' ? `SUM(${x})` : `SUM(CAST(${x} AS ${flinkType('bigint')}))`;
    case 'avg':
      return `AVG(CAST(${x} AS ${flinkType('double')}))`;
    case 'min':
      return `MIN(${x})`;
    case 'max':
      return `MAX(${x})`;
    case 'first':
      return `FIRST_VALUE(${x})`;
    case 'last':
      return `LAST_VALUE(${x})`;
  }
}
