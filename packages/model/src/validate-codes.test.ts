import { describe, expect, it } from 'vitest';
import type { EngineName } from './engines';
import type { Problem } from './problem';
import { around, doc, line, node, sink, source } from './test-documents';
import { validateDocument, type ValidateOptions } from './validate';

/** One minimal document per problem code; each triggers exactly the listed problems. */

interface Case {
  name: string;
  input: unknown;
  expected: Partial<Problem>[];
  options?: ValidateOptions;
}

const window = (config: Record<string, unknown>) =>
  node('w', 'tumbling-window', { size: '1m', keyBy: ['category'], aggregates: [{ fn: 'count', as: 'n' }], ...config });

const cases: Case[] = [
  { name: 'BAD_DOCUMENT: not an object', input: [1, 2], expected: [{ code: 'BAD_DOCUMENT' }] },
  { name: 'BAD_DOCUMENT: wrong version', input: { ...around(sink('x')), version: 2 }, expected: [{ code: 'BAD_DOCUMENT', field: 'version' }] },
  {
    name: 'BAD_DOCUMENT: unknown top-level key',
    input: { ...doc([source('src'), sink('out')], line('src', 'out')), edgez: [] },
    expected: [{ code: 'BAD_DOCUMENT', field: 'edgez', message: "document: unknown key 'edgez'; did you mean 'edges'?" }],
  },
  {
    name: 'BAD_DOCUMENT: bad name',
    input: doc([source('src'), sink('out')], line('src', 'out'), { name: 'Revenue Report' }),
    expected: [{ code: 'BAD_DOCUMENT', field: 'name' }],
  },
  {
    name: 'DUPLICATE_ID',
    input: doc([source('src'), sink('out'), sink('out')], line('src', 'out')),
    expected: [{ code: 'DUPLICATE_ID', node: 'out', field: 'nodes.2.id' }],
  },
  {
    name: 'UNKNOWN_KIND',
    input: doc([source('src'), node('x', 'filtr', { where: 'TRUE' }), sink('out')], line('src', 'x', 'out')),
    expected: [{ code: 'UNKNOWN_KIND', node: 'x', message: "node 'x': unknown node kind 'filtr'; did you mean 'filter'?" }],
  },
  {
    name: 'DANGLING_EDGE',
    input: doc([source('orders'), sink('out')], [...line('orders', 'out'), { from: 'ordrs', to: 'out' }]),
    expected: [{ code: 'DANGLING_EDGE', node: 'out', field: 'edges.1.from', message: "edge from 'ordrs' to 'out': there is no node 'ordrs'; did you mean 'orders'?" }],
  },
  {
    name: 'CYCLE',
    input: doc(
      [source('src'), node('u', 'union'), node('c', 'count-window', { size: 10 }), sink('out')],
      [{ from: 'src', to: 'u' }, { from: 'c', to: 'u' }, { from: 'u', to: 'c' }, { from: 'u', to: 'out' }],
    ),
    expected: [{ code: 'CYCLE', node: 'u', message: "nodes 'u' → 'c' → 'u' form a cycle; a pipeline must not feed a node's output back into it" }],
  },
  {
    name: 'MISSING_INPUT',
    input: doc([source('src'), sink('out'), sink('out2')], line('src', 'out')),
    expected: [{ code: 'MISSING_INPUT', node: 'out2' }],
  },
  {
    name: 'MISSING_INPUT: a join port without an edge',
    input: doc([source('a'), node('j', 'interval-join', { within: { lower: '0s', upper: '1m' } }), sink('out')],
      [{ from: 'a', to: 'j', port: 'left' }, { from: 'j', to: 'out' }]),
    expected: [{ code: 'MISSING_INPUT', node: 'j', message: "node 'j': the interval-join has no right input" }],
  },
  {
    name: 'TOO_MANY_INPUTS',
    input: doc([source('a'), source('b'), sink('out')], [{ from: 'a', to: 'out' }, { from: 'b', to: 'out' }]),
    expected: [{ code: 'TOO_MANY_INPUTS', node: 'out' }],
  },
  {
    name: 'BAD_PORT: join edge without a port',
    input: doc([source('a'), source('b'), node('j', 'interval-join', { within: { lower: '0s', upper: '1m' } }), sink('out')],
      [{ from: 'a', to: 'j', port: 'left' }, { from: 'b', to: 'j' }, { from: 'j', to: 'out' }]),
    expected: [{ code: 'BAD_PORT', node: 'j', field: 'edges.1.port' }],
  },
  {
    name: 'BAD_PORT: misspelt port',
    input: doc([source('a'), source('b'), node('j', 'interval-join', { within: { lower: '0s', upper: '1m' } }), sink('out')],
      [{ from: 'a', to: 'j', port: 'left' }, { from: 'b', to: 'j', port: 'rigth' }, { from: 'j', to: 'out' }]),
    expected: [{ code: 'BAD_PORT', node: 'j', field: 'edges.1.port' }],
  },
  {
    name: 'BAD_PORT: port into a node without ports',
    input: doc([source('src'), sink('out')], [{ from: 'src', to: 'out', port: 'left' }]),
    expected: [{ code: 'BAD_PORT', node: 'out', field: 'edges.0.port' }],
  },
  { name: 'NO_SOURCE and NO_SINK: empty pipeline', input: doc([], []), expected: [{ code: 'NO_SOURCE' }, { code: 'NO_SINK' }] },
  {
    name: 'NO_SINK: a source alone',
    input: doc([source('src')], []),
    expected: [{ code: 'NO_SINK', node: 'src' }],
  },
  {
    name: 'NO_SINK: a path that ends before a sink',
    input: doc([source('src'), node('c', 'count-window', { size: 5 }), sink('out')], [{ from: 'src', to: 'out' }, { from: 'src', to: 'c' }]),
    expected: [{ code: 'NO_SINK', node: 'c' }],
  },
  {
    name: 'UNREACHABLE (behind a node with no input)',
    input: doc([source('src'), sink('out'), node('c1', 'count-window', { size: 5 }), node('c2', 'count-window', { size: 5 }), sink('out2')],
      [{ from: 'src', to: 'out' }, ...line('c1', 'c2', 'out2')]),
    expected: [{ code: 'MISSING_INPUT', node: 'c1' }, { code: 'UNREACHABLE', node: 'c2' }, { code: 'UNREACHABLE', node: 'out2' }],
  },
  {
    name: 'BAD_CONFIG: unknown aggregate function',
    input: around(window({ aggregates: [{ fn: 'count', as: 'n' }, { fn: 'median', field: 'amount', as: 'm' }] })),
    expected: [{ code: 'BAD_CONFIG', node: 'w', field: 'aggregates.1.fn' }],
  },
  {
    name: 'BAD_CONFIG: count with a field',
    input: around(window({ aggregates: [{ fn: 'count', field: 'amount', as: 'n' }] })),
    expected: [{ code: 'BAD_CONFIG', node: 'w', field: 'aggregates.0.field' }],
  },
  {
    name: 'BAD_CONFIG: sum without a field',
    input: around(window({ aggregates: [{ fn: 'sum', as: 's' }] })),
    expected: [{ code: 'BAD_CONFIG', node: 'w', field: 'aggregates.0.field' }],
  },
  {
    name: 'BAD_CONFIG: upsert without primaryKey',
    input: doc([source('src'), node('pg', 'postgres-sink', { table: 'orders', mode: 'upsert' })], line('src', 'pg')),
    expected: [{ code: 'BAD_CONFIG', node: 'pg', field: 'primaryKey' }],
  },
  {
    name: 'BAD_CONFIG: dead-letter without topic',
    input: doc([source('src'), sink('out')], line('src', 'out'), { settings: { onError: { policy: 'dead-letter' } } }),
    expected: [{ code: 'BAD_CONFIG', field: 'settings.onError.topic' }],
  },
  {
    name: 'BAD_CONFIG: misspelt config key',
    input: doc([{ id: 'src', kind: 'kafka-source', config: { topic: 'o', format: 'text', startFom: 'latest' } }, sink('out')], line('src', 'out')),
    expected: [{ code: 'BAD_CONFIG', node: 'src', field: 'startFom', message: "node 'src': unknown key 'startFom'; did you mean 'startFrom'?" }],
  },
  {
    name: 'INVALID_DURATION',
    input: around(window({ size: '1 min' })),
    expected: [{ code: 'INVALID_DURATION', node: 'w', field: 'size' }],
  },
  {
    name: 'INVALID_DURATION in settings',
    input: doc([source('src'), sink('out')], line('src', 'out'), { settings: { checkpointInterval: 10 } }),
    expected: [{ code: 'INVALID_DURATION', field: 'settings.checkpointInterval' }],
  },
  {
    name: 'UNKNOWN_FIELD: keyBy',
    input: doc([source('orders'), window({ keyBy: ['categry'] }), sink('out')], line('orders', 'w', 'out')),
    expected: [{ code: 'UNKNOWN_FIELD', node: 'w', field: 'keyBy.0', message: "node 'w': keyBy field 'categry' is not in the input; did you mean 'category'?" }],
  },
  {
    name: 'UNKNOWN_FIELD: eventTime',
    input: doc([source('src', { eventTime: 'tss' }), sink('out')], line('src', 'out')),
    expected: [{ code: 'UNKNOWN_FIELD', node: 'src', field: 'eventTime.field' }],
  },
  {
    name: 'TYPE_MISMATCH: sum of a string',
    input: around(window({ aggregates: [{ fn: 'sum', field: 'category', as: 's' }] })),
    expected: [{ code: 'TYPE_MISMATCH', node: 'w', field: 'aggregates.0.field' }],
  },
  {
    name: 'TYPE_MISMATCH: union inputs differ',
    input: doc([source('a'), source('b', { fields: [['order_id', 'string'], ['ts', 'timestamp']] }), node('u', 'union'), sink('out')],
      [{ from: 'a', to: 'u' }, { from: 'b', to: 'u' }, { from: 'u', to: 'out' }]),
    expected: [{ code: 'TYPE_MISMATCH', node: 'u' }],
  },
  {
    name: 'DUPLICATE_FIELD: aggregate named like a key',
    input: around(window({ aggregates: [{ fn: 'count', as: 'category' }] })),
    expected: [{ code: 'DUPLICATE_FIELD', node: 'w', field: 'aggregates.0.as' }],
  },
  {
    name: 'NO_EVENT_TIME',
    input: around(window({}), source('src', { eventTime: null })),
    expected: [{ code: 'NO_EVENT_TIME', node: 'w' }],
  },
  {
    name: 'SLIDE_NOT_DIVISOR',
    input: around(node('w', 'sliding-window', { size: '1m', slide: '7s', aggregates: [{ fn: 'count', as: 'n' }] })),
    expected: [{ code: 'SLIDE_NOT_DIVISOR', node: 'w', field: 'slide', message: "node 'w': size '1m' is not a multiple of slide '7s'; e.g. slide '6s' or '10s'" }],
  },
  {
    name: 'SLIDE_NOT_DIVISOR: count window',
    input: around(node('w', 'count-window', { size: 5, slide: 10 })),
    expected: [{ code: 'SLIDE_NOT_DIVISOR', node: 'w', field: 'slide' }],
  },
  {
    name: 'UNSUPPORTED_ON_ENGINE',
    input: doc([source('src'), node('c', 'count-window', { size: 5 }), node('k', 'kafka-sink', { topic: 'x' })], line('src', 'c', 'k')),
    options: { engine: 'flink' },
    expected: [{ code: 'UNSUPPORTED_ON_ENGINE', node: 'c' }],
  },
  {
    name: 'UNSUPPORTED_ON_ENGINE: an engine Weir does not have',
    input: doc([source('src'), sink('out')], line('src', 'out')),
    options: { engine: '__proto__' as EngineName },
    expected: [{ code: 'UNSUPPORTED_ON_ENGINE', message: "unknown engine '__proto__'; choose embedded or flink" }],
  },
  {
    name: 'BAD_CONFIG: settings that are not an object',
    input: doc([source('src'), sink('out')], line('src', 'out'), { settings: null }),
    expected: [{ code: 'BAD_CONFIG', message: 'settings: settings must be an object, not null' }],
  },
];

