import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { doc, line, node, sink, source } from './test-documents';
import { validateDocument } from './validate';

const example: unknown = JSON.parse(readFileSync(new URL('../fixtures/revenue-per-category.json', import.meta.url), 'utf8'));

describe('validateDocument on the example of pipeline-format.md', () => {
  const result = validateDocument(example);

  it('finds no problem, on either engine', () => {
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(validateDocument(example, { engine: 'flink' }).problems).toEqual([]);
    expect(validateDocument(example, { engine: 'embedded' }).problems).toEqual([]);
  });

  it('derives order, inputs, schemas and event time for the compiler', () => {
    expect(result.order).toEqual(['orders', 'big', 'per-minute', 'out']);
    expect(result.inputs).toEqual({ orders: [], big: ['orders'], 'per-minute': ['big'], out: ['per-minute'] });
    expect(result.schemas['per-minute']).toEqual([
      { name: 'category', type: 'string' },
      { name: 'window_start', type: 'timestamp' },
      { name: 'window_end', type: 'timestamp' },
      { name: 'revenue', type: 'double' },
      { name: 'orders', type: 'bigint' },
    ]);
    expect(result.schemas.big).toEqual(result.schemas.orders);
    expect(result.schemas.out).toBeUndefined();
    expect(result.eventTimes).toEqual({ orders: 'ts', big: 'ts', 'per-minute': 'window_end' });
  });

  it('returns the document with every default applied', () => {
    if (!result.ok) throw new Error('expected a valid document');
    const [orders, big, perMinute, out] = result.document.nodes;
    expect(orders).toEqual({
      id: 'orders', kind: 'kafka-source', ui: { x: 0, y: 0, label: 'Orders' },
      config: {
        topic: 'orders', format: 'json', startFrom: 'earliest', cluster: 'default',
        schema: [
          { name: 'order_id', type: 'string' }, { name: 'category', type: 'string' },
          { name: 'amount', type: 'double' }, { name: 'ts', type: 'timestamp' },
        ],
        eventTime: { field: 'ts', maxOutOfOrderness: '5s' },
      },
    });
    expect(big).toEqual({ id: 'big', kind: 'filter', config: { where: "amount >= 10 AND category <> 'test'" } });
    expect(perMinute?.kind === 'tumbling-window' && perMinute.config.keyBy).toEqual(['category']);
    expect(out).toEqual({ id: 'out', kind: 'kafka-sink', config: { topic: 'revenue', format: 'json', key: ['category'], cluster: 'default' } });
    expect(result.document.settings).toEqual({
      checkpointInterval: '10s', delivery: 'exactly-once', parallelism: 1,
      onError: { policy: 'dead-letter', topic: 'revenue-per-category.dlq' },
    });
    expect(result.document.edges).toEqual([
      { from: 'orders', to: 'big' }, { from: 'big', to: 'per-minute' }, { from: 'per-minute', to: 'out' },
    ]);
  });

  it('names the node and offers the right field for a typo', () => {
    const broken = structuredClone(example) as { nodes: { config: Record<string, unknown> }[] };
    (broken.nodes[2] as { config: Record<string, unknown> }).config.keyBy = ['categry'];
    expect(validateDocument(broken).problems).toEqual([{
      code: 'UNKNOWN_FIELD', node: 'per-minute', field: 'keyBy.0',
      message: "node 'per-minute': keyBy field 'categry' is not in the input; did you mean 'category'?",
    }]);
  });
});

