import { describe, expect, it } from 'vitest';
import { CATALOG } from './catalog';
import { nodeSummary } from './node-summary';

describe('nodeSummary', () => {
  it('says what a node does from its config', () => {
    expect(nodeSummary('kafka-source', { topic: 'orders' })).toBe('topic orders');
    expect(nodeSummary('filter', { where: 'amount >= 10' })).toBe('amount >= 10');
    expect(nodeSummary('tumbling-window', { size: '1m', keyBy: ['category'] })).toBe('1m by category');
    expect(nodeSummary('sliding-window', { size: '10m', slide: '1m', keyBy: [] })).toBe('10m every 1m');
    expect(nodeSummary('interval-join', { on: [{ left: 'a', right: 'b' }] })).toBe('on a = b');
    expect(nodeSummary('postgres-sink', { table: 't', mode: 'upsert' })).toBe('→ table t (upsert)');
    expect(nodeSummary('map', { select: [{}], keepInput: true })).toBe('1 field + input');
  });

  it('copes with the default config of every kind and with junk', () => {
    for (const d of CATALOG) expect(typeof nodeSummary(d.kind, d.defaultConfig)).toBe('string');
    expect(nodeSummary('kafka-source', 42)).toBe('no topic yet');
  });
});
