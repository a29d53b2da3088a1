import { validateDocument, type NodeKindDescription } from '@weir/model';
import { describe, expect, it } from 'vitest';
import { CATALOG, kindInfo } from '../catalog/catalog';
import { chosenOption, initialValue, labelFor, toFormField, type FormField, type ObjectField } from './form-model';
import { fieldMessage, renderedPaths, unplacedProblems } from './problem-placement';
import { getAt, setAt } from './value-path';

function formOf(kind: string): ObjectField {
  const field = toFormField(kindInfo(kind)!.configJsonSchema);
  if (field.kind !== 'object') throw new Error(`${kind}: not an object form`);
  return field;
}

function property(form: ObjectField, key: string): FormField {
  const found = form.properties.find((p) => p.key === key);
  if (!found) throw new Error(`no property ${key}`);
  return found.field;
}

function kindsOf(field: FormField): string[] {
  switch (field.kind) {
    case 'object':
      return ['object', ...field.properties.flatMap((p) => kindsOf(p.field))];
    case 'list':
      return ['list', ...kindsOf(field.item)];
    case 'choice':
      return ['choice', ...field.options.flatMap((o) => (o.object ? kindsOf(o.object) : []))];
    default:
      return [field.kind];
  }
}

describe('config forms from the JSON Schema of each kind', () => {
  it.each(CATALOG.map((d) => [d.kind, d] as [string, NodeKindDescription]))('%s: one control per config key, none unknown', (_kind, description) => {
    const form = formOf(description.kind);
    const schemaKeys = Object.keys((description.configJsonSchema.properties ?? {}) as object);
    expect(form.properties.map((p) => p.key)).toEqual(schemaKeys);
    expect(kindsOf(form)).not.toContain('unknown');
  });

  it('kafka-source: enums as selects, fields as rows, startFrom and bounded as choices, eventTime optional', () => {
    const form = formOf('kafka-source');
    expect(property(form, 'format')).toMatchObject({ kind: 'enum', options: ['json', 'csv', 'text'], default: 'json' });
    const schema = property(form, 'schema');
    expect(schema.kind === 'list' && schema.item.kind === 'object' && schema.item.properties.map((p) => [p.key, p.field.kind])).toEqual([
      ['name', 'text'],
      ['type', 'enum'],
    ]);
    const startFrom = property(form, 'startFrom');
    expect(startFrom.kind === 'choice' && startFrom.options.map((o) => o.label)).toEqual(['committed', 'earliest', 'latest', 'At a timestamp…']);
    if (startFrom.kind !== 'choice') throw new Error('choice');
    expect(chosenOption(startFrom, 'latest')).toBe(2);
    expect(chosenOption(startFrom, { timestamp: '2026-01-01T00:00:00Z' })).toBe(3);
    expect(initialValue(startFrom.options[3]!.object!)).toEqual({ timestamp: '' });
    const bounded = property(form, 'bounded');
    expect(bounded.kind === 'choice' && bounded.options.map((o) => o.label)).toEqual(['latest', 'At a timestamp…']);
    expect(form.properties.find((p) => p.key === 'eventTime')).toMatchObject({ required: false, label: 'Event time' });
    const eventTime = property(form, 'eventTime');
    expect(eventTime.kind === 'object' && eventTime.properties.map((p) => [p.key, p.field.kind === 'text' && p.field.format])).toEqual([
      ['field', 'plain'],
      ['maxOutOfOrderness', 'duration'],
      ['idleTimeout', 'duration'],
    ]);
  });

  it('filter and map: expressions get the expression editor; map rows have a name and an expression', () => {
    expect(property(formOf('filter'), 'where')).toMatchObject({ kind: 'text', format: 'expression' });
    const select = property(formOf('map'), 'select');
    expect(select.kind === 'list' && select.item.kind === 'object' && select.item.properties.map((p) => p.field.kind === 'text' && p.field.format)).toEqual([
      'plain',
      'expression',
    ]);
    expect(property(formOf('map'), 'keepInput')).toMatchObject({ kind: 'boolean', default: false });
  });

  it('windows: durations, group-by lists and aggregate rows; count windows take integers', () => {
    for (const kind of ['tumbling-window', 'sliding-window', 'session-window']) {
      const form = formOf(kind);
      expect(form.properties.filter((p) => p.field.kind === 'text').every((p) => p.field.kind === 'text' && p.field.format === 'duration')).toBe(true);
      expect(property(form, 'keyBy')).toMatchObject({ kind: 'list', item: { kind: 'text' } });
      const aggregates = property(form, 'aggregates');
      expect(aggregates.kind === 'list' && aggregates.item.kind === 'object' && initialValue(aggregates.item)).toEqual({ fn: 'count', as: '' });
    }
    expect(property(formOf('count-window'), 'size')).toMatchObject({ kind: 'number', integer: true, min: 1, max: 1_000_000 });
  });

  it('interval join: key pairs and a required within object; sinks: const format, optional key lists', () => {
    const on = property(formOf('interval-join'), 'on');
    expect(on.kind === 'list' && initialValue(on.item)).toEqual({ left: '', right: '' });
    expect(formOf('interval-join').properties.find((p) => p.key === 'within')?.required).toBe(true);
    expect(property(formOf('kafka-sink'), 'format')).toMatchObject({ kind: 'const', value: 'json' });
    expect(property(formOf('postgres-sink'), 'mode')).toMatchObject({ kind: 'enum', options: ['append', 'upsert'] });
    expect(property(formOf('preview-sink'), 'limit')).toMatchObject({ kind: 'number', default: 100 });
  });

  it('labels keys for people', () => {
    expect(labelFor('maxOutOfOrderness')).toBe('Max out-of-orderness');
    expect(labelFor('checkpointInterval')).toBe('Checkpoint interval');
    expect(labelFor('keyBy')).toBe('Group by');
  });
});

