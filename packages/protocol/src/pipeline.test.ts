import { describe, expect, it } from 'vitest';
import { DraftDocumentSchema, PipelineQuerySchema } from './pipeline';

const draft = { version: 1, name: 'revenue', nodes: [{ id: 'a', kind: 'filter', config: { where: 'x >' } }], edges: [] };

describe('DraftDocumentSchema', () => {
  it('keeps a draft as written, config problems and unknown keys included', () => {
    const withExtras = { ...draft, nodes: [{ ...draft.nodes[0]!, ui: { x: 1, y: 2, color: 'red' } }], custom: { a: 1 } };
    expect(DraftDocumentSchema.parse(withExtras)).toEqual(withExtras);
  });

  it('refuses what cannot be filed: another version, a bad name, nodes without id or kind', () => {
    expect(DraftDocumentSchema.safeParse({ ...draft, version: 2 }).success).toBe(false);
    expect(DraftDocumentSchema.safeParse({ ...draft, name: 'Revenue Per Minute' }).success).toBe(false);
    expect(DraftDocumentSchema.safeParse({ ...draft, nodes: [{ id: 'a' }] }).success).toBe(false);
    expect(DraftDocumentSchema.safeParse({ ...draft, edges: undefined }).success).toBe(false);
  });
});

describe('PipelineQuerySchema', () => {
  it('reads the version from the query string', () => {
    expect(PipelineQuerySchema.parse({ version: '3' })).toEqual({ version: 3 });
    expect(PipelineQuerySchema.parse({})).toEqual({});
    expect(PipelineQuerySchema.safeParse({ version: '0' }).success).toBe(false);
  });
});
