import { describe, expect, it } from 'vitest';
import { logLevel } from './kafkajs';
import { createQuietLogCreator, effectiveLevel, formatLogRecord, toKafkajsLogLevel, type KafkaLogRecord } from './quiet-logger';

function harness(options: { level?: 'error' | 'warn' | 'info' | 'debug'; repeatWindowMs?: number } = {}) {
  const records: KafkaLogRecord[] = [];
  let clock = 0;
  const log = createQuietLogCreator({ ...options, sink: (r) => records.push(r), now: () => clock })(logLevel.DEBUG);
  const emit = (level: logLevel, message: string, extra: Record<string, unknown> = {}, namespace = 'Connection') =>
    log({ namespace, level, label: '', log: { timestamp: 't', message, ...extra } });
  return { records, emit, advance: (ms: number) => { clock += ms; } };
}

describe('createQuietLogCreator', () => {
  it('passes warn and error, drops info and debug by default', () => {
    const h = harness();
    h.emit(logLevel.INFO, 'joined');
    h.emit(logLevel.DEBUG, 'fetch');
    h.emit(logLevel.WARN, 'slow');
    h.emit(logLevel.ERROR, 'broken', { broker: 'b:1', stack: 'at x' });
    expect(h.records.map((r) => [r.level, r.message])).toEqual([['warn', 'slow'], ['error', 'broken']]);
    expect(h.records[1]!.extra).toEqual({ broker: 'b:1' });
  });

  it('honours a lower level when asked', () => {
    const h = harness({ level: 'info' });
    h.emit(logLevel.INFO, 'joined');
    h.emit(logLevel.DEBUG, 'fetch');
    expect(h.records.map((r) => r.message)).toEqual(['joined']);
  });

  it('folds repeats inside the window and reports how many were held back', () => {
    const h = harness({ repeatWindowMs: 1000 });
    for (let i = 0; i < 5; i++) h.emit(logLevel.ERROR, 'Connection error', { broker: 'b:1' });
    h.emit(logLevel.ERROR, 'Connection error', { broker: 'b:2' });
    h.advance(1000);
    h.emit(logLevel.ERROR, 'Connection error', { broker: 'b:1' });
    expect(h.records.map((r) => [r.extra.broker, r.suppressed])).toEqual([['b:1', 0], ['b:2', 0], ['b:1', 4]]);
  });

  it('filters on the lowered level', () => {
    const h = harness();
    h.emit(logLevel.ERROR, 'Response Produce(key: 0, version: 7)', { error: 'x' });
    h.emit(logLevel.ERROR, 'Crash: KafkaJSProtocolError: The coordinator is not available', {}, 'Consumer');
    h.emit(logLevel.ERROR, 'Crash: KafkaJSNonRetriableError: denied', {}, 'Consumer');
    expect(h.records.map((r) => r.message)).toEqual(['Crash: KafkaJSNonRetriableError: denied']);
  });

  it('drops the kafkajs partitioner notice', () => {
    const h = harness();
    h.emit(logLevel.WARN, 'KafkaJS v2.0.0 switched default partitioner. To retain the same partitioning…');
    expect(h.records).toHaveLength(0);
  });
});

describe('effectiveLevel', () => {
  it('lowers per-request error responses, which the caller receives as an exception', () => {
    expect(effectiveLevel('error', 'Connection', 'Response Metadata(key: 3, version: 6)', 'boom')).toBe('debug');
    expect(effectiveLevel('error', 'Connection', 'Connection error: connect ECONNREFUSED')).toBe('error');
  });

  it('lowers retriable conditions kafkajs retries by itself', () => {
    expect(effectiveLevel('error', 'Consumer', "Crash: KafkaJSProtocolError: The coordinator is loading and hence can't process requests for this group")).toBe('info');
    expect(effectiveLevel('error', 'Producer', 'Failed to send messages: The producer attempted to update a transaction while another concurrent operation on the same transaction was ongoing')).toBe('info');
    expect(effectiveLevel('error', 'Consumer', 'Restarting the consumer in 300ms')).toBe('info');
  });

  it('keeps other errors and never raises a level', () => {
    expect(effectiveLevel('error', 'Consumer', 'Crash: KafkaJSNonRetriableError: Topic authorization failed')).toBe('error');
    expect(effectiveLevel('debug', 'Connection', 'Response Fetch')).toBe('debug');
  });
});

describe('formatLogRecord', () => {
  it('renders one line with level, namespace, fields and repeat count', () => {
    const line = formatLogRecord({
      level: 'error', namespace: 'Producer', message: 'failed', timestamp: 't',
      extra: { broker: 'b:1', retry: { n: 2 } }, suppressed: 3,
    });
    expect(line).toBe('[kafkajs] ERROR Producer: failed broker=b:1 retry={"n":2} (repeated 3 more times)');
  });
});

describe('toKafkajsLogLevel', () => {
  it('maps names to kafkajs levels', () => {
    expect(['error', 'warn', 'info', 'debug'].map((l) => toKafkajsLogLevel(l as 'warn'))).toEqual([
      logLevel.ERROR, logLevel.WARN, logLevel.INFO, logLevel.DEBUG,
    ]);
  });
});
