import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeCatalog, getNodeKind, isNodeKind, nodeKindsByCategory, unknownKindMessage } from './catalog';
import { NODE_CATEGORIES, type NodeKindDefinition } from './node-kind';
import { NODE_KINDS } from './nodes/index';

/** The node kinds of pipeline-format.md, by section. */
const SPEC_KINDS: Record<string, string[]> = {
  source: ['kafka-source'],
  transform: ['filter', 'map', 'union'],
  window: ['tumbling-window', 'sliding-window', 'session-window', 'count-window'],
  join: ['interval-join'],
  sink: ['kafka-sink', 'postgres-sink', 'preview-sink'],
};

/** Config keys a person has to fill in after dropping a new node on the canvas. */
const FILL_IN: Record<string, string[]> = {
  'kafka-source': ['topic', 'schema'],
  filter: ['where'],
  'kafka-sink': ['topic'],
  'postgres-sink': ['table'],
};

describe('node catalog', () => {
  it('registers every kind of the spec, once, in its category', () => {
    const registered = NODE_KINDS.map((k) => k.kind);
    expect(new Set(registered).size).toBe(registered.length);
    expect([...registered].sort()).toEqual(Object.values(SPEC_KINDS).flat().sort());
    for (const [category, kinds] of Object.entries(SPEC_KINDS)) {
      for (const kind of kinds) expect(getNodeKind(kind)?.category).toBe(category);
    }
  });

  it('gives every kind the metadata the canvas needs', () => {
    for (const kind of NODE_KINDS as readonly NodeKindDefinition[]) {
      expect(kind.label.length).toBeGreaterThan(0);
      expect(kind.icon).toMatch(/^[a-z0-9-]+$/);
      expect(kind.help.length).toBeGreaterThan(20);
      expect(kind.configSchema).toBeInstanceOf(z.ZodType);
      expect(kind.outputs).toBe(kind.category === 'sink' ? 'none' : 'one');
      const expectedInputs = { source: 'none', join: ['left', 'right'], sink: 'one', window: 'one' }[kind.category as string];
      if (expectedInputs) expect(kind.inputs).toEqual(expectedInputs);
    }
    expect(getNodeKind('union')?.inputs).toBe('many');
    expect(getNodeKind('filter')?.inputs).toBe('one');
  });

  it('gives new nodes a default config that only lacks what a person must fill in', () => {
    for (const kind of NODE_KINDS as readonly NodeKindDefinition[]) {
      const result = kind.configSchema.safeParse(kind.defaultConfig());
      const failing = result.success ? [] : [...new Set(result.error.issues.map((i) => String(i.path[0])))].sort();
      expect({ kind: kind.kind, failing }).toEqual({ kind: kind.kind, failing: [...(FILL_IN[kind.kind] ?? [])].sort() });
    }
  });

  it('groups the palette by category in a fixed order', () => {
    const palette = nodeKindsByCategory();
    expect(palette.map((g) => g.category)).toEqual([...NODE_CATEGORIES]);
    expect(palette.find((g) => g.category === 'window')?.kinds.map((k) => k.kind)).toEqual(SPEC_KINDS.window);
  });

  it('describes itself as plain JSON with a JSON Schema per config', () => {
    const described = describeCatalog();
    expect(JSON.parse(JSON.stringify(described))).toEqual(described);
    const window = described.find((d) => d.kind === 'sliding-window');
    expect(window?.configJsonSchema).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: ['size', 'slide'],
      properties: { size: { type: 'string', format: 'duration' }, keyBy: { type: 'array', default: [] } },
    });
    const source = described.find((d) => d.kind === 'kafka-source')?.configJsonSchema as { properties: Record<string, unknown> };
    expect(source.properties.format).toMatchObject({ enum: ['json', 'csv', 'text'], default: 'json' });
  });

  it('recognises kinds and suggests the closest for unknown ones', () => {
    expect(isNodeKind('map')).toBe(true);
    expect(isNodeKind('toString')).toBe(false);
    expect(getNodeKind('constructor')).toBeUndefined();
    expect(unknownKindMessage('tumbling')).toContain("did you mean 'tumbling-window'?");
    expect(unknownKindMessage('zzz')).toContain('known kinds are kafka-source, filter');
  });
});