describe('validateDocument across nodes', () => {
  const perMinute = node('w', 'tumbling-window', { size: '1m', keyBy: ['category'], aggregates: [{ fn: 'sum', field: 'amount', as: 'revenue' }] });

  it('checks expressions against the derived schema: a field a window dropped is unknown', () => {
    const result = validateDocument(doc([source('src'), perMinute, node('f', 'filter', { where: 'amount > 5' }), sink('out')], line('src', 'w', 'f', 'out')));
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ code: 'UNKNOWN_FIELD', node: 'f', field: 'where', line: 1, column: 1 });
    expect(result.problems[0]?.message).toMatch(/^node 'f': where: /);
  });

  it('places expression syntax errors on the node and field with line and column', () => {
    const result = validateDocument(doc([source('src'), node('m', 'map', { select: [{ name: 'a', expr: 'qty' }, { name: 'b', expr: "UPPER(category" }] }), sink('out')], line('src', 'm', 'out')));
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ code: 'EXPR_SYNTAX', node: 'm', field: 'select.1.expr', line: 1 });
  });

  it('chains windows on window_end', () => {
    const hourly = node('h', 'tumbling-window', { size: '1h', keyBy: ['category'], aggregates: [{ fn: 'sum', field: 'revenue', as: 'revenue' }] });
    const result = validateDocument(doc([source('src'), perMinute, hourly, sink('out')], line('src', 'w', 'h', 'out')));
    expect(result.problems).toEqual([]);
    expect(result.eventTimes.h).toBe('window_end');
  });

  it('loses event time where a map drops the event-time field', () => {
    const map = node('m', 'map', { select: [{ name: 'category', expr: 'category' }, { name: 'amount', expr: 'amount' }] });
    const result = validateDocument(doc([source('src'), map, perMinute, sink('out')], line('src', 'm', 'w', 'out')));
    expect(result.problems.map((p) => [p.code, p.node])).toEqual([['NO_EVENT_TIME', 'w']]);
  });

  it('joins two sources on ports, then windows the result', () => {
    const result = validateDocument(doc(
      [
        source('bids', { fields: [['auction', 'bigint'], ['price', 'double'], ['ts', 'timestamp']] }),
        source('auctions', { fields: [['id', 'bigint'], ['category', 'string'], ['ts', 'timestamp']] }),
        node('j', 'interval-join', { on: [{ left: 'auction', right: 'id' }], within: { lower: '0s', upper: '10m' } }),
        node('w', 'sliding-window', { size: '10m', slide: '1m', keyBy: ['category'], aggregates: [{ fn: 'max', field: 'price', as: 'top' }] }),
        node('pg', 'postgres-sink', { table: 'top_prices', mode: 'upsert', primaryKey: ['category', 'window_end'] }),
      ],
      [{ from: 'auctions', to: 'j', port: 'right' }, { from: 'bids', to: 'j', port: 'left' }, ...line('j', 'w', 'pg')],
    ));
    expect(result.problems).toEqual([]);
    expect(result.inputs.j).toEqual(['bids', 'auctions']);
    expect(result.schemas.j?.map((f) => f.name)).toEqual(['auction', 'price', 'ts', 'id', 'category', 'ts_right']);
  });

  it('does not pile consequences on the nodes after a broken one', () => {
    const broken = node('w', 'tumbling-window', { size: '1m', keyBy: ['nope'] });
    const result = validateDocument(doc([source('src'), broken, node('f', 'filter', { where: 'whatever > 1' }), sink('out')], line('src', 'w', 'f', 'out')));
    expect(result.problems.map((p) => p.node)).toEqual(['w']);
    expect(result.schemas.f).toBeUndefined();
  });

  it('reports what Flink cannot run, only when asked about Flink', () => {
    const input = doc([source('src'), node('c', 'count-window', { size: 3 }), sink('out')], line('src', 'c', 'out'));
    expect(validateDocument(input).ok).toBe(true);
    expect(validateDocument(input, { engine: 'flink' }).problems.map((p) => [p.code, p.node])).toEqual([
      ['UNSUPPORTED_ON_ENGINE', 'c'],
      ['UNSUPPORTED_ON_ENGINE', 'out'],
    ]);
  });

  it('accepts a union of same-shaped streams and a node without config', () => {
    const result = validateDocument(doc(
      [source('a'), source('b'), { id: 'u', kind: 'union' }, sink('out')],
      [{ from: 'a', to: 'u' }, { from: 'b', to: 'u' }, { from: 'u', to: 'out' }],
    ));
    expect(result.problems).toEqual([]);
    expect(result.inputs.u).toEqual(['a', 'b']);
    expect(result.eventTimes.u).toBe('ts');
  });
});
