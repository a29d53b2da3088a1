import type { LogicalOperatorOf } from '../logical-plan';
import { nodeProblem, type FlinkContext, type Statement } from './context';
import type { Relation } from './relation';
import { ident, indent, plusInterval } from './sql-text';

const LEFT = ident('l');
const RIGHT = ident('r');

/**
 * An interval join: equal keys, and the right row's time within [left + lower, left + upper]
 * on the two rowtime attributes, which is the form Flink's planner turns into an interval
 * join (state kept only for the interval). Output columns follow the document: every left
 * field, then every right field, renamed `_right` where the name is taken.
 */
export function intervalJoinView(ctx: FlinkContext, op: LogicalOperatorOf<'interval-join'>, left: Relation, right: Relation): Statement {
  if (left.rowtime === null || right.rowtime === null) {
    nodeProblem(ctx, 'NO_EVENT_TIME', op.id, undefined, 'an interval join on Flink needs event time on both inputs');
    return { comment: [], sql: '' };
  }
  const select = left.columns.map((f) => `${LEFT}.${ident(f.name)}`);
  const rightOut = op.schema.slice(left.columns.length);
  right.columns.forEach((f, i) => {
    const as = rightOut[i]?.name ?? f.name;
    select.push(as === f.name ? `${RIGHT}.${ident(f.name)}` : `${RIGHT}.${ident(f.name)} AS ${ident(as)}`);
  });
  // The result keeps the left input's event time; carry its hidden rowtime when it has one.
  if (left.hiddenRowtime) select.push(`${LEFT}.${ident(left.rowtime)}`);
  const leftTime = `${LEFT}.${ident(left.rowtime)}`;
  const rightTime = `${RIGHT}.${ident(right.rowtime)}`;
  const conditions = op.config.on.map((pair) => `${LEFT}.${ident(pair.left)} = ${RIGHT}.${ident(pair.right)}`);
  conditions.push(
    `${rightTime} BETWEEN ${plusInterval(leftTime, op.durations.lowerMs ?? 0)} AND ${plusInterval(leftTime, op.durations.upperMs ?? 0)}`,
  );
  ctx.relations.set(op.id, {
    name: op.id, columns: op.schema, rowtime: left.hiddenRowtime ? left.rowtime : (op.eventTime?.field ?? null), hiddenRowtime: left.hiddenRowtime,
  });
  const [l, r] = op.inputs;
  return {
    comment: [`Interval join '${op.id}': '${r?.from}' within [${op.config.within.lower}, ${op.config.within.upper}] of '${l?.from}'`],
    sql: [
      `CREATE TEMPORARY VIEW ${ident(op.id)} AS`,
      'SELECT',
      select.map((s) => indent(s)).join(',\n'),
      `FROM ${ident(left.name)} AS ${LEFT}, ${ident(right.name)} AS ${RIGHT}`,
      `WHERE ${conditions.join('\n  AND ')}`,
    ].join('\n'),
  };
}
