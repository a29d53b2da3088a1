import { z } from 'zod';
import { durationSchema, parseDuration } from '../duration';
import type { RecordSchema } from '../field';
import { FieldNameSchema } from '../names';
import { defineNodeKind, type NodeInput } from '../node-kind';
import type { Problem } from '../problem';
import { addProblem } from '../zod-problems';
import { comparable, findField, hintFor, problem } from './fields';

export const JOIN_PORTS = ['left', 'right'] as const;
export const RIGHT_SUFFIX = '_right';

const BoundSchema = durationSchema({ allowNegative: true, allowZero: true }, 'Offset from the left record\'s time; may be negative.');

export const IntervalJoinConfigSchema = z
  .strictObject({
    on: z.array(z.strictObject({ left: FieldNameSchema, right: FieldNameSchema })).default([])
      .describe('Pairs of fields that must be equal.'),
    within: z.strictObject({ lower: BoundSchema, upper: BoundSchema })
      .describe('right.time must lie in [left.time + lower, left.time + upper].'),
  })
  .superRefine((config, ctx) => {
    const lower = parseDuration(config.within.lower, { allowNegative: true, allowZero: true });
    const upper = parseDuration(config.within.upper, { allowNegative: true, allowZero: true });
    if (lower.ok && upper.ok && lower.ms > upper.ms) {
      addProblem(ctx, 'BAD_CONFIG', `within.lower '${config.within.lower}' is after within.upper '${config.within.upper}'; no pair could ever match`, ['within', 'upper']);
    }
  });
export type IntervalJoinConfig = z.output<typeof IntervalJoinConfigSchema>;

/** Names of the right input's fields in the output, after the `_right` rule. */
export function joinedSchema(left: RecordSchema, right: RecordSchema): { schema: RecordSchema; clashes: string[] } {
  const schema: RecordSchema = [...left];
  const clashes: string[] = [];
  for (const field of right) {
    let name = field.name;
    if (schema.some((f) => f.name === name)) {
      name = `${field.name}${RIGHT_SUFFIX}`;
      if (schema.some((f) => f.name === name)) clashes.push(field.name);
    }
    schema.push({ name, type: field.type });
  }
  return { schema, clashes };
}

function requireEventTime(input: NodeInput, port: string): Problem[] {
  if (input.eventTime !== null) return [];
  return [problem('NO_EVENT_TIME', undefined,
    `an interval join needs event time on both inputs, but the ${port} input '${input.from}' has none; set eventTime on its kafka-source`)];
}

export const intervalJoinKind = defineNodeKind({
  kind: 'interval-join',
  label: 'Interval join',
  category: 'join',
  icon: 'git-merge',
  help: 'Pairs left and right records with equal keys whose times are close: right.time within [left.time + lower, left.time + upper].',
  inputs: JOIN_PORTS,
  outputs: 'one',
  configSchema: IntervalJoinConfigSchema,
  defaultConfig: (): z.input<typeof IntervalJoinConfigSchema> => ({ on: [], within: { lower: '0s', upper: '1m' } }),
  outputSchema: (config, inputs) => {
    const empty: NodeInput = { from: '', schema: [], eventTime: null };
    const left = inputs[0] ?? empty;
    const right = inputs[1] ?? empty;
    const problems = [...requireEventTime(left, 'left'), ...requireEventTime(right, 'right')];
    config.on.forEach((pair, i) => {
      const l = findField(left.schema, pair.left);
      const r = findField(right.schema, pair.right);
      if (!l) problems.push(problem('UNKNOWN_FIELD', `on.${i}.left`, `join field '${pair.left}' is not in the left input '${left.from}'${hintFor(pair.left, left.schema)}`));
      if (!r) problems.push(problem('UNKNOWN_FIELD', `on.${i}.right`, `join field '${pair.right}' is not in the right input '${right.from}'${hintFor(pair.right, right.schema)}`));
      if (l && r && !comparable(l.type, r.type)) {
        problems.push(problem('TYPE_MISMATCH', `on.${i}.right`, `join fields '${pair.left}' (${l.type}) and '${pair.right}' (${r.type}) cannot be compared`));
      }
    });
    const { schema, clashes } = joinedSchema(left.schema, right.schema);
    for (const name of clashes) {
      problems.push(problem('DUPLICATE_FIELD', undefined,
        `right field '${name}' would be renamed '${name}${RIGHT_SUFFIX}', but the output already has that name; rename it with a map before the join`));
    }
    // Like Flink, the result keeps the left input's event-time attribute.
    return { schema, eventTime: left.eventTime, problems };
  },
});
