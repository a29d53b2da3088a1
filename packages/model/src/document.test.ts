import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PipelineDocumentSchema, SettingsSchema } from './document';

const example: unknown = JSON.parse(readFileSync(new URL('../fixtures/revenue-per-category.json', import.meta.url), 'utf8'));

describe('PipelineDocumentSchema', () => {
  it('parses the example of pipeline-format.md', () => {
    const parsed = PipelineDocumentSchema.parse(example);
    expect(parsed.name).toBe('revenue-per-category');
    expect(parsed.nodes.map((n) => n.kind)).toEqual(['kafka-source', 'filter', 'tumbling-window', 'kafka-sink']);
    expect(parsed.settings).toEqual({
      checkpointInterval: '10s',
      delivery: 'exactly-once',
      onError: { policy: 'dead-letter', topic: 'revenue-per-category.dlq' },
      parallelism: 1,
    });
  });

  it('applies the settings defaults of the spec table', () => {
    const parsed = PipelineDocumentSchema.parse({ version: 1, name: 'p', nodes: [], edges: [] });
    expect(parsed.settings).toEqual({ checkpointInterval: '10s', delivery: 'at-least-once', onError: { policy: 'fail' }, parallelism: 1 });
    expect(SettingsSchema.parse({ onError: { policy: 'skip' } }).onError).toEqual({ policy: 'skip' });
  });

  it.each([
    ['a name with capitals', { name: 'Revenue' }],
    ['a name of 64 characters', { name: 'a'.repeat(64) }],
    ['version 2', { version: 2 }],
    ['an unknown top-level key', { owner: 'me' }],
    ['a node id with a space', { nodes: [{ id: 'a b', kind: 'filter', config: {} }] }],
    ['an edge with an unknown key', { edges: [{ from: 'a', to: 'b', label: 'x' }] }],
    ['dead-letter without topic', { settings: { onError: { policy: 'dead-letter' } } }],
    ['parallelism 0', { settings: { parallelism: 0 } }],
    ['a zero checkpoint interval', { settings: { checkpointInterval: '0s' } }],
  ])('rejects %s', (_name, change) => {
    expect(PipelineDocumentSchema.safeParse({ version: 1, name: 'p', nodes: [], edges: [], ...change }).success).toBe(false);
  });

  it('keeps free-form ui data as it is', () => {
    const parsed = PipelineDocumentSchema.parse({
      version: 1, name: 'p', edges: [],
      nodes: [{ id: 'n_1', kind: 'anything', ui: { x: 1, y: 2, label: 'L', collapsed: true, color: '#f00' } }],
    });
    expect(parsed.nodes[0]?.ui).toEqual({ x: 1, y: 2, label: 'L', collapsed: true, color: '#f00' });
  });
});
