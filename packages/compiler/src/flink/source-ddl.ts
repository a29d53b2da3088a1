import { timestampMs } from '@weir/model';
import type { LogicalOperatorOf } from '../logical-plan';
import { consumerGroupId } from '../naming';
import { nodeProblem, type FlinkContext, type Statement } from './context';
import { freshName, type Relation } from './relation';
import { parseTimestampSql } from './timestamps';
import { flinkType } from './types';
import { ident, indent, interval, withClause } from './sql-text';

type SourceOp = LogicalOperatorOf<'kafka-source'>;

/** Bootstrap servers of a configured cluster name, or undefined (reported by the caller). */
export function bootstrapServers(ctx: FlinkContext, cluster: string): string | undefined {
  return ctx.options.clusters?.[cluster] ?? (cluster === 'default' ? ctx.options.brokers : undefined);
}

export function requireBrokers(ctx: FlinkContext, node: string, cluster: string): string {
  const servers = bootstrapServers(ctx, cluster);
  if (servers === undefined) {
    nodeProblem(ctx, 'BAD_CONFIG', node, 'cluster',
      cluster === 'default'
        ? 'no Kafka bootstrap servers to write into the Flink table: pass them (weir compile --brokers HOST:PORT)'
        : `no bootstrap servers for the Kafka cluster '${cluster}': configure that cluster, or pass its servers`);
    return '';
  }
  return servers;
}

/**
 * A Kafka source: one CREATE TABLE, and when the record has timestamp fields, a view that
 * gives their converted values the fields' own names (the raw STRING column keeps the name
 * the JSON format reads, so the converted one needs another).
 */
export function sourceStatements(ctx: FlinkContext, op: SourceOp): Statement[] {
  const { config } = op;
  const converts = config.format !== 'text' && op.schema.some((f) => f.type === 'timestamp');
  const tableName = converts ? `${op.id}$kafka` : op.id;
  const timeColumn = new Map<string, string>();
  const columns: string[] = [];
  for (const field of op.schema) {
    if (field.type === 'timestamp' && converts) columns.push(`${ident(field.name)} STRING`);
    else columns.push(`${ident(field.name)} ${flinkType(field.type)}`);
  }
  const taken = new Set([...ctx.fieldNames]);
  for (const field of op.schema) {
    if (field.type !== 'timestamp' || !converts) continue;
    const name = freshName(`${field.name}$time`, taken);
    taken.add(name);
    timeColumn.set(field.name, name);
    columns.push(`${ident(name)} AS ${indent(parseTimestampSql(field.name)).trimStart()}`);
  }
  const watermark = op.watermark;
  let rowtime: string | null = null;
  if (watermark) {
    const column = timeColumn.get(watermark.field) ?? watermark.field;
    rowtime = column;
    const delayed = watermark.maxOutOfOrdernessMs > 0 ? `${ident(column)} - ${interval(watermark.maxOutOfOrdernessMs)}` : ident(column);
    columns.push(`WATERMARK FOR ${ident(column)} AS ${delayed}`);
  }
  const statements: Statement[] = [{
    comment: [`Source '${op.id}': Kafka topic '${config.topic}' (${config.format})`],
    sql: `CREATE TABLE ${ident(tableName)} (\n${columns.map((c) => indent(c)).join(',\n')}\n) ${withClause(sourceOptions(ctx, op))}`,
  }];
  if (converts) {
    const select = op.schema.map((f) => {
      const column = timeColumn.get(f.name);
      return column === undefined ? ident(f.name) : `${ident(column)} AS ${ident(f.name)}`;
    });
    statements.push({
      comment: [`'${op.id}' with its timestamps converted`],
      sql: `CREATE TEMPORARY VIEW ${ident(op.id)} AS\nSELECT\n${select.map((s) => indent(s)).join(',\n')}\nFROM ${ident(tableName)}`,
    });
    if (watermark) rowtime = watermark.field;
  }
  const relation: Relation = { name: op.id, columns: op.schema, rowtime, hiddenRowtime: false };
  ctx.relations.set(op.id, relation);
  return statements;
}

function sourceOptions(ctx: FlinkContext, op: SourceOp): [string, string][] {
  const { config } = op;
  const options: [string, string][] = [
    ['connector', 'kafka'],
    ['topic', config.topic],
    ['properties.bootstrap.servers', requireBrokers(ctx, op.id, config.cluster)],
    ['properties.group.id', consumerGroupId(ctx.prefix, op.id)],
    // Only committed records: the output of an exactly-once writer, read as the embedded engine reads it.
    ['properties.isolation.level', 'read_committed'],
  ];
  const start = config.startFrom;
  if (start === 'committed') options.push(['scan.startup.mode', 'group-offsets'], ['properties.auto.offset.reset', 'earliest']);
  else if (start === 'earliest') options.push(['scan.startup.mode', 'earliest-offset']);
  else if (start === 'latest') options.push(['scan.startup.mode', 'latest-offset']);
  else options.push(['scan.startup.mode', 'timestamp'], ['scan.startup.timestamp-millis', String(timestampMs(start.timestamp))]);
  const bounded = config.bounded;
  if (bounded === 'latest') options.push(['scan.bounded.mode', 'latest-offset']);
  else if (bounded !== undefined) options.push(['scan.bounded.mode', 'timestamp'], ['scan.bounded.timestamp-millis', String(timestampMs(bounded.timestamp))]);
  const skip = ctx.plan.settings.onError.policy !== 'fail';
  switch (config.format) {
    case 'json':
      options.push(
        ['format', 'json'],
        // Every field may be null: a missing field is NULL, as on the embedded engine.
        ['json.fail-on-missing-field', 'false'],
        ['json.ignore-parse-errors', String(skip)],
        ['json.timestamp-format.standard', 'ISO-8601'],
      );
      break;
    case 'csv':
      options.push(['format', 'csv'], ['csv.ignore-parse-errors', String(skip)]);
      break;
    case 'text':
      options.push(['format', 'raw']);
      break;
  }
  return options;
}
