import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { EmbeddedPlanSchema, type EmbeddedPlan } from './embedded-plan';
import { doc, kafkaSink, line, node, source } from './testing/documents';

function plan(document: unknown): EmbeddedPlan {
  const result = compile(document, 'plan');
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  if (result.target !== 'plan') throw new Error('wrong target');
  return result.plan;
}

const filter = (id: string, where = 'amount > 1') => node(id, 'filter', { where });
const map = (id: string, select: { name: string; expr: string }[], keepInput = false) => node(id, 'map', { select, keepInput });

describe('toEmbeddedPlan', () => {
  it('fuses consecutive filters and maps into one chain named after its last node', () => {
    const p = plan(doc([source('orders'), filter('a'), map('b', [{ name: 'x', expr: 'amount * 2' }]), filter('c', 'x > 3'), kafkaSink('out')],
      line('orders', 'a', 'b', 'c', 'out')));
    expect(p.operators.map((o) => o.kind)).toEqual(['source', 'chain', 'sink']);
    const chain = p.operators[1];
    if (chain?.kind !== 'chain') throw new Error('expected a chain');
    expect(chain.id).toBe('c');
    expect(chain.nodes).toEqual(['a', 'b', 'c']);
    expect(chain.input).toBe('orders');
    expect(chain.steps.map((s) => s.kind)).toEqual(['filter', 'map', 'filter']);
    expect(p.operators[2]).toMatchObject({ kind: 'sink', input: 'c' });
    expect(p.nodeOperator).toEqual({ orders: 'orders', a: 'c', b: 'c', c: 'c', out: 'out' });
  });

  it('ends a chain where a node feeds more than one node', () => {
    const p = plan(doc([source('orders'), filter('a'), filter('b'), filter('c'), kafkaSink('out1'), kafkaSink('out2')],
      [...line('orders', 'a', 'b', 'out1'), { from: 'a', to: 'c' }, { from: 'c', to: 'out2' }]));
    const chains = p.operators.filter((o) => o.kind === 'chain');
    expect(chains.map((c) => (c.kind === 'chain' ? c.nodes : []))).toEqual([['a'], ['b'], ['c']]);
    expect(EmbeddedPlanSchema.parse(p)).toEqual(p);
  });

  it('carries expressions as text with the schema they are checked against', () => {
    const p = plan(doc([source('orders'), map('m', [{ name: 'gross', expr: 'amount * 1.2' }, { name: 'big', expr: 'amount > 100' }], true), kafkaSink('out')],
      line('orders', 'm', 'out')));
    const chain = p.operators[1];
    if (chain?.kind !== 'chain' || chain.steps[0]?.kind !== 'map') throw new Error('expected a map step');
    const step = chain.steps[0];
    expect(step.params).toEqual({ keepInput: true, inputFields: ['order_id', 'category', 'amount', 'qty', 'ts'], select: ['gross', 'big'] });
    expect(step.exprs.map((e) => [e.text, e.type])).toEqual([['amount * 1.2', 'double'], ['amount > 100', 'boolean']]);
    expect(step.exprs[0]?.schema.map((f) => f.name)).toEqual(['order_id', 'category', 'amount', 'qty', 'ts']);
  });

  it('gives windows milliseconds, typed aggregates and the time of their input', () => {
    const p = plan(doc([source('orders'),
      node('w', 'sliding-window', { size: '10s', slide: '2s', keyBy: ['category'], aggregates: [
        { fn: 'sum', field: 'qty', as: 'items' }, { fn: 'avg', field: 'amount', as: 'avg' }, { fn: 'count', as: 'n' }] }),
      node('w2', 'tumbling-window', { size: '1m', aggregates: [{ fn: 'max', field: 'items', as: 'top' }] }),
      kafkaSink('out')], line('orders', 'w', 'w2', 'out')));
    const [, w, w2] = p.operators;
    expect(w).toMatchObject({
      kind: 'window',
      params: {
        type: 'sliding', sizeMs: 10_000, slideMs: 2_000, keyBy: ['category'], timeField: 'ts',
        aggregates: [
          { fn: 'sum', field: 'qty', as: 'items', inputType: 'int', resultType: 'bigint' },
          { fn: 'avg', field: 'amount', as: 'avg', inputType: 'double', resultType: 'double' },
          { fn: 'count', as: 'n', resultType: 'bigint' },
        ],
      },
      time: { field: 'ts', offsetMs: 0 },
      eventTime: { field: 'window_end', offsetMs: -1 },
    });
    // Downstream of a window, a record's time is window_end − 1 ms.
    expect(w2).toMatchObject({ params: { type: 'tumbling', sizeMs: 60_000, timeField: 'window_end' }, time: { field: 'window_end', offsetMs: -1 } });
  });

  it('resolves count windows with their default slide', () => {
    const p = plan(doc([source('orders', { eventTime: null }), node('c', 'count-window', { size: 5, aggregates: [{ fn: 'count', as: 'n' }] }), kafkaSink('out')],
      line('orders', 'c', 'out')));
    expect(p.operators[1]).toMatchObject({ params: { type: 'count', size: 5, slide: 5, timeField: null }, time: null, eventTime: null });
  });

  it('maps join output fields with the _right suffix', () => {
    const p = plan(doc([source('l'), source('r', { fields: [['order_id', 'string'], ['ts', 'timestamp'], ['reason', 'string']] }),
      node('j', 'interval-join', { on: [{ left: 'order_id', right: 'order_id' }], within: { lower: '-1s', upper: '1h' } }), kafkaSink('out')],
    [{ from: 'l', to: 'j', port: 'left' }, { from: 'r', to: 'j', port: 'right' }, { from: 'j', to: 'out' }]));
    expect(p.operators[2]).toMatchObject({
      kind: 'interval-join', left: 'l', right: 'r',
      params: {
        lowerMs: -1_000, upperMs: 3_600_000, leftTimeField: 'ts', rightTimeField: 'ts',
        on: [{ left: 'order_id', right: 'order_id' }],
        output: {
          left: ['order_id', 'category', 'amount', 'qty', 'ts'].map((f) => ({ from: f, as: f })),
          right: [{ from: 'order_id', as: 'order_id_right' }, { from: 'ts', as: 'ts_right' }, { from: 'reason', as: 'reason' }],
        },
      },
      leftTime: { field: 'ts', offsetMs: 0 },
    });
  });

  it('describes sources with start, bound, event time and a consumer group per node', () => {
    const p = plan(doc([source('orders', { config: { startFrom: { timestamp: '2026-01-01T00:00:00Z' }, bounded: 'latest',
      eventTime: { field: 'ts', maxOutOfOrderness: '5s', idleTimeout: '1m' } } }), kafkaSink('out')], line('orders', 'out')));
    expect(p.operators[0]).toMatchObject({
      kind: 'source', topic: 'orders', cluster: 'default', format: 'json',
      startFrom: { mode: 'timestamp', timestampMs: Date.UTC(2026, 0, 1) },
      bounded: { mode: 'latest' },
      eventTime: { field: 'ts', maxOutOfOrdernessMs: 5_000, idleTimeoutMs: 60_000 },
      groupId: 'weir.test.orders',
    });
  });

  it('gives PostgreSQL sinks their column types and CREATE TABLE', () => {
    const p = plan(doc([source('orders'), node('pg', 'postgres-sink', { table: 'Public.Orders', mode: 'upsert', primaryKey: ['order_id'] })], line('orders', 'pg')));
    const sink = p.operators[1];
    if (sink?.kind !== 'sink' || sink.sink !== 'postgres') throw new Error('expected a postgres sink');
    expect(sink.columns.map((c) => c.pgType)).toEqual(['text', 'text', 'double precision', 'integer', 'timestamp(3)']);
    expect(sink.tableSql).toBe('"public"."orders"');
    expect(sink.createTableSql).toBe([
      'CREATE TABLE IF NOT EXISTS "public"."orders" (',
      '  "order_id" text,', '  "category" text,', '  "amount" double precision,', '  "qty" integer,', '  "ts" timestamp(3),',
      '  PRIMARY KEY ("order_id")', ')'].join('\n'));
  });

  it('applies default settings and says when parallelism is capped', () => {
    const result = compile(doc([source('orders'), kafkaSink('out')], line('orders', 'out'), { settings: { parallelism: 4 } }), 'plan');
    if (!result.ok || result.target !== 'plan') throw new Error('expected a plan');
    expect(result.plan.settings).toEqual({
      checkpointIntervalMs: 10_000, delivery: 'at-least-once', onError: { policy: 'fail' },
      parallelism: 4, parallelismCapped: true, transactionalIdPrefix: 'weir.test',
    });
    expect(result.warnings.map((w) => w.field)).toEqual(['settings.parallelism']);
  });

  it('is plain JSON', () => {
    const p = plan(doc([source('orders'), filter('a'), kafkaSink('out', { key: ['category'] })], line('orders', 'a', 'out')));
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });
});
