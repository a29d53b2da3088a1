import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServerStartError } from '@weir/server';
import { StackError } from '@weir/stack';
import { describeUpError, parseUpArgs, progressLineFilter, UsageError } from './up';

describe('parseUpArgs', () => {
  it('defaults to port 3000, .weir, Kafka on 9092 and demo data', () => {
    expect(parseUpArgs([], {})).toEqual({ port: 3000, dataDir: resolve('.weir'), kafkaPort: 9092, demo: true, help: false });
  });

  it('takes the environment when no flag is given, and flags over it', () => {
    const env = { WEIR_PORT: '3200', WEIR_DATA_DIR: '/tmp/weir-env' };
    expect(parseUpArgs([], env)).toMatchObject({ port: 3200, dataDir: '/tmp/weir-env' });
    expect(parseUpArgs(['--port', '3300', '--data-dir', 'x', '--kafka-port', '29092', '--no-demo'], env)).toMatchObject({
      port: 3300,
      dataDir: resolve('x'),
      kafkaPort: 29092,
      demo: false,
    });
  });

  it('names the flag or variable whose port is bad', () => {
    expect(() => parseUpArgs(['--port', 'abc'], {})).toThrow(/--port must be a port number 1–65535, got "abc"/);
    expect(() => parseUpArgs(['--kafka-port', '0'], {})).toThrow(/--kafka-port/);
    expect(() => parseUpArgs([], { WEIR_PORT: '99999' })).toThrow(/WEIR_PORT/);
  });

  it('refuses unknown options and stray arguments', () => {
    expect(() => parseUpArgs(['--prot', '1'], {})).toThrow(UsageError);
    expect(() => parseUpArgs(['now'], {})).toThrow(UsageError);
  });
});

describe('describeUpError', () => {
  it('names the Kafka failure code and what to do about it', () => {
    const text = describeUpError(new StackError('NO_JAVA', 'Java 17+ is needed but "java" could not run'));
    expect(text).toContain('NO_JAVA');
    expect(text).toContain('Java 17+ is needed');
    expect(text).toContain('KAFKA_BROKERS');
    expect(describeUpError(new StackError('PORT_IN_USE', 'Port 9092 on 127.0.0.1 is bound'))).toContain('--kafka-port');
  });

  it('passes the server port message on as it is', () => {
    const text = describeUpError(new ServerStartError('PORT_IN_USE', 'Port 3000 on 127.0.0.1 is already in use. … --port N'));
    expect(text).toBe('Cannot start the server (PORT_IN_USE): Port 3000 on 127.0.0.1 is already in use. … --port N');
  });

  it('shows the usage after a usage error', () => {
    expect(describeUpError(new UsageError('Unknown option --x'))).toMatch(/Unknown option --x\n\nUsage: weir up/);
  });
});

describe('progressLineFilter', () => {
  it('shows progress lines and hides the broker log from its first record on', () => {
    const show = progressLineFilter();
    const lines = [
      'Resolving kafka_2.13:4.1.1 with Maven…',
      'Formatted Kafka storage /x (cluster abc)',
      '[2026-01-01 10:00:00,000] INFO KafkaConfig values:',
      '\tbroker.id = 1',
      'java.lang.IllegalStateException: boom',
      'Kafka 4.1.1 answers at 127.0.0.1:9092',
    ];
    expect(lines.filter(show)).toEqual(lines.slice(0, 2));
  });
});
