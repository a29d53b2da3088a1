import { exprToFlinkSql, parseExpression, type Expr, type FieldType } from '@weir/model';
import type { LogicalOperatorOf } from '../logical-plan';
import { nodeProblem, type FlinkContext, type Statement } from './context';
import { relationColumns, type Relation } from './relation';
import { flinkType } from './types';
import { ident, indent } from './sql-text';

/** Filter, map and union: one view each, named after the node. */

function parse(ctx: FlinkContext, node: string, field: string, text: string): Expr | null {
  const parsed = parseExpression(text);
  if (!parsed.ok) {
    nodeProblem(ctx, 'EXPR_SYNTAX', node, field, parsed.problem.message);
    return null;
  }
  return parsed.ast;
}

export function filterView(ctx: FlinkContext, op: LogicalOperatorOf<'filter'>, input: Relation): Statement {
  const ast = parse(ctx, op.id, 'where', op.config.where);
  ctx.relations.set(op.id, { ...input, name: op.id });
  return {
    comment: [`Filter '${op.id}': ${oneLine(op.config.where)}`],
    sql: `CREATE TEMPORARY VIEW ${ident(op.id)} AS\nSELECT *\nFROM ${ident(input.name)}\nWHERE ${ast ? exprToFlinkSql(ast, input.columns) : 'FALSE'}`,
  };
}

/**
 * A map's projection. Computed values are cast to the field's type, so Flink's own typing
 * (a string literal is CHAR(n), a CASE of literals pads) never changes a value or a column
 * type; a bare field reference stays bare, which keeps a rowtime attribute a rowtime. Boolean
 * results need no cast: every boolean form is BOOLEAN in Flink too.
 */
export function mapView(ctx: FlinkContext, op: LogicalOperatorOf<'map'>, input: Relation): Statement {
  const select: string[] = [];
  if (op.config.keepInput) for (const f of input.columns) select.push(ident(f.name));
  op.config.select.forEach((item, i) => {
    const ast = parse(ctx, op.id, `select.${i}.expr`, item.expr);
    const type = op.schema.find((f) => f.name === item.name)?.type ?? 'string';
    const sql = ast ? projection(ast, type, input) : 'NULL';
    select.push(ast?.kind === 'field' && ast.name === item.name ? sql : `${sql} AS ${ident(item.name)}`);
  });
  const eventTime = op.eventTime;
  const keepHidden = eventTime !== null && input.hiddenRowtime && input.rowtime !== null;
  if (keepHidden) select.push(ident(input.rowtime as string));
  let rowtime: string | null = null;
  if (eventTime !== null) rowtime = keepHidden ? input.rowtime : eventTime.field;
  ctx.relations.set(op.id, { name: op.id, columns: op.schema, rowtime, hiddenRowtime: keepHidden });
  return {
    comment: [`Map '${op.id}'`],
    sql: `CREATE TEMPORARY VIEW ${ident(op.id)} AS\nSELECT\n${select.map((s) => indent(s)).join(',\n')}\nFROM ${ident(input.name)}`,
  };
}

function projection(ast: Expr, type: FieldType, input: Relation): string {
  const sql = exprToFlinkSql(ast, input.columns);
  if (ast.kind === 'field') return sql;
  if ((ast.kind === 'cast' && ast.target === type) || type === 'boolean') return sql;
  return `CAST(${sql} AS ${flinkType(type)})`;
}

export function unionView(ctx: FlinkContext, op: LogicalOperatorOf<'union'>, inputs: Relation[]): Statement {
  const timed = op.eventTime !== null;
  const hidden = timed && inputs.some((r) => r.hiddenRowtime);
  if (hidden && !inputs.every((r) => r.hiddenRowtime && r.rowtime === inputs[0]?.rowtime)) {
    nodeProblem(ctx, 'UNSUPPORTED_ON_ENGINE', op.id, undefined,
      'Flink cannot union window results with other records and keep their event time; put the union before the windows');
  }
  const parts = inputs.map((r) => {
    const columns = relationColumns(r, hidden).map(ident);
    return `SELECT ${columns.join(', ')}\nFROM ${ident(r.name)}`;
  });
  const first = inputs[0] as Relation;
  const rowtime = timed ? (hidden ? first.rowtime : op.eventTime?.field ?? null) : null;
  ctx.relations.set(op.id, { name: op.id, columns: op.schema, rowtime, hiddenRowtime: hidden });
  return {
    comment: [`Union '${op.id}' of ${op.inputs.map((i) => `'${i.from}'`).join(', ')}`],
    sql: `CREATE TEMPORARY VIEW ${ident(op.id)} AS\n${parts.join('\nUNION ALL\n')}`,
  };
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