describe('validateDocument reports each code', () => {
  it.each(cases)('$name', ({ input, expected, options }) => {
    const result = validateDocument(input, options);
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(expected.length);
    expected.forEach((want, i) => expect(result.problems[i]).toMatchObject(want));
    for (const problem of result.problems) {
      if (problem.node !== undefined) expect(problem.message).toContain(`'${problem.node}'`);
    }
  });

  it('reports an edge out of a sink once', () => {
    const result = validateDocument(doc([source('src'), sink('a'), sink('b')], line('src', 'a', 'b')));
    expect(result.problems.map((p) => [p.code, p.node])).toEqual([['BAD_PORT', 'a']]);
  });

  it('reports every problem of a document at once', () => {
    const input = doc(
      [source('src', { eventTime: null }), window({ keyBy: ['categry'], size: '1 min' }), node('c', 'count-window', { size: 0 }), sink('out')],
      [...line('src', 'w', 'out'), { from: 'src', to: 'c' }, { from: 'src', to: 'gone' }],
      { settings: { delivery: 'twice' } },
    );
    const codes = validateDocument(input).problems.map((p) => p.code).sort();
    expect(codes).toEqual(['BAD_CONFIG', 'BAD_CONFIG', 'DANGLING_EDGE', 'INVALID_DURATION', 'NO_SINK']);
  });
});
