import type { Field, FieldType } from '@weir/model';
import type { JdbcConnection } from '../compile-options';
import type { LogicalOperatorOf } from '../logical-plan';
import { sinkTransactionalIdPrefix } from '../naming';
import { nodeProblem, type FlinkContext, type Statement } from './context';
import { freshName, type Relation } from './relation';
import { requireBrokers } from './source-ddl';
import { formatTimestampSql } from './timestamps';
import { flinkType } from './types';
import { ident, indent, withClause } from './sql-text';

/**
 * Kafka's brokers refuse a transaction timeout above `transaction.max.timeout.ms` (15
 * minutes by default), and Flink's own default (1 hour) is above it; ask for exactly the maximum.
 */
export const TRANSACTION_TIMEOUT_MS = 900_000;

/** A sink: its CREATE TABLE, and the SELECT that feeds it (joined into INSERT INTO later). */
export interface SinkParts {
  table: Statement;
  insert: string;
}

type KafkaSinkOp = LogicalOperatorOf<'kafka-sink'>;
type PostgresSinkOp = LogicalOperatorOf<'postgres-sink'>;

export function kafkaSink(ctx: FlinkContext, op: KafkaSinkOp, input: Relation): SinkParts {
  const { config } = op;
  const fields = input.columns;
  const key = config.key ?? [];
  const columns = fields.map((f) => `${ident(f.name)} ${f.type === 'timestamp' ? 'STRING' : flinkType(f.type)}`);
  const select = fields.map((f) => (f.type === 'timestamp' ? `${formatTimestampSql(ident(f.name))} AS ${ident(f.name)}` : ident(f.name)));
  const options: [string, string][] = [
    ['connector', 'kafka'],
    ['topic', config.topic],
    ['properties.bootstrap.servers', requireBrokers(ctx, op.id, config.cluster)],
  ];
  if (key.some((k) => k.includes(';'))) {
    nodeProblem(ctx, 'UNSUPPORTED_ON_ENGINE', op.id, 'key', "Flink's Kafka connector separates key fields with ';', so a key field name cannot contain one; rename it with a map");
  }
  if (key.length === 1) {
    const field = fields.find((f) => f.name === key[0]) as Field;
    if (field.type === 'string') {
      options.push(['key.format', 'raw'], ['key.fields', field.name], ['value.fields-include', 'ALL']);
    } else {
      // The raw format would write an INT as 4 binary bytes; the key is its text, so add a STRING column for it.
      const keyColumn = freshName(`${field.name}$key`, ctx.fieldNames);
      columns.push(`${ident(keyColumn)} STRING`);
      select.push(`${keyText(ident(field.name), field.type)} AS ${ident(keyColumn)}`);
      options.push(['key.format', 'raw'], ['key.fields', keyColumn], ['value.fields-include', 'EXCEPT_KEY']);
    }
  } else if (key.length > 1) {
    options.push(['key.format', 'json'], ['key.fields', key.join(';')], ['value.fields-include', 'ALL']);
  }
  options.push(['value.format', 'json']);
  if (ctx.plan.settings.delivery === 'exactly-once') {
    options.push(
      ['sink.delivery-guarantee', 'exactly-once'],
      ['sink.transactional-id-prefix', sinkTransactionalIdPrefix(ctx.prefix, op.id)],
      ['properties.transaction.timeout.ms', String(TRANSACTION_TIMEOUT_MS)],
    );
  } else {
    options.push(['sink.delivery-guarantee', 'at-least-once']);
  }
  return {
    table: {
      comment: [`Sink '${op.id}': Kafka topic '${config.topic}' (json${keyComment(key)})`],
      sql: `CREATE TABLE ${ident(op.id)} (\n${columns.map((c) => indent(c)).join(',\n')}\n) ${withClause(options)}`,
    },
    insert: selectFrom(select, input.name),
  };
}

function keyComment(key: readonly string[]): string {
  if (key.length === 0) return ', no key';
  return key.length === 1 ? `, key: the text of '${key[0]}'` : `, key: a JSON object of ${key.map((k) => `'${k}'`).join(', ')}`;
}

