import { describe, expect, it } from 'vitest';
import { revenueDocument } from '../document/test-documents';
import { validateDesign } from '../store/live-validation';
import { fieldNamesFor, suggestionSource } from './field-suggestions';

describe('field name suggestions', () => {
  it('knows which controls name an input field', () => {
    expect(suggestionSource('tumbling-window', ['keyBy', 0])).toBe('input');
    expect(suggestionSource('tumbling-window', ['aggregates', 1, 'field'])).toBe('input');
    expect(suggestionSource('tumbling-window', ['aggregates', 1, 'as'])).toBeNull();
    expect(suggestionSource('interval-join', ['on', 0, 'right'])).toBe('right');
    expect(suggestionSource('kafka-source', ['eventTime', 'field'])).toBe('own-schema');
    expect(suggestionSource('kafka-sink', ['key', 0])).toBe('input');
    expect(suggestionSource('map', ['select', 0, 'name'])).toBeNull();
  });

  it('offers the fields of the upstream node, or the source’s declared ones', () => {
    const doc = revenueDocument();
    const { schemas } = validateDesign(doc);
    expect(fieldNamesFor(doc, 'per-minute', schemas, 'input')).toEqual(['category', 'amount', 'ts']);
    expect(fieldNamesFor(doc, 'orders', schemas, 'own-schema')).toEqual(['category', 'amount', 'ts']);
    expect(fieldNamesFor(doc, 'orders', schemas, 'input')).toEqual([]);
    const joined = { ...doc, edges: [...doc.edges, { from: 'big', to: 'j', port: 'right' }] };
    expect(fieldNamesFor(joined, 'j', schemas, 'right')).toEqual(['category', 'amount', 'ts']);
    expect(fieldNamesFor(joined, 'j', schemas, 'left')).toEqual([]);
  });
});
