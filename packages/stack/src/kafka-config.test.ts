import { describe, expect, it } from 'vitest';
import { brokerProperties, generateClusterId, log4j2Properties, parseProperties, renderProperties } from './kafka-config';

describe('brokerProperties', () => {
  const props = brokerProperties({ host: '127.0.0.1', port: 19092, controllerPort: 19093, logDir: '/d/kafka' });

  it('runs one combined KRaft node with the broker listener advertised', () => {
    expect(props).toMatchObject({
      'process.roles': 'broker,controller',
      'node.id': '1',
      'controller.quorum.voters': '1@127.0.0.1:19093',
      listeners: 'PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093',
      'advertised.listeners': 'PLAINTEXT://127.0.0.1:19092',
      'controller.listener.names': 'CONTROLLER',
      'log.dirs': '/d/kafka',
    });
  });

  it('sizes internal topics for a single broker and starts groups at once', () => {
    expect(props).toMatchObject({
      'offsets.topic.replication.factor': '1',
      'transaction.state.log.replication.factor': '1',
      'transaction.state.log.min.isr': '1',
      'group.initial.rebalance.delay.ms': '0',
      'num.partitions': '1',
      'auto.create.topics.enable': 'false',
    });
  });

  it('lets overrides win', () => {
    const p = brokerProperties({ host: 'h', port: 1, controllerPort: 2, logDir: '/x', overrides: { 'auto.create.topics.enable': true, 'a.b': 3 } });
    expect(p['auto.create.topics.enable']).toBe('true');
    expect(p['a.b']).toBe('3');
  });
});

describe('renderProperties / parseProperties', () => {
  it('round-trips values with backslashes, separators and spaces', () => {
    const input = { 'log.dirs': 'C:\\data\\kafka', 'x.y': 'a=b:c', 'weird key': ' lead' };
    const text = renderProperties(input, 'header');
    expect(text.startsWith('# header\n')).toBe(true);
    expect(parseProperties(text)).toEqual(input);
  });

  it('reads meta.properties as Kafka writes it', () => {
    const text = '#\n#Thu Nov 26 07:43:56 UTC 2026\nnode.id=1\ndirectory.id=LM4C3HGwHwJdNc0RIh_ldw\nversion=1\ncluster.id=nuwwErQ8QSy3QAbxhcLFGA\n';
    expect(parseProperties(text)).toEqual({
      'node.id': '1', 'directory.id': 'LM4C3HGwHwJdNc0RIh_ldw', version: '1', 'cluster.id': 'nuwwErQ8QSy3QAbxhcLFGA',
    });
  });
});

describe('log4j2Properties', () => {
  it('sends the root logger to the given file only', () => {
    const p = parseProperties(log4j2Properties('/d/kafka.log'));
    expect(p['appender.file.fileName']).toBe('/d/kafka.log');
    expect(p['rootLogger.appenderRef.file.ref']).toBe('FILE');
    expect(Object.keys(p).some((k) => k.includes('Console') || p[k] === 'Console')).toBe(false);
  });
});

describe('generateClusterId', () => {
  it('is 22 URL-safe base64 characters', () => {
    for (let i = 0; i < 50; i++) expect(generateClusterId()).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
  });

  it('skips ids that start with "-" and the reserved ids', () => {
    const draws = [Buffer.alloc(16, 0xfb), Buffer.alloc(16), Buffer.from([...Array(15).fill(0), 1]), Buffer.alloc(16, 7)];
    const id = generateClusterId(() => draws.shift()!);
    expect(id).toBe(Buffer.alloc(16, 7).toString('base64url'));
    expect(draws).toHaveLength(0);
  });
});