/** The key text of one field, as the embedded engine writes it (`true`, `42`, ISO-8601). */
function keyText(column: string, type: FieldType): string {
  switch (type) {
    case 'boolean':
      return `CASE WHEN ${column} THEN 'true' WHEN NOT ${column} THEN 'false' END`;
    case 'timestamp':
      return formatTimestampSql(column);
    default:
      return `CAST(${column} AS STRING)`;
  }
}

/**
 * Flink's JDBC dialect for PostgreSQL writes column names unquoted, so PostgreSQL folds
 * them to lower case; only names that survive that unchanged can be written.
 */
const JDBC_COLUMN = /^[a-z_][a-z0-9_]*$/;

export function postgresSink(ctx: FlinkContext, op: PostgresSinkOp, input: Relation): SinkParts {
  const { config } = op;
  const connection = ctx.options.connections?.[config.connection];
  if (connection === undefined) {
    nodeProblem(ctx, 'BAD_CONFIG', op.id, 'connection', `no PostgreSQL connection '${config.connection}' to write into the Flink table: pass it (weir compile --postgres ${config.connection === 'default' ? '' : `${config.connection}=`}URL)`);
  }
  const bad = input.columns.filter((f) => !JDBC_COLUMN.test(f.name)).map((f) => `'${f.name}'`);
  if (bad.length > 0) {
    nodeProblem(ctx, 'UNSUPPORTED_ON_ENGINE', op.id, undefined,
      `Flink's JDBC connector writes column names unquoted, so field ${bad.join(', ')} cannot be written; ` +
      'rename fields to lower-case letters, digits and _ with a map');
  }
  const columns = input.columns.map((f) => `${ident(f.name)} ${flinkType(f.type)}`);
  const upsert = config.mode === 'upsert';
  if (!upsert && ctx.plan.settings.delivery === 'exactly-once') {
    ctx.warnings.push({
      code: 'UNSUPPORTED_ON_ENGINE', node: op.id,
      message: `node '${op.id}': Flink's JDBC sink writes at least once, so after a failure an append may repeat rows; use mode upsert for exactly-once results`,
    });
  }
  if (upsert) columns.push(`PRIMARY KEY (${(config.primaryKey ?? []).map(ident).join(', ')}) NOT ENFORCED`);
  const jdbc = jdbcOptions(connection);
  const options: [string, string][] = [
    ['connector', 'jdbc'],
    ['url', jdbc.url],
    ['table-name', config.table],
    ...(jdbc.username !== undefined ? [['username', jdbc.username] as [string, string]] : []),
    // Flink's JDBC connector takes username and password together or neither: a user without
    // a password (trust or peer authentication) is given an empty one.
    ...(jdbc.password !== undefined || jdbc.username !== undefined ? [['password', jdbc.password ?? ''] as [string, string]] : []),
  ];
  return {
    table: {
      comment: [`Sink '${op.id}': PostgreSQL table '${config.table}' (${upsert ? `upsert on ${(config.primaryKey ?? []).join(', ')}` : 'append'})`],
      sql: `CREATE TABLE ${ident(op.id)} (\n${columns.map((c) => indent(c)).join(',\n')}\n) ${withClause(options)}`,
    },
    insert: selectFrom(input.columns.map((f) => ident(f.name)), input.name),
  };
}

/** A JDBC URL and credentials from a `jdbc:postgresql:` or `postgres://user:pass@host/db` URL. */
export function jdbcOptions(connection: JdbcConnection | undefined): { url: string; username?: string; password?: string } {
  if (connection === undefined) return { url: '' };
  const { url } = connection;
  let result: { url: string; username?: string; password?: string } = { url };
  if (/^postgres(?:ql)?:\/\//.test(url)) {
    const parsed = new URL(url);
    const port = parsed.port === '' ? '' : `:${parsed.port}`;
    result = { url: `jdbc:postgresql://${parsed.hostname}${port}${parsed.pathname}${parsed.search}` };
    if (parsed.username !== '') result.username = decodeURIComponent(parsed.username);
    if (parsed.password !== '') result.password = decodeURIComponent(parsed.password);
  }
  if (connection.username !== undefined) result.username = connection.username;
  if (connection.password !== undefined) result.password = connection.password;
  return result;
}

function selectFrom(select: readonly string[], from: string): string {
  return `SELECT\n${select.map((s) => indent(s)).join(',\n')}\nFROM ${ident(from)}`;
}
