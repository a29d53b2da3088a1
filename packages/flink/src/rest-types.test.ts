import { describe, expect, it } from 'vitest';
import { JobVertexSchema } from './rest-types';

describe('Flink REST shapes', () => {
  it('reads a vertex metric Flink has no value for yet ("NaN", or absent) as 0, keeping the job readable', () => {
    const vertex = JobVertexSchema.parse({
      id: 'v', name: 'Source', status: 'RUNNING',
      metrics: { 'read-records': 5, 'write-records': 7, 'accumulated-busy-time': 'NaN', 'accumulated-idle-time': 12.5 },
    });
    expect(vertex.metrics).toMatchObject({ 'read-records': 5, 'write-records': 7, 'accumulated-busy-time': 0, 'accumulated-backpressured-time': 0, 'accumulated-idle-time': 12.5 });
  });
});
