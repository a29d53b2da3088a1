import { z } from 'zod';
import type { RecordSchema } from '../field';
import { FieldNameSchema } from '../names';
import { defineNodeKind } from '../node-kind';
import type { Problem } from '../problem';
import { addProblem } from '../zod-problems';
import { bareFieldReference, checkExpressionField, ExpressionSchema } from './expression-field';
import { findField, problem } from './fields';

export const SelectItemSchema = z.strictObject({ name: FieldNameSchema, expr: ExpressionSchema });

export const MapConfigSchema = z
  .strictObject({
    select: z.array(SelectItemSchema).default([]),
    keepInput: z.boolean().default(false).describe('Keep the input fields before the new ones.'),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.select.forEach((item, i) => {
      if (seen.has(item.name)) addProblem(ctx, 'DUPLICATE_FIELD', `select names '${item.name}' more than once`, ['select', i, 'name']);
      seen.add(item.name);
    });
    if (config.select.length === 0 && !config.keepInput) {
      addProblem(ctx, 'BAD_CONFIG', 'the map outputs no fields: add entries to select or set keepInput', ['select']);
    }
  });
export type MapConfig = z.output<typeof MapConfigSchema>;

export const mapKind = defineNodeKind({
  kind: 'map',
  label: 'Map',
  category: 'transform',
  icon: 'square-function',
  help: 'Computes new fields from expressions, e.g. amount * 1.2 AS gross. With keepInput the input fields come first.',
  inputs: 'one',
  outputs: 'one',
  configSchema: MapConfigSchema,
  defaultConfig: (): z.input<typeof MapConfigSchema> => ({ select: [], keepInput: true }),
  outputSchema: (config, inputs) => {
    const input = inputs[0] ?? { schema: [], eventTime: null };
    const problems: Problem[] = [];
    const schema: RecordSchema = config.keepInput ? [...input.schema] : [];
    let eventTime = config.keepInput ? input.eventTime : null;
    config.select.forEach((item, i) => {
      const checked = checkExpressionField(item.expr, input.schema, `select.${i}.expr`);
      problems.push(...checked.problems);
      if (config.keepInput && findField(input.schema, item.name)) {
        problems.push(problem('DUPLICATE_FIELD', `select.${i}.name`,
          `select names '${item.name}', which the input already has and keepInput keeps; choose another name`));
      }
      if (checked.problems.length > 0) return;
      if (checked.type === null) {
        problems.push(problem('TYPE_MISMATCH', `select.${i}.expr`,
          `select.${i}.expr: the type of '${item.expr}' is unknown; give it one with CAST(… AS type)`));
        return;
      }
      schema.push({ name: item.name, type: checked.type });
      // A bare reference to the event-time field passes the attribute on (renamed if aliased).
      if (eventTime === null && input.eventTime !== null && bareFieldReference(checked.ast) === input.eventTime) {
        eventTime = item.name;
      }
    });
    return { schema, eventTime, problems };
  },
});
