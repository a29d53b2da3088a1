import { describe, expect, it } from 'vitest';
import { revenueDocument } from '../document/test-documents';
import { documentFileName, documentText, parseDocumentText } from './document-file';

describe('import and export', () => {
  it('round-trips a document through its file text', () => {
    const doc = revenueDocument();
    const text = documentText(doc);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseDocumentText(text)).toEqual({ ok: true, doc });
    expect(documentFileName(doc)).toBe('revenue.json');
  });

  it('opens a document whose configs are wrong, for validation to explain', () => {
    const result = parseDocumentText(JSON.stringify({ version: 1, name: 'x', nodes: [{ id: 'a', kind: 'filtr', config: 3 }], edges: [] }));
    expect(result.ok).toBe(true);
  });

  it('refuses what is not a pipeline document, saying what is wrong', () => {
    expect(parseDocumentText('')).toEqual({ ok: false, message: 'There is nothing to import: the text is empty.' });
    expect(parseDocumentText('{"version": 1,').ok).toBe(false);
    expect(parseDocumentText('{"version": 1,')).toMatchObject({ message: expect.stringMatching(/^This is not JSON: /) });
    expect(parseDocumentText('[1]')).toMatchObject({ ok: false, message: expect.stringMatching(/JSON object/) });
    expect(parseDocumentText('{"version": 2, "nodes": [], "edges": []}')).toMatchObject({ message: expect.stringMatching(/Version 2 is not supported/) });
    expect(parseDocumentText('{"version": 1, "nodes": {}, "edges": []}')).toMatchObject({ message: expect.stringMatching(/"nodes" list/) });
    expect(parseDocumentText('{"version": 1, "nodes": [{"id": "a"}], "edges": []}')).toMatchObject({ message: 'Node 1 needs a string "id" and a string "kind".' });
    expect(parseDocumentText('{"version": 1, "nodes": [], "edges": [{"from": 1}]}')).toMatchObject({ message: 'Edge 1 needs a string "from" and a string "to".' });
  });
});