describe('values and problem placement', () => {
  it('sets and removes values at a path without touching the original', () => {
    const config = { eventTime: { field: 'ts' }, aggregates: [{ fn: 'count', as: 'n' }] };
    const next = setAt(config, ['aggregates', 0, 'as'], 'orders');
    expect(getAt(next, ['aggregates', 0, 'as'])).toBe('orders');
    expect(config.aggregates[0]!.as).toBe('n');
    expect(setAt(config, ['eventTime'], undefined)).toEqual({ aggregates: [{ fn: 'count', as: 'n' }] });
  });

  it('places each problem on the control of its field, and lists the rest above the form', () => {
    const doc = {
      version: 1,
      name: 'p',
      nodes: [
        { id: 'src', kind: 'kafka-source', config: { topic: 'orders', schema: [{ name: 'amount', type: 'double' }], eventTime: { field: 'ts' }, typo: 1 } },
        { id: 'out', kind: 'kafka-sink', config: { topic: 'x' } },
      ],
      edges: [{ from: 'src', to: 'out' }],
    };
    const problems = validateDocument(doc).problems.filter((p) => p.node === 'src');
    const config = doc.nodes[0]!.config;
    const paths = renderedPaths(formOf('kafka-source'), config);
    expect(paths.has('eventTime.field')).toBe(true);
    expect(paths.has('schema.0.type')).toBe(true);
    const unplaced = unplacedProblems(problems, paths);
    expect(unplaced.map((p) => p.field)).toEqual(['typo']);
    const onField = problems.find((p) => p.field === 'eventTime.field')!;
    expect(fieldMessage(onField)).toBe("eventTime field 'ts' is not in the schema (it has amount)");
  });

  it('strips the node and the field from an expression message, keeping line and column', () => {
    expect(fieldMessage({ code: 'UNKNOWN_FIELD', node: 'f', field: 'where', line: 1, column: 4, message: "node 'f': where: line 1, column 4: unknown field `x`" })).toBe(
      'line 1, column 4: unknown field `x`',
    );
  });
});
