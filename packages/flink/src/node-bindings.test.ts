import { describe, expect, it } from 'vitest';
import { jobOperators } from './flink-operators';
import { bindNodes, type PlanNode } from './node-bindings';
import { JobDetailsSchema } from './rest-types';
import recorded from './testdata/revenue-running.json';

const job = JobDetailsSchema.parse(recorded.job);
const SOURCE_VERTEX = 'cbc357ccb763df2852fee8c4fc7d55f2';
const SINK_VERTEX = 'c27dcf7b54ef6bfd6cff02ca8870b681';

function bind(nodes: PlanNode[]) {
  const { operators, upstream } = jobOperators(job);
  return bindNodes(nodes, operators, upstream);
}

describe('binding Weir nodes to Flink operators', () => {
  const nodes = recorded.plan.nodes as PlanNode[];

  it('binds the revenue pipeline: source, fused filter, two-phase window, Kafka sink', () => {
    const b = bind(nodes);
    const metrics = (id: string) => ({
      vertex: b.get(id)?.vertexId, in: b.get(id)?.recordsIn.map((r) => r.metric), out: b.get(id)?.recordsOut.map((r) => r.metric),
    });
    expect(metrics('orders')).toEqual({ vertex: SOURCE_VERTEX, in: ['Source__orders$kafka[29].numRecordsOut'], out: ['Source__orders$kafka[29].numRecordsOut'] });
    expect(metrics('big')).toEqual({ vertex: SOURCE_VERTEX, in: ['Calc[30].numRecordsIn'], out: ['Calc[30].numRecordsOut'] });
    // The window counts its input where it enters, at the local pre-aggregation.
    expect(metrics('per-minute')).toEqual({ vertex: SINK_VERTEX, in: ['LocalWindowAggregate[31].numRecordsIn'], out: ['GlobalWindowAggregate[33].numRecordsOut'] });
    expect(metrics('out')).toEqual({ vertex: SINK_VERTEX, in: ['out[35]__Writer.numRecordsIn'], out: ['out[35]__Writer.numRecordsIn'] });
    expect(b.get('per-minute')?.late.map((r) => r.metric)).toContain('GlobalWindowAggregate[33].numLateRecordsDropped');
    expect(b.get('orders')?.vertexTotal).toEqual({ vertexId: SOURCE_VERTEX, counter: 'read-records' });
    expect(b.get('out')?.vertexTotal).toEqual({ vertexId: SINK_VERTEX, counter: 'write-records' });
  });

  it('gives every node fused into one Calc that Calc\'s numbers', () => {
    const b = bind([
      { id: 'orders', kind: 'kafka-source', inputs: [] },
      { id: 'big', kind: 'filter', inputs: ['orders'] },
      { id: 'shape', kind: 'map', inputs: ['big'] },
      { id: 'per-minute', kind: 'tumbling-window', inputs: ['shape'] },
      { id: 'out', kind: 'kafka-sink', inputs: ['per-minute'] },
    ]);
    expect(b.get('shape')?.recordsIn).toEqual(b.get('big')?.recordsOut);
    expect(b.get('shape')?.vertexId).toBe(SOURCE_VERTEX);
  });

  it('leaves a node Flink does not show unbound rather than guessing', () => {
    const b = bind([{ id: 'elsewhere', kind: 'kafka-source', inputs: [] }]);
    expect(b.get('elsewhere')).toMatchObject({ vertexId: null, recordsIn: [], recordsOut: [] });
  });
});
