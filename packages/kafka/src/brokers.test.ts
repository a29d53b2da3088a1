import { describe, expect, it } from 'vitest';
import { parseBroker, parseBrokers } from './brokers';
import { isKafkaClientError } from './kafka-client-error';

describe('parseBrokers', () => {
  it('splits a comma list, trims and drops duplicates', () => {
    expect(parseBrokers(' a:9092, b.example.com:9093 ,a:9092\n')).toEqual(['a:9092', 'b.example.com:9093']);
  });

  it('accepts arrays whose entries are themselves lists', () => {
    expect(parseBrokers(['127.0.0.1:1', 'x:2,y:3'])).toEqual(['127.0.0.1:1', 'x:2', 'y:3']);
  });

  it('strips a listener scheme and keeps bracketed IPv6', () => {
    expect(parseBrokers('PLAINTEXT://h:9092,[::1]:19092')).toEqual(['h:9092', '[::1]:19092']);
  });

  it.each([
    ['', 'No Kafka broker given'],
    [' , ', 'No Kafka broker given'],
    ['localhost', '"localhost"'],
    ['h:0', '"h:0"'],
    ['h:65536', '"h:65536"'],
    ['h:x', '"h:x"'],
    ['bad host:1', '"bad"'],
    ['-h:1', '"-h:1"'],
    ['ok:1,h:-1', '"h:-1"'],
  ])('rejects %j with BAD_BROKERS naming %s', (input, named) => {
    let caught: unknown;
    try { parseBrokers(input); } catch (err) { caught = err; }
    expect(isKafkaClientError(caught, 'BAD_BROKERS')).toBe(true);
    expect((caught as Error).message).toContain(named);
  });

  it('parseBroker returns the entry unchanged when valid', () => {
    expect(parseBroker('kafka-1.internal:9092')).toBe('kafka-1.internal:9092');
  });
});
