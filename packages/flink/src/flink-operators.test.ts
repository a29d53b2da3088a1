import { describe, expect, it } from 'vitest';
import { jobOperators, operatorMetricPrefix, parseOperator } from './flink-operators';
import { JobDetailsSchema } from './rest-types';
import recorded from './testdata/revenue-running.json';

describe('Flink operators from vertex names', () => {
  it('reads sources, sinks and planner nodes', () => {
    expect(parseOperator('v', 0, 'Source: orders$kafka[29]')).toEqual({ vertexId: 'v', index: 0, type: 'Source', table: 'orders$kafka', metricPrefix: 'Source__orders$kafka[29]' });
    expect(parseOperator('v', 3, 'out[35]: Writer')).toMatchObject({ type: 'Writer', table: 'out', metricPrefix: 'out[35]__Writer' });
    expect(parseOperator('v', 1, 'GlobalWindowAggregate[33]')).toMatchObject({ type: 'GlobalWindowAggregate', table: null, metricPrefix: 'GlobalWindowAggregate[33]' });
  });

  it('names metrics as Flink does: separators replaced, cut to 80 characters', () => {
    expect(operatorMetricPrefix('Sink: a.b[1]')).toBe('Sink__a_b[1]');
    expect(operatorMetricPrefix(`Source: ${'x'.repeat(100)}[1]`)).toHaveLength(80);
  });

  it('lists the operators of a recorded job in topological order', () => {
    const { vertexOrder, operators } = jobOperators(JobDetailsSchema.parse(recorded.job));
    expect(vertexOrder).toEqual(['cbc357ccb763df2852fee8c4fc7d55f2', 'c27dcf7b54ef6bfd6cff02ca8870b681']);
    expect(operators.map((o) => o.type)).toEqual(['Source', 'Calc', 'LocalWindowAggregate', 'GlobalWindowAggregate', 'Calc', 'Writer', 'Committer']);
  });
});
