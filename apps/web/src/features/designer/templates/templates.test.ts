import { validateDocument } from '@weir/model';
import { describe, expect, it } from 'vitest';
import { hasLayout } from '../document/design-document';
import { findTemplate, TEMPLATES } from './templates';

describe('templates', () => {
  it.each(TEMPLATES.map((t) => [t.id]))('%s validates with no problems, on both engines, and is laid out', (id) => {
    const doc = findTemplate(id)!.create();
    expect(validateDocument(doc).problems).toEqual([]);
    expect(validateDocument(doc, { engine: 'embedded' }).problems).toEqual([]);
    expect(validateDocument(doc, { engine: 'flink' }).problems).toEqual([]);
    expect(hasLayout(doc)).toBe(true);
    expect(doc.name).toBe(id);
  });

  it('derives the outputs the templates promise', () => {
    const logs = validateDocument(findTemplate('log-processing')!.create());
    expect(logs.schemas['per-service']).toEqual([
      { name: 'service', type: 'string' },
      { name: 'window_start', type: 'timestamp' },
      { name: 'window_end', type: 'timestamp' },
      { name: 'errors', type: 'bigint' },
      { name: 'avg_latency_ms', type: 'double' },
      { name: 'last_reason', type: 'string' },
    ]);
    const revenue = validateDocument(findTemplate('revenue-per-category')!.create());
    expect(revenue.schemas['per-minute']?.map((f) => f.name)).toEqual(['category', 'window_start', 'window_end', 'revenue', 'orders']);
    const clicks = validateDocument(findTemplate('clicks-to-postgres')!.create());
    expect(clicks.eventTimes.clean).toBe('ts');
  });

  it('gives a fresh document each time', () => {
    const t = TEMPLATES[0]!;
    expect(t.create()).not.toBe(t.create());
    expect(t.create().nodes[0]!.config).not.toBe(t.create().nodes[0]!.config);
  });
});
