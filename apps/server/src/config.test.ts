import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to 127.0.0.1:3000, .weir and no Kafka or database', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: resolve('.weir') });
    expect(c.kafkaBrokers).toBeUndefined();
    expect(c.databaseUrl).toBeUndefined();
  });

  it('reads the environment variables of design.md', () => {
    const c = loadConfig({
      WEIR_PORT: '3100',
      WEIR_HOST: '0.0.0.0',
      WEIR_DATA_DIR: '/tmp/weir-x',
      KAFKA_BROKERS: 'a:9092,b:9092',
      DATABASE_URL: 'postgres://127.0.0.1/test',
    });
    expect(c).toMatchObject({
      port: 3100,
      host: '0.0.0.0',
      dataDir: '/tmp/weir-x',
      kafkaBrokers: 'a:9092,b:9092',
      databaseUrl: 'postgres://127.0.0.1/test',
    });
  });

  it('treats an empty variable as absent', () => {
    expect(loadConfig({ KAFKA_BROKERS: '', WEIR_PORT: '' })).toMatchObject({ port: 3000, kafkaBrokers: undefined });
  });

  it('takes an existing Flink from FLINK_REST_URL and FLINK_SQL_GATEWAY_URL, both or neither', () => {
    expect(loadConfig({})).toMatchObject({ flinkRestUrl: undefined, flinkGatewayUrl: undefined, allowedOrigins: [], metricsToken: '' });
    expect(loadConfig({ WEIR_ALLOWED_ORIGINS: ' https://weir.example.com, http://localhost:5173 ,', WEIR_METRICS_TOKEN: 'a'.repeat(16) }))
      .toMatchObject({ allowedOrigins: ['https://weir.example.com', 'http://localhost:5173'], metricsToken: 'a'.repeat(16) });
    expect(loadConfig({ FLINK_REST_URL: 'http://flink:8081/', FLINK_SQL_GATEWAY_URL: 'http://flink:8083' }))
      .toMatchObject({ flinkRestUrl: 'http://flink:8081', flinkGatewayUrl: 'http://flink:8083' });
    expect(() => loadConfig({ FLINK_REST_URL: 'http://flink:8081' })).toThrow(/FLINK_SQL_GATEWAY_URL is missing/);
    expect(() => loadConfig({ FLINK_SQL_GATEWAY_URL: 'http://flink:8083' })).toThrow(/FLINK_REST_URL is missing/);
    expect(() => loadConfig({ FLINK_REST_URL: 'flink:8081', FLINK_SQL_GATEWAY_URL: 'http://flink:8083' })).toThrow(/FLINK_REST_URL is invalid: must be an http/);
  });

  it('names the variable whose value is bad', () => {
    expect(() => loadConfig({ WEIR_METRICS_TOKEN: 'short' })).toThrow(/WEIR_METRICS_TOKEN is invalid: is too short: use at least 16 characters/);
    expect(() => loadConfig({ WEIR_PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ WEIR_PORT: '70000' })).toThrow(/WEIR_PORT/);
  });

  it('takes only a postgres:// DATABASE_URL, naming the variable otherwise', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h/db' }).databaseUrl).toBe('postgresql://u@h/db');
    expect(() => loadConfig({ DATABASE_URL: 'mysql://h/db' })).toThrow(/DATABASE_URL.*postgres:\/\//);
  });

  it('has sessions and login links that last a day, and a strict login rate limit', () => {
    expect(loadConfig({})).toMatchObject({ sessionIdleMs: 86_400_000, loginTokenTtlMs: 86_400_000, loginRateLimitMax: 10 });
  });

  it('lets the caller override parsed values', () => {
    expect(loadConfig({ WEIR_PORT: '1' }, { port: 2 }).port).toBe(2);
  });
});
