import { z } from 'zod';
import type { RecordSchema } from '../field';
import { defineNodeKind, type NodeInput } from '../node-kind';
import type { Problem } from '../problem';
import { problem } from './fields';

export const UnionConfigSchema = z.strictObject({});
export type UnionConfig = z.output<typeof UnionConfigSchema>;

/** Where two schemas first differ, in words; null when they are the same. */
export function schemaDifference(expected: RecordSchema, actual: RecordSchema): string | null {
  const length = Math.max(expected.length, actual.length);
  for (let i = 0; i < length; i++) {
    const e = expected[i];
    const a = actual[i];
    if (!e) return `it has an extra field '${a?.name}' at position ${i + 1}`;
    if (!a) return `it lacks field '${e.name}' at position ${i + 1}`;
    if (e.name !== a.name) return `field ${i + 1} is '${a.name}' where '${e.name}' is expected`;
    if (e.type !== a.type) return `field '${a.name}' is ${a.type} where ${e.type} is expected`;
  }
  return null;
}

export const unionKind = defineNodeKind({
  kind: 'union',
  label: 'Union',
  category: 'transform',
  icon: 'merge',
  help: 'Merges two or more streams with the same fields (names and types, in order) into one.',
  inputs: 'many',
  outputs: 'one',
  configSchema: UnionConfigSchema,
  defaultConfig: (): z.input<typeof UnionConfigSchema> => ({}),
  outputSchema: (_config, inputs) => {
    const first: NodeInput = inputs[0] ?? { from: '', schema: [], eventTime: null };
    const problems: Problem[] = [];
    for (const input of inputs.slice(1)) {
      const difference = schemaDifference(first.schema, input.schema);
      if (difference !== null) {
        problems.push(problem('TYPE_MISMATCH', undefined,
          `input '${input.from}' does not match input '${first.from}': ${difference}; all inputs of a union need the same fields in the same order`));
      }
    }
    // The result keeps event time only when every input has it on the same field.
    const eventTime = inputs.every((i) => i.eventTime !== null && i.eventTime === first.eventTime) ? first.eventTime : null;
    return { schema: first.schema, eventTime, problems };
  },
});
