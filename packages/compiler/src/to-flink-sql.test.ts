import { describe, expect, it } from 'vitest';
import { compile, type CompileResult } from './compile';
import type { CompileOptions } from './compile-options';
import { jdbcOptions } from './flink/sinks';
import { doc, kafkaSink, line, node, source } from './testing/documents';

const BROKERS: CompileOptions = { brokers: 'b:9092' };

function sql(document: unknown, options: CompileOptions = BROKERS): Extract<CompileResult, { target: 'flink-sql' }> {
  const result = compile(document, 'flink-sql', options);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  if (result.target !== 'flink-sql') throw new Error('wrong target');
  return result;
}

function problems(document: unknown, options: CompileOptions = BROKERS) {
  const result = compile(document, 'flink-sql', options);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('toFlinkSql', () => {
  it('is deterministic', () => {
    const document = doc([source('orders'), node('w', 'tumbling-window', { size: '1m', keyBy: ['category'] }), kafkaSink('out')], line('orders', 'w', 'out'));
    expect(sql(document).sql).toBe(sql(structuredClone(document)).sql);
  });

  it('needs bootstrap servers for every Kafka cluster it uses', () => {
    const document = doc([source('orders', { config: { cluster: 'eu' } }), kafkaSink('out')], line('orders', 'out'));
    const found = problems(document, { brokers: 'b:9092' });
    expect(found).toMatchObject([{ code: 'BAD_CONFIG', node: 'orders', field: 'cluster' }]);
    expect(found[0]?.message).toContain("'eu'");
    expect(problems(document, {}).map((p) => p.node)).toEqual(['orders', 'out']);
    expect(sql(document, { brokers: 'b:9092', clusters: { eu: 'eu:9092' } }).sql).toContain("'properties.bootstrap.servers' = 'eu:9092'");
  });

  it('gives one statement per gateway request, in script order', () => {
    const result = sql(doc([source('orders'), kafkaSink('a'), kafkaSink('b')], [{ from: 'orders', to: 'a' }, { from: 'orders', to: 'b' }]));
    expect(result.statements.filter((s) => s.startsWith('SET '))).toHaveLength(5);
    const last = result.statements[result.statements.length - 1] as string;
    expect(last.startsWith('EXECUTE STATEMENT SET\nBEGIN\n')).toBe(true);
    expect(last.endsWith('END')).toBe(true);
    expect(result.statements.every((s) => !s.startsWith('--') && !s.endsWith(';'))).toBe(true);
  });

  it('writes one INSERT without a statement set for a single sink', () => {
    const result = sql(doc([source('orders'), kafkaSink('out')], line('orders', 'out')));
    expect(result.statements[result.statements.length - 1]?.startsWith('INSERT INTO `out`')).toBe(true);
  });

  it('maps startFrom and bounded onto the Kafka connector', () => {
    const committed = sql(doc([source('orders'), kafkaSink('out')], line('orders', 'out'))).sql;
    expect(committed).toContain("'scan.startup.mode' = 'group-offsets'");
    expect(committed).toContain("'properties.auto.offset.reset' = 'earliest'");
    const timed = sql(doc([source('orders', { config: { startFrom: { timestamp: '2026-01-01T00:00:00Z' }, bounded: { timestamp: '2026-01-01T01:00:00Z' } } }), kafkaSink('out')],
      line('orders', 'out'))).sql;
    expect(timed).toContain("'scan.startup.timestamp-millis' = '1767225600000'");
    expect(timed).toContain("'scan.bounded.mode' = 'timestamp'");
    expect(timed).toContain("'scan.bounded.timestamp-millis' = '1767229200000'");
  });

  it('uses the smallest idle timeout and says so when the sources differ', () => {
    const result = sql(doc([
      source('a', { config: { eventTime: { field: 'ts', idleTimeout: '1m' } } }),
      source('b', { config: { eventTime: { field: 'ts', idleTimeout: '30s' } } }),
      node('u', 'union'), kafkaSink('out')], [{ from: 'a', to: 'u' }, { from: 'b', to: 'u' }, { from: 'u', to: 'out' }]));
    expect(result.sql).toContain("SET 'table.exec.source.idle-timeout' = '30s';");
    expect(result.warnings.map((w) => w.message).join()).toContain('one idle timeout per job');
  });

  it('refuses exactly-once with a checkpoint interval the transaction timeout cannot cover', () => {
    const found = problems(doc([source('orders'), kafkaSink('out')], line('orders', 'out'), { settings: { delivery: 'exactly-once', checkpointInterval: '8m' } }));
    expect(found).toMatchObject([{ code: 'TRANSACTION_TIMEOUT_TOO_SHORT', field: 'settings.checkpointInterval' }]);
    expect(sql(doc([source('orders'), kafkaSink('out')], line('orders', 'out'), { settings: { delivery: 'exactly-once', checkpointInterval: '7m' } })).sql)
      .toContain("'properties.transaction.timeout.ms' = '900000'");
  });

  it('warns that Flink has no dead-letter topic', () => {
    const result = sql(doc([source('orders'), kafkaSink('out')], line('orders', 'out'), { settings: { onError: { policy: 'dead-letter', topic: 'dlq' } } }));
    expect(result.warnings).toMatchObject([{ code: 'UNSUPPORTED_ON_ENGINE', field: 'settings.onError' }]);
    expect(result.sql).toContain("'json.ignore-parse-errors' = 'true'");
  });

  it('refuses key field names Flink cannot list', () => {
    const document = doc([source('orders', { fields: [['a;b', 'string'], ['c', 'int']], eventTime: null }), kafkaSink('out', { key: ['a;b', 'c'] })], line('orders', 'out'));
    expect(problems(document)).toMatchObject([{ code: 'UNSUPPORTED_ON_ENGINE', node: 'out', field: 'key' }]);
  });

  it('writes the key of one boolean field as true or false', () => {
    const document = doc([source('flags', { fields: [['on', 'boolean']], eventTime: null }), kafkaSink('out', { key: ['on'] })], line('flags', 'out'));
    expect(sql(document).sql).toContain("CASE WHEN `on` THEN 'true' WHEN NOT `on` THEN 'false' END AS `on$key`");
  });

  it('keeps helper columns clear of field names', () => {
    const document = doc([source('s', { fields: [['ts', 'timestamp'], ['ts$time', 'string']], eventTime: 'ts' }), kafkaSink('out')], line('s', 'out'));
    const text = sql(document).sql;
    expect(text).toContain('`ts$time$` AS CASE');
    expect(text).toContain('`ts$time$` AS `ts`');
  });

  it('renames window columns of the input before a cascaded window function', () => {
    const text = sql(doc([source('orders'),
      node('w1', 'tumbling-window', { size: '10s', keyBy: ['category'], aggregates: [{ fn: 'count', as: 'n' }] }),
      node('w2', 'tumbling-window', { size: '1m', keyBy: ['category'], aggregates: [{ fn: 'max', field: 'window_start', as: 'last_start' }] }),
      kafkaSink('out')], line('orders', 'w1', 'w2', 'out'))).sql;
    expect(text).toContain('`window_start` AS `window_start$in`');
    expect(text).toContain('MAX(`window_start$in`) AS `last_start`');
    expect(text).toContain('TUMBLE(TABLE `w2$input`, DESCRIPTOR(`$rowtime`), INTERVAL \'1\' MINUTE)');
  });

  it('partitions session windows by their keys', () => {
    const text = sql(doc([source('orders'), node('s', 'session-window', { gap: '5m', keyBy: ['category', 'order_id'] }), kafkaSink('out')],
      line('orders', 's', 'out'))).sql;
    expect(text).toContain("SESSION(TABLE `orders` PARTITION BY (`category`, `order_id`), DESCRIPTOR(`ts`), INTERVAL '5' MINUTE)");
  });

  it('refuses a union of window results with records of another origin', () => {
    const document = doc([
      source('orders', { fields: [['category', 'string'], ['window_start', 'timestamp'], ['window_end', 'timestamp']], eventTime: 'window_end' }),
      source('raw'),
      node('w', 'tumbling-window', { size: '1m', keyBy: ['category'] }),
      node('u', 'union'), kafkaSink('out')],
    [{ from: 'raw', to: 'w' }, { from: 'w', to: 'u' }, { from: 'orders', to: 'u' }, { from: 'u', to: 'out' }]);
    const found = compile(document, 'flink-sql', BROKERS);
    expect(found.ok).toBe(false);
    if (!found.ok) expect(found.problems.map((p) => p.node)).toContain('u');
  });

  it('refuses PostgreSQL columns that the JDBC connector would not quote', () => {
    const document = doc([source('orders', { fields: [['OrderId', 'string']], eventTime: null }), node('pg', 'postgres-sink', { table: 'orders' })], line('orders', 'pg'));
    const found = problems(document, { ...BROKERS, connections: { default: { url: 'jdbc:postgresql://h/db' } } });
    expect(found).toMatchObject([{ code: 'UNSUPPORTED_ON_ENGINE', node: 'pg' }]);
    expect(found[0]?.message).toContain("'OrderId'");
  });

  it('lists the PostgreSQL tables to create before deploying', () => {
    const result = sql(doc([source('orders'), node('pg', 'postgres-sink', { table: 'orders', connection: 'warehouse' })], line('orders', 'pg')),
      { ...BROKERS, connections: { warehouse: { url: 'postgres://u:p%40ss@db:5433/shop' } } });
    expect(result.postgresTables).toMatchObject([{ node: 'pg', connection: 'warehouse' }]);
    expect(result.postgresTables[0]?.createTableSql).toContain('CREATE TABLE IF NOT EXISTS "orders"');
    expect(result.sql).toContain("'url' = 'jdbc:postgresql://db:5433/shop'");
    expect(result.sql).toContain("'password' = 'p@ss'");
  });
});

describe('jdbcOptions', () => {
  it('keeps a JDBC URL and takes explicit credentials', () => {
    expect(jdbcOptions({ url: 'jdbc:postgresql://h:5432/db', username: 'u' })).toEqual({ url: 'jdbc:postgresql://h:5432/db', username: 'u' });
  });

  it('turns a postgres:// URL into a JDBC URL and credentials', () => {
    expect(jdbcOptions({ url: 'postgresql://me:secret@127.0.0.1/test?sslmode=disable' }))
      .toEqual({ url: 'jdbc:postgresql://127.0.0.1/test?sslmode=disable', username: 'me', password: 'secret' });
  });
});
