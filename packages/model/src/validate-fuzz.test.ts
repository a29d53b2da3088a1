import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from './nodes/index';
import { validateDocument, type ValidationResult } from './validate';

const example: unknown = JSON.parse(readFileSync(new URL('../fixtures/revenue-per-category.json', import.meta.url), 'utf8'));

/** Validation answers every input: problems when not ok, and never by way of its own failure. */
function expectAnswered(result: ValidationResult): void {
  if (result.ok) {
    expect(result.problems).toEqual([]);
    expect(result.document.version).toBe(1);
  } else {
    expect(result.problems.length).toBeGreaterThan(0);
  }
  for (const problem of result.problems) {
    expect(typeof problem.code).toBe('string');
    expect(problem.message.length).toBeGreaterThan(0);
    expect(problem.message).not.toContain('could not be validated');
  }
}

function validateBoth(input: unknown): void {
  expectAnswered(validateDocument(input));
  expectAnswered(validateDocument(input, { engine: 'flink' }));
}

const ids = fc.constantFrom('a', 'b', 'c', 'd', 'src', 'out', 'bad id', '');
const kinds = fc.oneof(fc.constantFrom(...NODE_KINDS.map((k) => k.kind)), fc.constantFrom('filtr', 'toString', '__proto__', ''));
const fieldNames = fc.constantFrom('category', 'amount', 'ts', 'line', 'window_end', 'nope', '');

/** Configs that are often nearly right, so the deeper stages of validation run too. */
const config = fc.oneof(
  fc.jsonValue(),
  fc.record({ topic: fc.constantFrom('orders', 'bad topic'), format: fc.constantFrom('json', 'text', 'xml'),
    schema: fc.array(fc.record({ name: fieldNames, type: fc.constantFrom('string', 'double', 'timestamp', 'float') }), { maxLength: 4 }),
    eventTime: fc.option(fc.record({ field: fieldNames, maxOutOfOrderness: fc.constantFrom('0s', '5s', '5 s', 5) }), { nil: undefined }) },
  { requiredKeys: [] }),
  fc.record({ where: fc.oneof(fc.string(), fc.constantFrom('amount > 1', 'TRUE', 'category LIKE', 'ts IS NULL')) }),
  fc.record({ select: fc.array(fc.record({ name: fieldNames, expr: fc.oneof(fc.string(), fieldNames) }), { maxLength: 3 }), keepInput: fc.boolean() },
    { requiredKeys: [] }),
  fc.record({ size: fc.oneof(fc.constantFrom('1m', '10s', '7s', '0s', '1h30m'), fc.integer({ min: -2, max: 20 })),
    slide: fc.oneof(fc.constantFrom('1m', '10s', '7s'), fc.integer({ min: 0, max: 20 })), gap: fc.constantFrom('5m', 'x'),
    keyBy: fc.array(fieldNames, { maxLength: 3 }),
    aggregates: fc.array(fc.record({ fn: fc.constantFrom('count', 'sum', 'avg', 'median'), field: fieldNames, as: fieldNames }, { requiredKeys: ['fn'] }), { maxLength: 3 }) },
  { requiredKeys: [] }),
  fc.record({ on: fc.array(fc.record({ left: fieldNames, right: fieldNames }), { maxLength: 2 }),
    within: fc.record({ lower: fc.constantFrom('-5s', '0s', '1m', 'x'), upper: fc.constantFrom('-5s', '0s', '1m') }) }, { requiredKeys: [] }),
);

const nearDocument = fc.record({
  version: fc.constantFrom(1, 1, 1, 2, '1'),
  name: fc.constantFrom('p', 'Bad Name', ''),
  settings: fc.option(fc.jsonValue(), { nil: undefined }),
  nodes: fc.array(fc.record({ id: ids, kind: kinds, config, ui: fc.option(fc.jsonValue(), { nil: undefined }) }, { requiredKeys: ['id', 'kind'] }), { maxLength: 7 }),
  edges: fc.array(fc.record({ from: ids, to: ids, port: fc.option(fc.constantFrom('left', 'right', 'middle'), { nil: undefined }) }, { requiredKeys: ['from', 'to'] }), { maxLength: 9 }),
}, { requiredKeys: ['version', 'nodes', 'edges'] });

/** Replaces the value at a random path of a document with another value. */
function mutate(document: unknown, path: readonly number[], value: unknown): unknown {
  if (path.length === 0 || document === null || typeof document !== 'object') return value;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(document) ? [...document] : { ...(document as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (keys.length === 0) return value;
  const key = keys[(path[0] as number) % keys.length] as string;
  (copy as Record<string, unknown>)[key] = mutate((copy as Record<string, unknown>)[key], path.slice(1), value);
  return copy;
}

describe('validateDocument never throws', () => {
  it('on arbitrary JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), (input) => validateBoth(input)), { numRuns: 300 });
  });

  it('on arbitrary JavaScript values', () => {
    fc.assert(fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true }), (input) => validateBoth(input)), { numRuns: 300 });
  });

  it('on documents that are nearly right', () => {
    fc.assert(fc.property(nearDocument, (input) => validateBoth(input)), { numRuns: 500 });
  });

  it('on the example document with one part replaced', () => {
    fc.assert(fc.property(fc.array(fc.nat(), { maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), (path, value) => {
      validateBoth(mutate(example, path, value));
    }), { numRuns: 500 });
  });
});
